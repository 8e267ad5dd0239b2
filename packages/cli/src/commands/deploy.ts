import { readFileSync } from "node:fs";
import { SSMClient } from "@aws-sdk/client-ssm";
import {
  awsClients,
  awsDeployTarget,
  buildRelease,
  deployPackage,
  deployPlatform,
  deployStack,
  describeDeploy,
  LAMBDA_ENTRIES,
  ssmSecretStore,
} from "@vigil/infra";
import { provisionLocalStack, startLocalAws } from "@vigil/testkit";
import { Argument, type Command } from "commander";
import { defaultAdminTokenFile, writeSecretFile } from "../secrets/admin-token.ts";
import { releaseCreatedAt, repoRoot, VIGIL_VERSION } from "./release-options.ts";

interface DeployOptions {
  local?: boolean;
  dryRun?: boolean;
  bucket?: string;
  region?: string;
  integrationId?: string;
  stackName?: string;
  platformUrl?: string;
  registrationTokenFile?: string;
  releaseVersion: string;
  adminTokenFile?: string;
  secretsParameter?: string;
  organizationId?: string;
}

/**
 * `vigil deploy platform`: the platform's own stack. Its secret is an SSM SecureString created on
 * the first deploy; the new admin token goes to a 0600 file (never printed, never in argv).
 */
async function deployPlatformStack(opts: DeployOptions): Promise<void> {
  const bucket = required(opts.bucket, "--bucket");
  const region = required(opts.region ?? process.env.AWS_REGION, "--region");
  const clients = awsClients(region);
  const release = await buildRelease({
    version: opts.releaseVersion,
    root: repoRoot(),
    entries: LAMBDA_ENTRIES.filter((e) => e.name === "platform"),
    createdAt: releaseCreatedAt(),
  });
  const tokenFile = opts.adminTokenFile ?? defaultAdminTokenFile();
  const report = await deployPlatform({
    target: awsDeployTarget(clients),
    secrets: ssmSecretStore(new SSMClient({ region })),
    release,
    bucket,
    region,
    stackName: opts.stackName ?? "vigil-platform",
    secretsParameter: opts.secretsParameter ?? "/vigil/platform/secrets",
    ...(opts.organizationId ? { organizationId: opts.organizationId } : {}),
    dryRun: Boolean(opts.dryRun),
    onAdminToken: (token) => writeSecretFile(tokenFile, `${token}\n`),
  });
  process.stdout.write(`${describeDeploy(report)}\n`);
  if (report.secret === "created") process.stdout.write(`admin token: written to ${tokenFile} (mode 0600)\n`);
  if (report.secret === "kept")
    process.stdout.write("admin token: unchanged (the secret parameter existed)\n");
}

export function register(program: Command): void {
  program
    .command("deploy")
    .addArgument(
      new Argument(
        "[package]",
        "one function (agent, updater) or the platform's stack; none: the agent's whole stack",
      ).choices(["agent", "updater", "platform"]),
    )
    .description(
      "Deploy Vigil: `deploy agent|updater` updates one function; `deploy` the whole stack; `--local` the local stack",
    )
    .option(
      "--local",
      "apply the topology, job queue, event and idempotency tables and parameters to a local stack (what `vigil demo` uses)",
    )
    .option("--dry-run", "print what would change (a change set for the stack) without applying it")
    .option("--bucket <name>", "release bucket (in the target region)")
    .option("--region <region>", "AWS region (default: the SDK's standard chain)")
    .option("--integration-id <id>", "integration id the stack was created with")
    .option("--stack-name <name>", "CloudFormation stack name (default vigil-<integration-id>)")
    .option("--platform-url <url>", "control plane URL (stack deploys)")
    .option(
      "--registration-token-file <path>",
      "file holding the registration token (first stack deploy; else VIGIL_REGISTRATION_TOKEN; never in argv)",
    )
    .option("--release-version <version>", "release version", VIGIL_VERSION)
    .option(
      "--secrets-parameter <name>",
      "platform: SSM SecureString with its secrets",
      "/vigil/platform/secrets",
    )
    .option("--admin-token-file <path>", "platform: where a newly created admin token is written (0600)")
    .option("--organization-id <id>", "platform: organization whose accounts may put events on its bus")
    .action(async (pkg: "agent" | "updater" | "platform" | undefined, opts: DeployOptions) => {
      try {
        if (opts.local) return await deployLocal(opts);
        if (pkg === "platform") return await deployPlatformStack(opts);
        const bucket = required(opts.bucket, "--bucket");
        const integrationId = required(opts.integrationId, "--integration-id");
        const target = awsDeployTarget(awsClients(opts.region));
        const entries = LAMBDA_ENTRIES.filter((e) => pkg === undefined || e.name === pkg);
        const release = await buildRelease({
          version: opts.releaseVersion,
          root: repoRoot(),
          entries,
          createdAt: releaseCreatedAt(),
          lambdasOnly: pkg !== undefined,
        });
        const report =
          pkg !== undefined
            ? await deployPackage({
                target,
                release,
                pkg,
                bucket,
                integrationId,
                dryRun: Boolean(opts.dryRun),
              })
            : await deployStack({
                target,
                release,
                bucket,
                region: required(opts.region ?? process.env.AWS_REGION, "--region"),
                stackName: opts.stackName ?? `vigil-${integrationId}`,
                parameters: {
                  IntegrationId: integrationId,
                  ...(opts.platformUrl ? { PlatformUrl: opts.platformUrl } : {}),
                  ...registrationToken(opts),
                },
                dryRun: Boolean(opts.dryRun),
              });
        process.stdout.write(`${describeDeploy(report)}\n`);
      } catch (err) {
        process.stderr.write(`vigil deploy: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      }
    });
}

async function deployLocal(opts: DeployOptions): Promise<void> {
  const aws = await startLocalAws();
  try {
    const stack = await provisionLocalStack(
      aws,
      opts.integrationId ? { integrationId: opts.integrationId } : {},
    );
    process.stdout.write(
      [
        `local stack in ${aws.region} (fauxqs listens on all interfaces: for tests and the demo only)`,
        ...Object.values(stack.topics).map((t) => `topic   ${t?.arn}`),
        ...Object.values(stack.queues).map((q) => `queue   ${q?.url} (dlq ${q?.deadLetter.name})`),
        ...Object.values(stack.jobQueues).map((q) => `jobs    ${q?.url} (dlq ${q?.deadLetter.name})`),
        `table   ${stack.eventTableName ?? "(none: no DynamoDB Local)"}`,
        `table   ${stack.idempotencyTableName ?? "(no idempotency table: no DynamoDB Local)"}`,
        "(a deployed stack has SNS push to the agent and updater Lambdas; locally their queues stand in for it)",
        ...stack.parameterNames.map((p) => `param   ${p}`),
        "",
      ].join("\n"),
    );
  } finally {
    await aws.stop();
  }
}

/** The first deploy's registration token: from a file or the environment, never from argv (`ps` shows argv). */
function registrationToken(opts: DeployOptions): { RegistrationToken?: string } {
  const token = opts.registrationTokenFile
    ? readFileSync(opts.registrationTokenFile, "utf8").trim()
    : process.env.VIGIL_REGISTRATION_TOKEN?.trim();
  if (opts.registrationTokenFile && !token) throw new Error(`${opts.registrationTokenFile} is empty`);
  return token ? { RegistrationToken: token } : {};
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`${flag} is required for a deploy to AWS (or use --local)`);
  return value;
}
