import { defineCheck, fail, pass } from "../../check.ts";

/** The domain endpoint policies that accept TLS 1.2 and later only (the latest OpenSearch offers). */
const TLS_1_2_POLICIES = new Set(["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"]);
export const openSearchDomainTls12Policy = defineCheck({
  id: "vigil.opensearch.domain-tls-1-2-policy",
  title: "Connections to OpenSearch domains should be encrypted using the latest TLS security policy",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["enforceHttps", "tlsSecurityPolicy"],
  rationale:
    "A domain that accepts plain HTTP, or TLS 1.0 and 1.1, lets clients send credentials and documents over connections that can be read or downgraded.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8",
    "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.8"] },
  evaluate: (asset) => {
    if (!asset.config.enforceHttps) return fail("HTTPS is not enforced: plain HTTP is accepted");
    if (!TLS_1_2_POLICIES.has(asset.config.tlsSecurityPolicy))
      return fail("the TLS security policy accepts TLS versions before 1.2");
    return pass("HTTPS enforced with a TLS 1.2 minimum policy");
  },
});
