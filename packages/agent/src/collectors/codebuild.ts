import {
  BatchGetProjectsCommand,
  type BatchGetProjectsCommandOutput,
  BatchGetReportGroupsCommand,
  type BatchGetReportGroupsCommandOutput,
  CodeBuildClient,
  type ProjectSource,
  paginateListProjects,
  paginateListReportGroups,
} from "@aws-sdk/client-codebuild";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ codebuild: CodeBuildClient });

type Project = AssetOf<"aws.codebuild.project">;
type ReportGroup = AssetOf<"aws.codebuild.report-group">;

const PROJECT_FIELDS = [
  "sourceUrlHasCredentials",
  "plaintextCredentialVariables",
  "privilegedMode",
  "cloudWatchLogsEnabled",
  "s3LogsEnabled",
  "s3LogsEncryptionDisabled",
] as const;

/** Source types whose `location` is a Git provider's URL. */
const GIT_PROVIDERS = new Set(["GITHUB", "GITHUB_ENTERPRISE", "BITBUCKET", "GITLAB", "GITLAB_SELF_MANAGED"]);
const AWS_CREDENTIAL_VARIABLES = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);

/** The URL carries user information (`https://<token>@host/…`, `https://user:password@host/…`). */
function urlHasCredentials(source: ProjectSource): boolean {
  if (!GIT_PROVIDERS.has(source.type ?? "") || !source.location) return false;
  try {
    const url = new URL(source.location);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
}

/** The project's name from a `BatchGetProjects` that found nothing: fields unread, never guessed. */
function markGone(unread: UnreadFields, call: string, what: string, name: string, fields: readonly string[]) {
  unread.markAs(
    { call, kind: "failed", code: "ResourceNotFoundException", message: `${what} ${name} was not found` },
    ...fields,
  );
}

/** A project as `BatchGetProjects` describes it; when that read failed, its fields are unread. */
export function codeBuildProjectAsset(
  c: Where,
  name: string,
  batch: RawOutcome<Pick<BatchGetProjectsCommandOutput, "projects">>,
): Project {
  const unread = new UnreadFields();
  const config: Partial<Project["config"]> = { projectName: name };
  let arn = `arn:${c.partition}:codebuild:${c.region}:${c.accountId}:project/${name}`;
  let tags: Record<string, string> = {};
  if (!unread.failed(batch, ...PROJECT_FIELDS) && batch.ok) {
    const project = batch.value.projects?.find((p) => p.name === name);
    if (!project) markGone(unread, "codebuild:BatchGetProjects", "project", name, PROJECT_FIELDS);
    else {
      arn = project.arn ?? arn;
      tags = Object.fromEntries((project.tags ?? []).map((t) => [t.key ?? "", t.value ?? ""]));
      const sources = [...(project.source ? [project.source] : []), ...(project.secondarySources ?? [])];
      config.sourceUrlHasCredentials = sources.some(urlHasCredentials);
      config.plaintextCredentialVariables = (project.environment?.environmentVariables ?? [])
        .filter((v) => (v.type ?? "PLAINTEXT") === "PLAINTEXT" && AWS_CREDENTIAL_VARIABLES.has(v.name ?? ""))
        .map((v) => v.name ?? "");
      config.privilegedMode = project.environment?.privilegedMode === true;
      const logs = project.logsConfig;
      config.cloudWatchLogsEnabled = (logs?.cloudWatchLogs?.status ?? "ENABLED") === "ENABLED";
      config.s3LogsEnabled = logs?.s3Logs?.status === "ENABLED";
      config.s3LogsEncryptionDisabled = logs?.s3Logs?.encryptionDisabled === true;
    }
  }
  return regionalAsset(c, "aws.codebuild.project", { arn, name, tags }, config, unread);
}

/** The report group's name: the last segment of its ARN (`…:report-group/<name>`). */
export function reportGroupNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

/** A report group as `BatchGetReportGroups` describes it; when that read failed, its fields are unread. */
export function codeBuildReportGroupAsset(
  c: Where,
  arn: string,
  batch: RawOutcome<Pick<BatchGetReportGroupsCommandOutput, "reportGroups">>,
): ReportGroup {
  const name = reportGroupNameOf(arn);
  const unread = new UnreadFields();
  const config: Partial<ReportGroup["config"]> = { reportGroupName: name };
  const fields = ["exportConfigType", "exportEncryptionDisabled"] as const;
  let tags: Record<string, string> = {};
  if (!unread.failed(batch, ...fields) && batch.ok) {
    const group = batch.value.reportGroups?.find((g) => g.arn === arn);
    if (!group) markGone(unread, "codebuild:BatchGetReportGroups", "report group", name, fields);
    else {
      tags = Object.fromEntries((group.tags ?? []).map((t) => [t.key ?? "", t.value ?? ""]));
      config.exportConfigType = group.exportConfig?.exportConfigType ?? "NO_EXPORT";
      config.exportEncryptionDisabled = group.exportConfig?.s3Destination?.encryptionDisabled === true;
    }
  }
  return regionalAsset(c, "aws.codebuild.report-group", { arn, name, tags }, config, unread);
}

export const codeBuildProjectsCollector = listedCollector({
  id: "codebuild-projects",
  type: "aws.codebuild.project",
  service: "codebuild",
  command: "list-projects",
  pages: (c) => paginateListProjects({ client: c.clients.codebuild }, {}),
  items: (listing) => listing.projects,
  async asset(c, name) {
    const batch = await c.read.one(
      { scope: c.region, service: "codebuild", command: "batch-get-projects", resource: name },
      () => c.clients.codebuild.send(new BatchGetProjectsCommand({ names: [name] })),
    );
    return codeBuildProjectAsset(c, name, batch);
  },
});

export const codeBuildReportGroupsCollector = listedCollector({
  id: "codebuild-report-groups",
  type: "aws.codebuild.report-group",
  service: "codebuild",
  command: "list-report-groups",
  pages: (c) => paginateListReportGroups({ client: c.clients.codebuild }, {}),
  items: (listing) => listing.reportGroups,
  async asset(c, arn) {
    const batch = await c.read.one(
      {
        scope: c.region,
        service: "codebuild",
        command: "batch-get-report-groups",
        resource: reportGroupNameOf(arn),
      },
      () => c.clients.codebuild.send(new BatchGetReportGroupsCommand({ reportGroupArns: [arn] })),
    );
    return codeBuildReportGroupAsset(c, arn, batch);
  },
});
