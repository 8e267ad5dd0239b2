import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("the account is not a member of an AWS organization");
export const accountInOrganization = defineCheck({
  id: "vigil.organizations.account-in-organization",
  title: "The account should be a member of an AWS organization",
  severity: "low",
  resourceType: "aws.organizations.account",
  reads: ["organizationId", "featureSet"],
  rationale:
    "An organization lets service control policies, central CloudTrail, GuardDuty and Security Hub administration apply to the account; a standalone account is governed by nobody but itself.",
  remediation:
    "From the organization's management account: aws organizations invite-account-to-organization --target Id=<account-id>,Type=ACCOUNT; then accept the handshake in this account.",
  references: ["https://docs.aws.amazon.com/organizations/latest/userguide/orgs_introduction.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: ({ config: { organizationId, featureSet } }) =>
    organizationId === null
      ? NONE
      : pass(
          featureSet === "ALL"
            ? "the account is in an organization with all features enabled"
            : "the account is in an organization (consolidated billing only)",
        ),
});
