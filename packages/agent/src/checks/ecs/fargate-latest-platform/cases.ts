import type { CheckCase } from "../../_cases/case.ts";
import { service } from "../../_cases/ecs.ts";

const check = "vigil.ecs.fargate-latest-platform";

/** Compliant and non-compliant cases of `vigil.ecs.fargate-latest-platform`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "LATEST", asset: service(), expect: "pass" },
  { check, name: "1.4.0 on Linux", asset: service({ platformVersion: "1.4.0" }), expect: "pass" },
  {
    check,
    name: "1.3.0 on Linux",
    asset: service({ platformVersion: "1.3.0" }),
    expect: "fail",
    evidence: /1\.3\.0, the latest is 1\.4\.0/,
  },
  {
    check,
    name: "FARGATE_SPOT capacity provider on 1.3.0",
    asset: service({
      launchType: undefined,
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
      platformVersion: "1.3.0",
    }),
    expect: "fail",
  },
  {
    check,
    name: "EC2 launch type",
    asset: service({ launchType: "EC2", platformVersion: undefined }),
    expect: "n/a",
  },
];
