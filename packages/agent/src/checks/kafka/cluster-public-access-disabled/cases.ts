import type { CheckCase } from "../../_cases/case.ts";
import { provisioned } from "../../_cases/kafka.ts";

/** Compliant and non-compliant cases of `vigil.kafka.cluster-public-access-disabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kafka.cluster-public-access-disabled",
    name: "PublicAccess DISABLED",
    asset: provisioned({}),
    expect: "pass",
  },
  {
    check: "vigil.kafka.cluster-public-access-disabled",
    name: "PublicAccess SERVICE_PROVIDED_EIPS",
    asset: provisioned({
      BrokerNodeGroupInfo: {
        ClientSubnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60719"],
        InstanceType: "kafka.m5.large",
        ConnectivityInfo: { PublicAccess: { Type: "SERVICE_PROVIDED_EIPS" } },
      },
    }),
    expect: "fail",
  },
];
