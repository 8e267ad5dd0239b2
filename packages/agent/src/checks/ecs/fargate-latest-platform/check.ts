import { defineCheck, fail, pass } from "../../check.ts";

/** The latest Fargate platform versions (Security Hub's ECS.10 defaults). */
export const LATEST_FARGATE = { Linux: "1.4.0", Windows: "1.0.0" } as const;

export const fargateLatestPlatform = defineCheck({
  id: "vigil.ecs.fargate-latest-platform",
  title: "ECS Fargate services should run on the latest Fargate platform version",
  severity: "medium",
  resourceType: "aws.ecs.service",
  reads: ["fargate", "platformFamily", "platformVersion"],
  rationale:
    "Fargate platform versions carry the kernel, container runtime and agent the tasks run on; older ones miss security fixes and features.",
  remediation:
    "aws ecs update-service --cluster <cluster> --service <service> --platform-version LATEST --force-new-deployment",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.10"] },
  evaluate: (asset) => {
    const c = asset.config;
    if (!c.fargate) return undefined;
    const version = c.platformVersion ?? "LATEST";
    const latest = c.platformFamily?.toLowerCase().startsWith("windows")
      ? LATEST_FARGATE.Windows
      : LATEST_FARGATE.Linux;
    if (version === "LATEST" || version === latest) return pass(`platform version ${version}`);
    return fail(`platform version ${version}, the latest is ${latest}`);
  },
});
