import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the document is not shared publicly");
const PUBLIC = fail("the document is shared with all AWS accounts");

export const documentNotPublic = defineCheck({
  id: "vigil.ssm.document-not-public",
  title: "SSM documents should not be public",
  severity: "critical",
  resourceType: "aws.ssm.document",
  reads: ["sharedPublicly"],
  rationale:
    "A public document exposes its content (scripts, parameters, resource names, sometimes credentials) to every AWS account.",
  remediation:
    "aws ssm modify-document-permission --name <name> --permission-type Share --account-ids-to-remove all",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-4",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html",
  ],
  mappings: { cis: [], fsbp: ["SSM.4"] },
  evaluate: (asset) => (asset.config.sharedPublicly ? PUBLIC : PRIVATE),
});
