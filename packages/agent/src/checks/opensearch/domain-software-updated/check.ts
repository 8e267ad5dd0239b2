import { defineCheck, fail, pass } from "../../check.ts";

const CURRENT = pass("no service software update is pending");
const BEHIND = fail("a service software update is available but not installed");
export const openSearchDomainSoftwareUpdated = defineCheck({
  id: "vigil.opensearch.domain-software-updated",
  title: "OpenSearch domains should have the latest software update installed",
  severity: "low",
  resourceType: "aws.opensearch.domain",
  reads: ["softwareUpdateAvailable"],
  rationale:
    "Service software updates carry security fixes for the domain's nodes: an update left pending keeps known vulnerabilities in place.",
  remediation: "aws opensearch start-service-software-update --domain-name <name>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-10",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.10"] },
  evaluate: (asset) => (asset.config.softwareUpdateAvailable ? BEHIND : CURRENT),
});
