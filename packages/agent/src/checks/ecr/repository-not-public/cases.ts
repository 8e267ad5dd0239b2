import type { CheckCase } from "../../_cases/case.ts";
import { ANYONE_PULL, NO_POLICY, ok, repository } from "../../_cases/ecr.ts";

/** Compliant and non-compliant cases of `vigil.ecr.repository-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecr.repository-not-public",
    name: "pull for one other account",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-not-public",
    name: "RepositoryPolicyNotFoundException",
    asset: repository({}, { policy: NO_POLICY }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-not-public",
    name: "pull for Principal *",
    asset: repository({}, { policy: ok({ policyText: ANYONE_PULL }) }),
    expect: "fail",
  },
];
