import type { CheckCase } from "../../_cases/case.ts";
import { NETWORK, service } from "../../_cases/ecs.ts";

const check = "vigil.ecs.service-no-public-ip";

/** Compliant and non-compliant cases of `vigil.ecs.service-no-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "assignPublicIp DISABLED", asset: service(), expect: "pass" },
  {
    check,
    name: "assignPublicIp ENABLED",
    asset: service({
      networkConfiguration: {
        awsvpcConfiguration: { ...NETWORK.awsvpcConfiguration, assignPublicIp: "ENABLED" },
      },
    }),
    expect: "fail",
    evidence: /assignPublicIp ENABLED/,
  },
  {
    check,
    name: "bridge networking on EC2 (no awsvpc configuration)",
    asset: service({ launchType: "EC2", platformVersion: undefined, networkConfiguration: undefined }),
    expect: "pass",
  },
];
