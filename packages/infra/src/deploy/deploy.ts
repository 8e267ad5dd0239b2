/**
 * Deploy decisions: which artifact goes where, which function or stack changes. Effects go through
 * the `DeployTarget` port; `dryRun` computes and reports the same plan without changing anything
 * (for a stack: a change set is created to show the diff, then deleted).
 */
import { releaseKeys } from "@vigil/events";
import { type Release, sha256 } from "../build/release.ts";
import { CREATED_BY_TAG_KEY, CREATED_BY_TAG_VALUE, INTEGRATION_TAG_KEY } from "../tags.ts";
import type { CfnTemplate } from "../templates/cfn.ts";
import { ARTIFACTS, LIVE_ALIAS, rootTemplate } from "../templates/root.ts";
import { stackParameterProblems } from "./parameters.ts";
import type { DeployTarget, StackChange } from "./port.ts";

export type DeployStep =
  | { readonly kind: "upload"; readonly bucket: string; readonly key: string; readonly bytes: number }
  | { readonly kind: "update-function"; readonly functionName: string; readonly key: string }
  | { readonly kind: "move-alias"; readonly functionName: string; readonly alias: string }
  | { readonly kind: "change-set"; readonly stackName: string; readonly changes: readonly StackChange[] };

export interface DeployReport {
  readonly dryRun: boolean;
  readonly steps: DeployStep[];
}

export class DeployError extends Error {
  override readonly name = "DeployError";
}

/**
 * Runs one step of a deploy; what AWS refused becomes a `DeployError` that names the step, AWS's
 * error and, for the errors a first deploy meets, what to do (`hints`, by error name).
 */
async function step<T>(what: string, run: () => Promise<T>, hints: Record<string, string> = {}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DeployError) throw error;
    const { name = "Error", message = String(error) } = error as { name?: string; message?: string };
    const hint = hints[name];
    throw new DeployError(`${what} failed: ${name}: ${message}${hint ? `; ${hint}` : ""}`, { cause: error });
  }
}

/** What to do when an upload to the release bucket is refused. */
function uploadHints(bucket: string): Record<string, string> {
  return {
    NoSuchBucket: `create the bucket ${bucket} in the target region first, or name another with --bucket`,
    AccessDenied: `the credentials in use need s3:PutObject on ${bucket}`,
  };
}

/** The Lambda each package deploys to; names match the root template's `vigil-<name>-<integrationId>`. */
export function functionNameFor(pkg: string, integrationId: string): string {
  return `vigil-${pkg}-${integrationId}`;
}

/**
 * `vigil deploy agent`: upload only that package's zip, update only its function, publish that code
 * as a version and move `live` to it (every trigger invokes `live`, so updating `$LATEST` alone
 * would change nothing). The alias description is `vigil <version>`, as the updater reads it.
 */
export async function deployPackage(options: {
  readonly target: DeployTarget;
  readonly release: Release;
  readonly pkg: "agent" | "updater";
  readonly bucket: string;
  readonly integrationId: string;
  readonly dryRun: boolean;
}): Promise<DeployReport> {
  const { target, release, pkg, bucket } = options;
  const artifact = release.artifacts.find((a) => a.name === `${pkg}.zip`);
  if (!artifact) throw new DeployError(`the release has no ${pkg}.zip: build it with the ${pkg} entry first`);
  const key = releaseKeys.artifact(release.version, artifact.name);
  const functionName = functionNameFor(pkg, options.integrationId);
  const steps: DeployStep[] = [
    { kind: "upload", bucket, key, bytes: artifact.data.length },
    { kind: "update-function", functionName, key },
    { kind: "move-alias", functionName, alias: LIVE_ALIAS },
  ];
  if (!options.dryRun) {
    await step(
      `uploading s3://${bucket}/${key}`,
      () => target.uploadArtifact(bucket, key, artifact.data, sha256(artifact.data)),
      uploadHints(bucket),
    );
    const { codeSha256 } = await step(
      `updating the code of ${functionName}`,
      () => target.updateFunctionCode(functionName, bucket, key),
      {
        ResourceNotFoundException: `no function ${functionName} in this account and region: deploy the stack first (\`vigil deploy\`), or check --integration-id and --region`,
      },
    );
    await step(`publishing ${functionName} to its ${LIVE_ALIAS} alias`, () =>
      target.publishToAlias(functionName, LIVE_ALIAS, {
        codeSha256,
        description: `vigil ${release.version}`,
      }),
    );
  }
  return { dryRun: options.dryRun, steps };
}

/** `vigil deploy`: publish the whole release, then create (and unless dry-run, execute) a change set. */
export async function deployStack(options: {
  readonly target: DeployTarget;
  readonly release: Release;
  readonly bucket: string;
  readonly region: string;
  readonly stackName: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly dryRun: boolean;
}): Promise<DeployReport> {
  const { target, release, bucket } = options;
  const integrationId = options.parameters.IntegrationId;
  if (!integrationId) throw new DeployError("the IntegrationId parameter is required to deploy the stack");
  const parameters = {
    ArtifactBucket: bucket,
    ArtifactPrefix: `releases/${release.version}`,
    ...options.parameters,
  };
  // Refuse what CloudFormation would refuse (e.g. a plain-http PlatformUrl) before uploading anything.
  const problems = stackParameterProblems(releasedRootTemplate(release), parameters);
  if (problems.length > 0)
    throw new DeployError(
      `the stack parameters are not valid for the template:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
    );
  const steps = await uploadAndApplyStack({
    target,
    bucket,
    region: options.region,
    version: release.version,
    uploads: [...release.artifacts, { name: "manifest.json", data: Buffer.from(release.manifestJson) }],
    template: ARTIFACTS.rootTemplate,
    stackName: options.stackName,
    parameters,
    tags: { [CREATED_BY_TAG_KEY]: CREATED_BY_TAG_VALUE, [INTEGRATION_TAG_KEY]: integrationId },
    dryRun: options.dryRun,
  });
  return { dryRun: options.dryRun, steps };
}

/**
 * Uploads a release's files to `bucket`, then makes the stack's change set from the uploaded
 * `template` and executes it; a dry run uploads nothing and deletes the change set after showing
 * it, and a change set that changes nothing is deleted, not executed.
 */
export async function uploadAndApplyStack(options: {
  readonly target: DeployTarget;
  readonly bucket: string;
  readonly region: string;
  readonly version: string;
  readonly uploads: readonly { readonly name: string; readonly data: Uint8Array }[];
  readonly template: string;
  readonly stackName: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly dryRun: boolean;
}): Promise<DeployStep[]> {
  const { target, bucket, stackName } = options;
  const steps: DeployStep[] = [];
  for (const a of options.uploads) {
    const key = releaseKeys.artifact(options.version, a.name);
    steps.push({ kind: "upload", bucket, key, bytes: a.data.length });
    // A dry run still uploads nothing: the change set then reads templates already published.
    if (!options.dryRun)
      await step(
        `uploading s3://${bucket}/${key}`,
        () => target.uploadArtifact(bucket, key, a.data, sha256(a.data)),
        uploadHints(bucket),
      );
  }
  const templateKey = releaseKeys.artifact(options.version, options.template);
  const { changeSetId, changes, unchanged } = await step(`making a change set for ${stackName}`, () =>
    target.createChangeSet({
      stackName,
      templateUrl: `https://${bucket}.s3.${options.region}.amazonaws.com/${templateKey}`,
      parameters: options.parameters,
      tags: options.tags,
    }),
  );
  steps.push({ kind: "change-set", stackName, changes });
  if (options.dryRun || unchanged)
    await step(`deleting the change set ${changeSetId}`, () => target.deleteChangeSet(changeSetId));
  else await step(`deploying ${stackName}`, () => target.executeChangeSet(changeSetId, stackName));
  return steps;
}

/** The root template the release publishes (what the change set will read), else the one this code renders. */
function releasedRootTemplate(release: Release): Pick<CfnTemplate, "Parameters"> {
  const published = release.artifacts.find((a) => a.name === ARTIFACTS.rootTemplate);
  if (!published) return rootTemplate({ releaseVersion: release.version });
  return JSON.parse(Buffer.from(published.data).toString("utf8")) as Pick<CfnTemplate, "Parameters">;
}

export function describeDeploy(report: DeployReport): string {
  const lines = report.steps.flatMap((s): string[] => {
    switch (s.kind) {
      case "upload":
        return [`upload  s3://${s.bucket}/${s.key} (${s.bytes} bytes)`];
      case "update-function":
        return [`update  function ${s.functionName} ← ${s.key}`];
      case "move-alias":
        return [`publish ${s.functionName} and move its ${s.alias} alias to the new version`];
      default:
        return [
          `stack   ${s.stackName}: ${s.changes.length} change(s)`,
          ...s.changes.map(
            (c) =>
              `  ${c.action.padEnd(7)} ${c.logicalId} (${c.resourceType})${c.replacement ? ` replacement=${c.replacement}` : ""}`,
          ),
        ];
    }
  });
  return [report.dryRun ? "dry run: nothing was changed" : "deployed", ...lines].join("\n");
}
