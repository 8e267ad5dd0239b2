import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import {
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
} from "@aws-sdk/client-ec2";
import { GetParametersByPathCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import {
  type AgentRuntime,
  type CustomResourceDeps,
  type CustomResourceEvent,
  createAwsClients,
  ec2TeardownApi,
  HttpPlatformClient,
  handleCustomResource,
  jsonLogger,
  PlatformRequestError,
  readCredentials,
  runScan,
  sendHeartbeat,
} from "@vigil/agent";
import { integrationParameters, parameterNameFor, parameterPrefixFor } from "@vigil/events";
import { type RunningPlatform, startPlatform } from "@vigil/platform";
import {
  type AccountModel,
  createSimulatedAccount,
  generateAccount,
  type LocalAws,
  type SimulatedAccount,
  startLocalAws,
} from "@vigil/testkit";
import { HttpReleaseHashes } from "@vigil/updater";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The integration lifecycle end to end on the local stack: the platform on DynamoDB Local, the
 * agent's custom resource with SSM (the stand-in) and the simulated account's EC2 / Auto Scaling.
 */

const ADMIN_TOKEN = "lifecycle-e2e-admin-token-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };

let aws: LocalAws;
let platform: RunningPlatform;
let responses: Server;
let responseUrl: string;
const answers: Record<string, unknown>[] = [];

beforeAll(async () => {
  aws = await startLocalAws();
  platform = await startPlatform({ adminToken: ADMIN_TOKEN, localAws: aws });
  // Stands in for the pre-signed S3 URL CloudFormation waits on.
  responses = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      answers.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => responses.listen(0, "127.0.0.1", resolve));
  responseUrl = `http://127.0.0.1:${(responses.address() as AddressInfo).port}/cfn-response`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (responses ? responses.close(() => resolve()) : resolve()));
  await platform?.stop();
  await aws?.stop();
});

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${platform.url}${path}`, { ...init, headers: { ...admin, ...init.headers } });
  return { status: res.status, body: (await res.json()) as T };
}

/** Views follow the log shortly after an append (DynamoDB readAll settles in-flight writes). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Tags = { Key?: string; Value?: string }[] | undefined;
type Inventory = Map<
  string,
  { kind: string; tagged: boolean; vigil: boolean; attachedTo?: string[]; deletes?: string[] }
>;

/**
 * The generated account tags some EC2 / Auto Scaling resources `Created By: Vigil`; give each of
 * them this integration's tag, another integration's, or this integration's plus CloudFormation's
 * (a resource the stack's nested template made). Only the first kind is the agent's to delete. An
 * instance and the volumes attached to it get the same kind, in a fixed cycle.
 */
function tagForIntegrations(model: AccountModel, integrationId: string): void {
  type Tag = Record<string, unknown> & { Key?: unknown; Value?: unknown };
  const cycle = ["ours", "other", "ours", "stack", "ours"] as const;
  const byGroup = new Map<string, (typeof cycle)[number]>();
  const retag = (tags: Tag[] | undefined, group: string) => {
    const vigil = tags?.find((t) => t.Key === "Created By" && t.Value === "Vigil");
    if (!tags || !vigil) return;
    const variant = byGroup.get(group) ?? cycle[byGroup.size % cycle.length] ?? "ours";
    byGroup.set(group, variant);
    const tag = (Key: string, Value: string) => ({ ...vigil, Key, Value });
    tags.push(tag("Vigil Integration", variant === "other" ? "another-integration" : integrationId));
    if (variant === "stack")
      tags.push(
        tag("aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:1:stack/vigil-ebs/1"),
        tag("aws:cloudformation:logical-id", "Scanner"),
      );
  };
  type Item = Record<string, unknown> & { Tags?: Tag[] };
  const list = (key: string, member: string) =>
    ((model.files.get(key) as Record<string, Item[]> | undefined)?.[member] ?? []) as Item[];
  for (const region of model.regions) {
    for (const r of list(`${region}/ec2/describe-instances`, "Reservations"))
      for (const i of (r.Instances ?? []) as Item[]) retag(i.Tags, String(i.InstanceId));
    for (const v of list(`${region}/ec2/describe-volumes`, "Volumes"))
      retag(v.Tags, String((v.Attachments as Item[] | undefined)?.[0]?.InstanceId ?? v.VolumeId));
    for (const x of list(`${region}/ec2/describe-snapshots`, "Snapshots"))
      retag(x.Tags, String(x.SnapshotId));
    for (const t of list(`${region}/ec2/describe-launch-templates`, "LaunchTemplates"))
      retag(t.Tags, String(t.LaunchTemplateId));
    for (const g of list(`${region}/autoscaling/describe-auto-scaling-groups`, "AutoScalingGroups"))
      retag(g.Tags, String(g.AutoScalingGroupName));
  }
}

/** Every EC2 / Auto Scaling resource the teardown could touch, read through the real SDK. */
async function inventory(
  account: SimulatedAccount,
  clients: ReturnType<typeof createAwsClients>,
  integrationId: string,
): Promise<Inventory> {
  const out: Inventory = new Map();
  const vigilOf = (tags: Tags) => (tags ?? []).some((t) => t.Key === "Created By" && t.Value === "Vigil");
  // The agent's to delete: both tags for this integration, and not CloudFormation's.
  const tagged = (tags: Tags) =>
    vigilOf(tags) &&
    (tags ?? []).some((t) => t.Key === "Vigil Integration" && t.Value === integrationId) &&
    !(tags ?? []).some((t) => t.Key?.startsWith("aws:cloudformation:"));
  for (const region of account.regions) {
    const { ec2, autoscaling } = clients.forRegion(region);
    for (const v of (await ec2.send(new DescribeVolumesCommand({}))).Volumes ?? [])
      out.set(`${region}/${v.VolumeId}`, {
        kind: "volume",
        tagged: tagged(v.Tags),
        vigil: vigilOf(v.Tags),
        attachedTo: (v.Attachments ?? []).map((a) => `${region}/${a.InstanceId}`),
      });
    for (const s of (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots ?? [])
      out.set(`${region}/${s.SnapshotId}`, {
        kind: "snapshot",
        tagged: tagged(s.Tags),
        vigil: vigilOf(s.Tags),
      });
    for (const r of (await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? [])
      for (const i of r.Instances ?? [])
        if (i.State?.Name !== "terminated")
          out.set(`${region}/${i.InstanceId}`, {
            kind: "instance",
            tagged: tagged(i.Tags),
            vigil: vigilOf(i.Tags),
            deletes: (i.BlockDeviceMappings ?? [])
              .filter((m) => m.Ebs?.DeleteOnTermination)
              .map((m) => `${region}/${m.Ebs?.VolumeId}`),
          });
    for (const t of (await ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates ?? [])
      out.set(`${region}/${t.LaunchTemplateId}`, {
        kind: "launch-template",
        tagged: tagged(t.Tags),
        vigil: vigilOf(t.Tags),
      });
    for (const g of (await autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ??
      [])
      out.set(`${region}/${g.AutoScalingGroupName}`, {
        kind: "auto-scaling-group",
        tagged: tagged(g.Tags),
        vigil: vigilOf(g.Tags),
      });
  }
  return out;
}

describe("integration lifecycle on the local stack", () => {
  it("registers, scans, reports, tears down only this integration's resources, is deleted, survives a failed Create, and is installed again with its history", async () => {
    const logLines: string[] = [];
    const consoleLines: string[] = [];
    const spies = (["log", "info", "warn", "error"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
      }),
    );
    try {
      const model = generateAccount({ seed: "lifecycle-e2e", regionCount: 2, assetsPerRegion: 8 });
      // 1. The admin creates the integration and gets a registration token.
      const created = await api<{ integrationId: string; registrationToken: string }>("/admin/integrations", {
        method: "POST",
        body: JSON.stringify({ accountId: model.accountId, homeRegion: model.regions[0] }),
      });
      expect(created.status).toBe(201);
      const { integrationId, registrationToken } = created.body;
      tagForIntegrations(model, integrationId);
      const account = createSimulatedAccount(model);
      const clients = createAwsClients({
        homeRegion: account.regions[0] as string,
        requestHandler: account.requestHandler,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 3,
      });
      const log = jsonLogger((line) => logLines.push(line));
      const crDeps: CustomResourceDeps = {
        ssm: aws.clients.ssm,
        platform: (platformUrl, credentials) =>
          new HttpPlatformClient({ platformUrl, ...(credentials ? { credentials } : {}) }),
        teardown: ec2TeardownApi((region) => clients.forRegion(region)),
        allRegions: async () => [...account.regions],
        log,
      };
      const context = { getRemainingTimeInMillis: () => 120_000 };
      const stackId = `arn:aws:cloudformation:${account.regions[0]}:${account.accountId}:stack/vigil/5f1e0d10-0000-4000-8000-00000000000a`;
      const cfn = (
        type: CustomResourceEvent["RequestType"],
        token: string,
        requestId: string,
        physicalId?: string,
      ) =>
        ({
          RequestType: type,
          ResponseURL: `${responseUrl}/${requestId}`,
          StackId: stackId,
          RequestId: requestId,
          LogicalResourceId: "Registration",
          ResourceType: "Custom::VigilRegistration",
          ...(physicalId ? { PhysicalResourceId: physicalId } : {}),
          ResourceProperties: {
            RegistrationToken: token,
            PlatformUrl: platform.url,
            TemplateVersion: "1.0.0",
            EnabledRegions: account.regions.join(","),
          },
        }) satisfies CustomResourceEvent;

      // The stack's own parameters, created by CloudFormation before the registration resource.
      for (const p of integrationParameters)
        await aws.clients.ssm.send(
          new PutParameterCommand({
            Name: parameterNameFor(integrationId, p.key),
            Value: p.key === "platform-url" ? platform.url : p.defaultValue,
            Type: "String",
          }),
        );
      const stackParameters = async () =>
        (
          (
            await aws.clients.ssm.send(
              new GetParametersByPathCommand({ Path: parameterPrefixFor(integrationId), Recursive: true }),
            )
          ).Parameters ?? []
        )
          .filter((p) => integrationParameters.some((d) => p.Name === parameterNameFor(integrationId, d.key)))
          .map((p) => ({ name: p.Name, value: p.Value, version: p.Version }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      const stackParametersBefore = await stackParameters();
      expect(stackParametersBefore).toHaveLength(integrationParameters.length);

      // 2. Stack create: the custom resource exchanges the token and stores the credentials in SSM.
      const create = await handleCustomResource(
        cfn("Create", registrationToken, "req-create"),
        context,
        crDeps,
      );
      expect(create).toMatchObject({
        Status: "SUCCESS",
        PhysicalResourceId: `vigil-integration/${integrationId}`,
      });
      expect(answers.at(-1)).toMatchObject({ Status: "SUCCESS", RequestId: "req-create" });
      const params = await aws.clients.ssm.send(
        new GetParametersByPathCommand({ Path: parameterPrefixFor(integrationId), WithDecryption: false }),
      );
      const byName = new Map((params.Parameters ?? []).map((p) => [p.Name?.split("/").at(-1), p]));
      expect(byName.get("service-key")?.Type).toBe("SecureString");
      expect(byName.get("service-key")?.Value).not.toContain("PRIVATE KEY"); // stored encrypted
      // Its own copy of where the key was issued; the stack's `platform-url` is left as it was.
      expect(byName.get("service-platform-url")?.Value).toBe(platform.url);
      expect(await stackParameters()).toEqual(stackParametersBefore);
      expect(byName.get("integration-id")?.Value).toBe(integrationId);
      expect(byName.get("service-key-id")?.Value).toMatch(/^vigil-key\./);
      const status = () => api<{ integration: { status: string } }>(`/api/integrations/${integrationId}`);
      await eventually(status, (r) => r.body.integration?.status === "active", "status active");

      // 3. The agent's scan pipeline (scheduler, shards, in memory here) reports what it records
      // over signed HTTP, with the credentials the registration stored; then it checks in.
      const runtime: AgentRuntime = {
        ssm: aws.clients.ssm,
        integrationId,
        accountId: account.accountId,
        agentVersion: "1.0.0",
        platform: (platformUrl, credentials) => new HttpPlatformClient({ platformUrl, credentials }),
        enabledRegions: async () => [...account.regions],
        log,
      };
      const stored = await readCredentials(aws.clients.ssm, integrationId);
      const reporter = new HttpPlatformClient({ platformUrl: stored.platformUrl, credentials: stored });
      const scan = await runScan({
        clients,
        integrationId,
        scanId: "scan-e2e-1",
        emit: (events) => reporter.report(events),
      });
      expect(scan.eventCount).toBeGreaterThan(10);
      await sendHeartbeat(runtime);
      const assets = await eventually(
        () => api<{ assets: { arn: string; failed: number }[] }>(`/api/integrations/${integrationId}/assets`),
        (r) => (r.body.assets?.length ?? 0) > 0,
        "asset reports",
      );
      expect(assets.body.assets.some((a) => a.failed > 0)).toBe(true);
      const withScan = await eventually(
        status,
        (r) => (r.body.integration as { lastScan?: { status: string } }).lastScan?.status === "completed",
        "last scan completed",
      );
      expect(withScan.body.integration).toMatchObject({ lastHeartbeat: { agentVersion: "1.0.0" } });

      // 4. Stack delete: teardown of a mixed set of tagged and untagged resources.
      const before = await inventory(account, clients, integrationId);
      // Never an untagged one, even indirectly: a Vigil instance whose termination would delete a
      // volume Vigil did not create stays, and so does a Vigil volume attached to an instance that
      // stays. Every other tagged resource goes.
      const keptInstance = (id: string) => {
        const i = before.get(id);
        return !i?.tagged || (i.deletes ?? []).some((v) => before.get(v)?.tagged === false);
      };
      const leftAlone = ([id, r]: [string, { attachedTo?: string[] }]) =>
        keptInstance(id) || (r.attachedTo ?? []).some(keptInstance);
      const taggedBefore = [...before].filter(
        (e) => e[1].tagged && !(e[1].kind === "instance" ? keptInstance(e[0]) : leftAlone(e)),
      );
      const leftOnPurpose = [...before].filter(
        (e) => e[1].tagged && (e[1].kind === "instance" ? keptInstance(e[0]) : leftAlone(e)),
      );
      const untaggedBefore = [...before].filter(([, r]) => !r.tagged);
      expect(taggedBefore.length).toBeGreaterThan(0);
      expect(untaggedBefore.length).toBeGreaterThan(0);
      expect(new Set(taggedBefore.map(([, r]) => r.kind)).size).toBeGreaterThanOrEqual(3);
      // Vigil's resources of another integration, or CloudFormation's, are there and must stay.
      const othersBefore = untaggedBefore.filter(([, r]) => r.vigil);
      expect(othersBefore.length).toBeGreaterThan(0);
      const remove = await handleCustomResource(
        cfn("Delete", registrationToken, "req-delete", create.PhysicalResourceId),
        context,
        crDeps,
      );
      expect(remove.Reason ?? "").toBe("");
      expect(remove.Status).toBe("SUCCESS");
      expect(answers.at(-1)).toMatchObject({ Status: "SUCCESS", RequestId: "req-delete" });
      const after = await inventory(account, clients, integrationId);
      for (const [id] of taggedBefore) expect(after.has(id), `${id} should be deleted`).toBe(false);
      for (const [id, r] of [...untaggedBefore, ...leftOnPurpose])
        expect(after.get(id), `${id} must be untouched`).toEqual(r);
      // The audit log agrees: every write named a tagged resource, none an untagged one.
      const audited = account.audit();
      expect(audited.length).toBeGreaterThan(0);
      const taggedIds = new Set(taggedBefore.map(([id]) => id));
      for (const entry of audited) {
        const ids = Object.entries(entry.input)
          .filter(([k]) => k !== "ForceDelete")
          .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
          .map((v) => `${entry.region}/${String(v)}`);
        for (const id of ids) expect(taggedIds.has(id), `${entry.operation} ${id}`).toBe(true);
      }
      await eventually(status, (r) => r.body.integration?.status === "deleted", "status deleted");
      // The agent deleted its credentials and nothing else: the stack's parameters are CloudFormation's.
      const left = await aws.clients.ssm.send(
        new GetParametersByPathCommand({ Path: parameterPrefixFor(integrationId) }),
      );
      expect((left.Parameters ?? []).map((p) => p.Name).sort()).toEqual(
        stackParametersBefore.map((p) => p.name),
      );
      expect(await stackParameters()).toEqual(stackParametersBefore);

      // 5. A Create that fails after the token exchange (reporting the stack fails) leaves nothing:
      // the key is revoked at the platform, the credentials are gone, and the rollback succeeds.
      const token2 = await api<{ registrationToken: string }>(
        `/admin/integrations/${integrationId}/registration-tokens`,
        { method: "POST" },
      );
      expect(token2.status).toBe(201);
      const failingReport: CustomResourceDeps = {
        ...crDeps,
        platform: (platformUrl, credentials) => {
          const client = new HttpPlatformClient({ platformUrl, ...(credentials ? { credentials } : {}) });
          return Object.assign(client, {
            report: async () => {
              throw new PlatformRequestError(
                503,
                "http_error",
                "The platform answered 503 for /agent/events.",
              );
            },
          });
        },
      };
      const auditedBefore = account.audit().length;
      const failedCreate = await handleCustomResource(
        cfn("Create", token2.body.registrationToken, "req-failed-create"),
        context,
        failingReport,
      );
      expect(failedCreate).toMatchObject({
        Status: "FAILED",
        PhysicalResourceId: "vigil-unregistered/req-failed-create",
      });
      expect(failedCreate.Reason).toMatch(/revoked the key/);
      expect(answers.at(-1)).toMatchObject({ Status: "FAILED", RequestId: "req-failed-create" });
      await eventually(status, (r) => r.body.integration?.status === "registering", "status registering");
      const afterFailure = await aws.clients.ssm.send(
        new GetParametersByPathCommand({ Path: parameterPrefixFor(integrationId) }),
      );
      expect((afterFailure.Parameters ?? []).map((p) => p.Name).sort()).toEqual(
        stackParametersBefore.map((p) => p.name),
      );
      const rollback = await handleCustomResource(
        cfn("Delete", token2.body.registrationToken, "req-rollback", failedCreate.PhysicalResourceId),
        context,
        crDeps,
      );
      expect(rollback).toMatchObject({
        Status: "SUCCESS",
        PhysicalResourceId: failedCreate.PhysicalResourceId,
      });
      expect(account.audit()).toHaveLength(auditedBefore);
      expect(await stackParameters()).toEqual(stackParametersBefore);

      // 6. Recreate the stack with a new token: active again, history kept.
      const token3 = await api<{ registrationToken: string }>(
        `/admin/integrations/${integrationId}/registration-tokens`,
        { method: "POST" },
      );
      expect(token3.status).toBe(201);
      const recreate = await handleCustomResource(
        cfn("Create", token3.body.registrationToken, "req-recreate"),
        context,
        crDeps,
      );
      expect(recreate.Status).toBe("SUCCESS");
      await eventually(status, (r) => r.body.integration?.status === "active", "status active again");
      const history = await api<{ events: { type: string }[] }>(`/api/integrations/${integrationId}/events`);
      const types = history.body.events.map((e) => e.type);
      expect(types.filter((t) => t === "vigil.integration.registration-requested.v1")).toHaveLength(3);
      expect(types.filter((t) => t === "vigil.integration.credentials-issued.v1")).toHaveLength(3);
      expect(types.filter((t) => t === "vigil.integration.credentials-revoked.v1")).toHaveLength(1);
      expect(types.filter((t) => t === "vigil.integration.stack-created.v1")).toHaveLength(2);
      expect(types).toContain("vigil.integration.delete-requested.v1");
      expect(types).toContain("vigil.integration.resources-cleaned-up.v1");
      expect(types.indexOf("vigil.integration.deleted.v1")).toBeLessThan(
        types.lastIndexOf("vigil.integration.registration-requested.v1"),
      );
      expect(
        (await api<{ assets: unknown[] }>(`/api/integrations/${integrationId}/assets`)).body.assets.length,
      ).toBeGreaterThan(0);

      // A bad token: the custom resource answers FAILED with the platform's reason.
      const bad = await handleCustomResource(
        cfn("Create", `vigil-rt.${integrationId}.${"x".repeat(43)}`, "req-bad"),
        context,
        crDeps,
      );
      expect(bad.Status).toBe("FAILED");
      expect(answers.at(-1)).toMatchObject({
        Status: "FAILED",
        RequestId: "req-bad",
        Reason: expect.stringContaining("registration_token_invalid"),
      });

      // The private key never reached a log line.
      const exchangedKey = await aws.clients.ssm.send(
        new GetParametersByPathCommand({ Path: parameterPrefixFor(integrationId), WithDecryption: true }),
      );
      const pem = exchangedKey.Parameters?.find((p) => p.Name?.endsWith("/service-key"))?.Value ?? "";
      const keyBody = pem.split("\n")[1] ?? "";
      expect(keyBody.length).toBeGreaterThan(20);
      expect(logLines.length).toBeGreaterThan(5);
      for (const line of [...logLines, ...consoleLines]) {
        expect(line).not.toContain(keyBody);
        expect(line).not.toContain(registrationToken);
      }
      clients.destroy();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("the updater's HTTP adapter reads the hashes the platform recorded", async () => {
    const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const recorded = await api<{ created: boolean }>("/releases", {
      method: "POST",
      body: JSON.stringify({
        version: "1.5.0",
        files: { "agent.zip": { sha256: sha, size: 1234 } },
        template: { sha256: sha, size: 99 },
      }),
    });
    expect(recorded).toMatchObject({ status: 201, body: { created: true } });
    const hashes = new HttpReleaseHashes({ platformUrl: platform.url });
    await expect(hashes.getRecordedHashes("1.5.0")).resolves.toEqual({
      version: "1.5.0",
      files: { "agent.zip": sha },
      template: sha,
    });
    await expect(hashes.getRecordedHashes("9.9.9")).resolves.toBeUndefined();
    const changed = await api<{ error: { code: string } }>("/releases", {
      method: "POST",
      body: JSON.stringify({
        version: "1.5.0",
        files: { "agent.zip": { sha256: "0".repeat(64), size: 1234 } },
      }),
    });
    expect(changed).toMatchObject({ status: 409, body: { error: { code: "release_hashes_recorded" } } });
  });
});
