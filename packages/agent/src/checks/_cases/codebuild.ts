import type { Project, ReportGroup } from "@aws-sdk/client-codebuild";
import { codeBuildProjectAsset, codeBuildReportGroupAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `BatchGetProjects` `projects[]` of a project as a careful owner configures it. */
export const PROJECT: Project = {
  name: "api-build",
  arn: `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/api-build`,
  source: {
    type: "GITHUB",
    location: "https://github.com/example/api.git",
    gitCloneDepth: 1,
    buildspec: "buildspec.yml",
    reportBuildStatus: false,
    insecureSsl: false,
  },
  secondarySources: [],
  artifacts: { type: "NO_ARTIFACTS" },
  environment: {
    type: "LINUX_CONTAINER",
    image: "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
    computeType: "BUILD_GENERAL1_SMALL",
    environmentVariables: [
      { name: "STAGE", value: "prod", type: "PLAINTEXT" },
      { name: "AWS_SECRET_ACCESS_KEY", value: "ci/deploy-key", type: "SECRETS_MANAGER" },
    ],
    privilegedMode: false,
    imagePullCredentialsType: "CODEBUILD",
  },
  serviceRole: `arn:aws:iam::${ACCOUNT}:role/codebuild-api-build`,
  timeoutInMinutes: 60,
  queuedTimeoutInMinutes: 480,
  encryptionKey: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3`,
  tags: [{ key: "team", value: "api" }],
  created: new Date("2024-11-02T10:00:00Z"),
  lastModified: new Date("2025-03-14T16:20:00Z"),
  badge: { badgeEnabled: false },
  logsConfig: {
    cloudWatchLogs: { status: "ENABLED" },
    s3Logs: { status: "ENABLED", location: "build-logs-123456789012/api", encryptionDisabled: false },
  },
  projectVisibility: "PRIVATE",
};
export const project = (over: Partial<Project> = {}) =>
  codeBuildProjectAsset(WHERE, "api-build", { ok: true, value: { projects: [{ ...PROJECT, ...over }] } });
export const environment = (over: Partial<NonNullable<Project["environment"]>>) =>
  project({ environment: { ...(PROJECT.environment as NonNullable<Project["environment"]>), ...over } });
/** `BatchGetReportGroups` `reportGroups[]`: test reports exported to S3, encrypted with a KMS key. */
export const REPORT_GROUP_ARN = `arn:aws:codebuild:${REGION}:${ACCOUNT}:report-group/api-build-tests`;
export const REPORT_GROUP: ReportGroup = {
  arn: REPORT_GROUP_ARN,
  name: "api-build-tests",
  type: "TEST",
  exportConfig: {
    exportConfigType: "S3",
    s3Destination: {
      bucket: "build-reports-123456789012",
      path: "api",
      packaging: "ZIP",
      encryptionKey: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      encryptionDisabled: false,
    },
  },
  created: new Date("2024-11-02T10:00:00Z"),
  lastModified: new Date("2024-11-02T10:00:00Z"),
  tags: [],
  status: "ACTIVE",
};
export const reportGroup = (over: Partial<ReportGroup> = {}) =>
  codeBuildReportGroupAsset(WHERE, REPORT_GROUP_ARN, {
    ok: true,
    value: { reportGroups: [{ ...REPORT_GROUP, ...over }] },
  });
