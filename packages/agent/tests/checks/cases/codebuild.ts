import type { Project, ReportGroup } from "@aws-sdk/client-codebuild";
import { codeBuildProjectAsset, codeBuildReportGroupAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `BatchGetProjects` `projects[]` of a project as a careful owner configures it. */
const PROJECT: Project = {
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

const project = (over: Partial<Project> = {}) =>
  codeBuildProjectAsset(WHERE, "api-build", { ok: true, value: { projects: [{ ...PROJECT, ...over }] } });
const environment = (over: Partial<NonNullable<Project["environment"]>>) =>
  project({ environment: { ...(PROJECT.environment as NonNullable<Project["environment"]>), ...over } });

/** `BatchGetReportGroups` `reportGroups[]`: test reports exported to S3, encrypted with a KMS key. */
const REPORT_GROUP_ARN = `arn:aws:codebuild:${REGION}:${ACCOUNT}:report-group/api-build-tests`;
const REPORT_GROUP: ReportGroup = {
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
const reportGroup = (over: Partial<ReportGroup> = {}) =>
  codeBuildReportGroupAsset(WHERE, REPORT_GROUP_ARN, {
    ok: true,
    value: { reportGroups: [{ ...REPORT_GROUP, ...over }] },
  });

export const codeBuildCases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "GitHub URL without user information",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "Bitbucket URL with user:password",
    asset: project({
      source: { type: "BITBUCKET", location: "https://builder:hunter2@bitbucket.org/example/api.git" },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "secondary GitHub source with a personal access token",
    asset: project({
      secondarySources: [
        {
          type: "GITHUB",
          location: "https://ghp_0123456789abcdefABCDEF0123456789abcd@github.com/example/lib.git",
          sourceIdentifier: "lib",
        },
      ],
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-no-plaintext-credentials",
    name: "AWS_SECRET_ACCESS_KEY from Secrets Manager",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-no-plaintext-credentials",
    name: "AWS_ACCESS_KEY_ID as PLAINTEXT",
    asset: environment({
      environmentVariables: [{ name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE", type: "PLAINTEXT" }],
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs encrypted",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs with encryptionDisabled",
    asset: project({
      logsConfig: {
        cloudWatchLogs: { status: "ENABLED" },
        s3Logs: { status: "ENABLED", location: "build-logs/api", encryptionDisabled: true },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs disabled",
    asset: project({
      logsConfig: { cloudWatchLogs: { status: "ENABLED" }, s3Logs: { status: "DISABLED" } },
    }),
    expect: "n/a",
  },
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "CloudWatch Logs enabled",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "only S3 logs",
    asset: project({
      logsConfig: {
        cloudWatchLogs: { status: "DISABLED" },
        s3Logs: { status: "ENABLED", location: "build-logs/api" },
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "both disabled",
    asset: project({
      logsConfig: { cloudWatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-privileged-mode-disabled",
    name: "privilegedMode false",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-privileged-mode-disabled",
    name: "privilegedMode true",
    asset: environment({ privilegedMode: true }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "S3 export encrypted",
    asset: reportGroup(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "S3 export with encryptionDisabled",
    asset: reportGroup({
      exportConfig: {
        exportConfigType: "S3",
        s3Destination: { bucket: "build-reports", encryptionDisabled: true },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "NO_EXPORT",
    asset: reportGroup({ exportConfig: { exportConfigType: "NO_EXPORT" } }),
    expect: "n/a",
  },
];
