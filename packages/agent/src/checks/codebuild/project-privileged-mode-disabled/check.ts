import { defineCheck, fail, pass } from "../../check.ts";

const OFF = pass("the build environment runs without privileged mode");
const ON = fail("the build environment runs in privileged mode");

export const projectPrivilegedModeDisabled = defineCheck({
  id: "vigil.codebuild.project-privileged-mode-disabled",
  title: "CodeBuild project environments should not have privileged mode enabled",
  severity: "high",
  resourceType: "aws.codebuild.project",
  reads: ["privilegedMode"],
  rationale:
    "Privileged mode gives the build container root access to the host's devices (it is needed only to build Docker images); a malicious dependency can then escape the build.",
  remediation:
    "aws codebuild update-project --name <name> --environment 'type=LINUX_CONTAINER,image=<image>,computeType=<type>,privilegedMode=false'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5",
    "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["CodeBuild.5"] },
  evaluate: (asset) => (asset.config.privilegedMode ? ON : OFF),
});
