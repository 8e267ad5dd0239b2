import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrgCommand } from "../../src/commands/org.ts";
import { buildReleaseDir, EmulatedOrganizationInstallation } from "../../src/install/index.ts";

/**
 * An organization's install on the built release, as AWS runs it: the organization template
 * deployed in the management account of an emulated AWS Organization (two OUs, an account in no
 * OU, the management account), the StackSet's member stacks deployed by the emulated CloudFormation
 * into each account, every member's custom resource enrolling at the platform with its identity
 * proven by the emulated STS and Organizations.
 */

const ADMIN_TOKEN = "organization-e2e-admin-token-0123456789";

let world: EmulatedOrganizationInstallation;
let release: string;
const accounts: Record<string, string> = {};

beforeAll(async () => {
  release = await buildReleaseDir("0.1.0");
  world = await EmulatedOrganizationInstallation.start({
    adminToken: ADMIN_TOKEN,
    routing: { releaseDir: release, version: "0.1.0" },
  });
  const org = world.organization;
  const prod = await org.createOrganizationalUnit("prod");
  const dev = await org.createOrganizationalUnit("dev");
  accounts.prodA = await org.createAccount("prod-a", prod);
  accounts.prodB = await org.createAccount("prod-b", prod);
  accounts.dev = await org.createAccount("dev-a", dev);
  accounts.legacy = await org.createAccount("legacy"); // directly under the root, in no OU
  accounts.management = org.managementAccountId;
  // Each account before Vigil: some instances (a different number each) and an admin port open to the world.
  let n = 1;
  for (const accountId of Object.values(accounts)) await seed(accountId, n++);
}, 600_000);

/** `vigil org …` as the admin runs it, against the organization's platform. */
async function vigilOrg(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runOrgCommand(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { VIGIL_PLATFORM_URL: world.platform.url, VIGIL_ADMIN_TOKEN: ADMIN_TOKEN },
  });
  if (code !== 0) throw new Error(`vigil org ${args.join(" ")} exited ${code}: ${stderr}`);
  return { code, stdout };
}

async function seed(accountId: string, instances: number) {
  const ec2 = new EC2Client(world.account.clientConfig(accountId));
  try {
    await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.micro",
        MinCount: instances,
        MaxCount: instances,
      }),
    );
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: "legacy-ssh", Description: "ssh" }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: group.GroupId,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      }),
    );
  } finally {
    ec2.destroy();
  }
}

afterAll(async () => {
  await world?.stop();
});

describe("an organization installed from the built release", () => {
  it("enrolls all five accounts (two OUs, one in no OU, the management account): active, distinct keys", async () => {
    await world.register();
    await world.deploy({ releaseDir: release, version: "0.1.0" });
    world.throwOnFailures("the organization's install");
    const view = await world.waitForView(
      "all five active",
      (v) => v.members.filter((m) => m.status === "active").length === 5,
    );
    expect(view.members.map((m) => m.accountId).sort()).toEqual(Object.values(accounts).sort());
    expect(new Set(view.members.map((m) => m.keyId)).size).toBe(5);
    for (const m of view.members)
      expect(m.integrationId).toBe(`${world.organizationIntegrationId}-${m.accountId}`);
    // What the admin sees from a terminal.
    const shown = await vigilOrg(["show", world.organizationIntegrationId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("5 member(s): 5 active");
    for (const accountId of Object.values(accounts)) expect(shown.stdout).toContain(accountId);
  }, 600_000);

  it("scans every account, each reporting over EventBridge to the platform's bus: per-account progress, reports and a roll-up", async () => {
    const before = world.ingestInvocations().length;
    const { scanId, progress } = await world.scanOrganization();
    expect(progress.byStatus).toEqual({ completed: 5 });
    const status = await vigilOrg(["scan-status", world.organizationIntegrationId, scanId]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`scan ${scanId}: done (5 completed)`);
    for (const account of progress.accounts) {
      expect(account.shards.total).toBeGreaterThan(0);
      expect(account.shards.completed).toBe(account.shards.total);
      expect(account.assets).toBeGreaterThan(0);
    }
    // The results came through the members' rules, the platform's bus, its queue and its ingest function.
    const ingested = world.ingestInvocations().slice(before);
    expect(ingested.every((i) => i.status === "succeeded")).toBe(true);
    const delivered = ingested.flatMap((i) =>
      (i.event as { Records: { body: string }[] }).Records.map((r) => JSON.parse(r.body)),
    );
    const assessed = delivered.filter(
      (e) =>
        e.detail?.type === "vigil.scan.asset-assessed.v1" && String(e.detail.data.scanId).startsWith(scanId),
    );
    // Every account's assessments arrived that way, each from its own account (EventBridge's `account`).
    // Delivery is at least once (a record the ingest could not record yet is retried by SQS, a
    // PutEvents entry the bus refused is put again): counted by event id.
    const assessedIds = new Set(assessed.map((e) => String(e.detail.id)));
    expect(assessedIds.size).toBe(progress.accounts.reduce((t, a) => t + a.assets, 0));
    for (const e of assessed) expect(e.account).toBe(e.detail.data.asset.accountId);
    const view = await world.waitForView("every account's report", (v) =>
      v.rollup.byAccount.every((a) => a.assets > 0),
    );
    // Per account: its own instances, and the open SSH port as a failed finding.
    const ec2Instances = async (integrationId: string) =>
      (
        await world.api<{ assets: { type: string }[] }>(`/api/integrations/${integrationId}/assets`)
      ).body.assets.filter((a) => a.type === "aws.ec2.instance").length;
    let n = 1;
    for (const accountId of Object.values(accounts)) {
      const member = view.rollup.byAccount.find((a) => a.accountId === accountId);
      expect(await ec2Instances(member?.integrationId as string)).toBe(n++);
      expect(member?.failed).toBeGreaterThan(0);
    }
    // The roll-up: counts and findings by account and severity add up.
    expect(view.rollup.accounts).toBe(5);
    expect(view.rollup.assets).toBe(view.rollup.byAccount.reduce((t, a) => t + a.assets, 0));
    const severities = Object.values(view.rollup.failedBySeverity).reduce((t, x) => t + x, 0);
    expect(severities).toBe(view.rollup.failed);
    expect(view.rollup.failedBySeverity.high).toBeGreaterThan(0);
  }, 600_000);

  it("updates every account on command: each updater gets update.requested at its agent's next check-in", async () => {
    // The release the members run is the channel's current one: the check finds it and stays.
    await world.publish(release, "0.1.0");
    const sent = await world.api<{ accounts: unknown[] }>(
      `/admin/organizations/${world.organizationIntegrationId}/commands`,
      {
        method: "POST",
        body: JSON.stringify({ command: "update" }),
      },
    );
    expect(sent.status).toBe(202);
    const before = world.account.runner.invocations().length;
    for (const accountId of Object.values(accounts))
      await world.account.fireSchedules(/Heartbeat/, accountId);
    await world.account.runner.settle();
    world.throwOnFailures("update now");
    const updaters = world.account.runner
      .invocations({ source: "sns" })
      .slice(0)
      .filter(
        (i) =>
          world.account.runner.invocations().indexOf(i) >= before &&
          i.function.functionName.includes("updater"),
      );
    const asked = updaters.filter((i) => JSON.stringify(i.event).includes("vigil.update.requested.v1"));
    expect(new Set(asked.map((i) => i.function.accountId))).toEqual(new Set(Object.values(accounts)));
  }, 300_000);

  it("deploys to an account that joins the organization by itself: it enrolls and becomes active", async () => {
    const org = world.organization;
    accounts.newcomer = await org.createAccount("newcomer");
    await world.account.settleStackSets();
    world.throwOnFailures("the newcomer's install");
    const view = await world.waitForView("the sixth account active", (v) =>
      v.members.some((m) => m.accountId === accounts.newcomer && m.status === "active"),
    );
    expect(view.members).toHaveLength(6);
    expect(new Set(view.members.map((m) => m.keyId)).size).toBe(6);
  }, 300_000);

  it("tears down an account that leaves: its stack deleted, the account deleted at the platform, its history kept", async () => {
    const leaving = accounts.dev as string;
    const member = `${world.organizationIntegrationId}-${leaving}`;
    await world.organization.removeAccount(leaving);
    const sets = await world.account.settleStackSets();
    world.throwOnFailures("the leaving account's teardown");
    expect(sets.stackSets[0]?.removed.map((r) => r.account)).toContain(leaving);
    expect(sets.stackSets[0]?.instances.map((i) => i.account)).not.toContain(leaving);
    const view = await world.waitForView("the leaving account deleted", (v) =>
      v.members.some((m) => m.accountId === leaving && m.status === "deleted"),
    );
    expect(view.members.filter((m) => m.status === "active")).toHaveLength(5);
    // Its reports are kept (readable as they were), and no longer counted in the organization's posture.
    const kept = await world.api<{ assets: unknown[] }>(`/api/integrations/${member}/assets`);
    expect(kept.body.assets.length).toBeGreaterThan(0);
    const left = view.rollup.byAccount.find((a) => a.accountId === leaving);
    expect(left).toMatchObject({ status: "deleted" });
    expect(view.rollup.assets).toBe(
      view.rollup.byAccount.filter((a) => a.status !== "deleted").reduce((t, a) => t + a.assets, 0),
    );
    const history = await world.api<{ events: { type: string }[] }>(`/api/integrations/${member}/events`);
    expect(history.body.events.map((e) => e.type)).toEqual([
      "vigil.organization.account-enrolled.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.stack-created.v1",
      "vigil.integration.delete-requested.v1",
      "vigil.integration.resources-cleaned-up.v1",
      "vigil.integration.deleted.v1",
    ]);
  }, 300_000);
});
