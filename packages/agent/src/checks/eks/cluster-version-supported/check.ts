import { defineCheck, fail, pass } from "../../check.ts";
import { eksSupportEnded } from "../versions.ts";

export const clusterVersionSupported = defineCheck({
  id: "vigil.eks.cluster-version-supported",
  title: "EKS clusters should run a Kubernetes version in standard support",
  severity: "high",
  resourceType: "aws.eks.cluster",
  reads: ["version"],
  rationale:
    "Versions past standard support get no Kubernetes security fixes from the community and cost extra in extended support.",
  remediation:
    "Upgrade the control plane one minor version at a time: aws eks update-cluster-version --name <cluster> --kubernetes-version <next>, then the node groups.",
  references: [
    "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-2",
  ],
  mappings: { cis: [], fsbp: ["EKS.2"] },
  evaluate: (asset, { now }) => {
    const version = asset.config.version;
    const ended = eksSupportEnded(version, now);
    return ended === undefined
      ? pass(`Kubernetes ${version} is in standard support`)
      : fail(`standard support for Kubernetes ${version} ended ${ended}`);
  },
});
