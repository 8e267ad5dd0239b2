import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One CodeBuild project: `BatchGetProjects`, reduced to what the checks need (never a URL or a value). */
export const codeBuildProjectSchema = assetSchemaOf("aws.codebuild.project", () =>
  z.object({
    projectName: z.string(),
    /**
     * A source (`source` or one of `secondarySources`) of a Git provider (GitHub, GitHub Enterprise,
     * Bitbucket, GitLab) has a `location` URL carrying user information (a token or user:password).
     */
    sourceUrlHasCredentials: z.boolean(),
    /**
     * Names of `environment.environmentVariables` of type `PLAINTEXT` that hold AWS credentials
     * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
     */
    plaintextCredentialVariables: z.array(z.string()),
    /** `environment.privilegedMode`. */
    privilegedMode: z.boolean(),
    /** `logsConfig.cloudWatchLogs.status` is `ENABLED` (CodeBuild's default when absent). */
    cloudWatchLogsEnabled: z.boolean(),
    /** `logsConfig.s3Logs.status` is `ENABLED`. */
    s3LogsEnabled: z.boolean(),
    /** `logsConfig.s3Logs.encryptionDisabled`. */
    s3LogsEncryptionDisabled: z.boolean(),
  }),
);

/** One CodeBuild report group: `BatchGetReportGroups`. */
export const codeBuildReportGroupSchema = assetSchemaOf("aws.codebuild.report-group", () =>
  z.object({
    reportGroupName: z.string(),
    /** `exportConfig.exportConfigType`: `S3` or `NO_EXPORT`. */
    exportConfigType: z.string(),
    /** `exportConfig.s3Destination.encryptionDisabled`. */
    exportEncryptionDisabled: z.boolean(),
  }),
);
