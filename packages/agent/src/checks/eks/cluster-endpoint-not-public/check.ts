import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the API server endpoint is private");

export const clusterEndpointNotPublic = defineCheck({
  id: "vigil.eks.cluster-endpoint-not-public",
  title: "EKS cluster endpoints should not be publicly accessible",
  severity: "high",
  resourceType: "aws.eks.cluster",
  reads: ["endpointPublicAccess", "publicAccessCidrs"],
  rationale:
    "A public Kubernetes API endpoint is reachable by anyone; a stolen kubeconfig or an API server vulnerability is then exploitable from the internet.",
  remediation:
    "aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true (or restrict publicAccessCidrs).",
  references: [
    "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1",
  ],
  mappings: { cis: [], fsbp: ["EKS.1"] },
  evaluate: (asset) => {
    const c = asset.config;
    if (!c.endpointPublicAccess) return PRIVATE;
    return fail(
      c.publicAccessCidrs.includes("0.0.0.0/0")
        ? "the API server endpoint is public and open to 0.0.0.0/0"
        : "the API server endpoint is public (restricted CIDRs)",
    );
  },
});
