import { organizationsAccountAsset } from "../../../collectors/index.ts";
import { ACCOUNT } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ORG } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.organizations.account-in-organization`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.organizations.account-in-organization",
    name: "organization with all features",
    asset: organizationsAccountAsset(ACCOUNT, { ok: true, value: { Organization: ORG } }),
    expect: "pass",
    evidence: /all features/,
  },
  {
    check: "vigil.organizations.account-in-organization",
    name: "consolidated billing only",
    asset: organizationsAccountAsset(ACCOUNT, {
      ok: true,
      value: { Organization: { ...ORG, FeatureSet: "CONSOLIDATED_BILLING" } },
    }),
    expect: "pass",
    evidence: /consolidated billing/,
  },
  {
    check: "vigil.organizations.account-in-organization",
    name: "AWSOrganizationsNotInUseException",
    asset: organizationsAccountAsset(ACCOUNT, {
      ok: false,
      kind: "not-configured",
      code: "AWSOrganizationsNotInUseException",
      message: "Your account is not a member of an organization.",
      call: "organizations:DescribeOrganization",
    }),
    expect: "fail",
  },
];
