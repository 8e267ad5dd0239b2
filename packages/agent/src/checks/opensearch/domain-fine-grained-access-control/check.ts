import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("fine-grained access control is enabled");
const OFF = fail("fine-grained access control is disabled");
export const openSearchDomainFineGrainedAccessControl = defineCheck({
  id: "vigil.opensearch.domain-fine-grained-access-control",
  title: "OpenSearch domains should have fine-grained access control enabled",
  severity: "high",
  resourceType: "aws.opensearch.domain",
  reads: ["fineGrainedAccessControl"],
  rationale:
    "Fine-grained access control limits each user to the indices, documents and fields their role allows, instead of all or nothing for whoever the access policy lets in.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --advanced-security-options Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=<role ARN>}",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-7",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.7"] },
  evaluate: (asset) => (asset.config.fineGrainedAccessControl ? ON : OFF),
});
