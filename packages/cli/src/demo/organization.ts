import { randomBytes } from "node:crypto";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { Listr } from "listr2";
import {
  buildReleaseDir,
  EmulatedOrganizationInstallation,
  InstallStepError,
  type OrganizationView,
} from "../install/index.ts";

/**
 * `vigil demo --organization`: an AWS Organization's install, played in the emulated AWS — the
 * management account, two OUs and an account in no OU; the platform's own stack (its bus admitting
 * the organization) and the organization template (the StackSet, and the management account's
 * member stack); every account enrolled with its identity proven by the emulated STS and
 * Organizations; a scan of all, reported over EventBridge; the roll-up; an account joining
 * (auto-deployment) and one leaving (teardown, `deleted`, history kept). Each step checks its
 * outcome before it says done; each account's status line and the roll-up are printed.
 */

const VERSION = "0.1.0";

interface Account {
  name: string;
  ou: string;
  accountId: string;
  instances: number;
}

interface Context {
  release?: string;
  ous: Record<string, string>;
  world?: EmulatedOrganizationInstallation;
  accounts: Account[];
  scanId?: string;
  view?: OrganizationView;
}

export async function runOrganizationDemo(out: (line: string) => void = console.log): Promise<number> {
  const adminToken = randomBytes(32).toString("base64url");
  const ctx: Context = { accounts: [], ous: {} };
  const world = () => ctx.world as EmulatedOrganizationInstallation;
  const tasks = new Listr<Context>(
    [
      {
        title: `Build the release (vigil templates) ${VERSION}`,
        task: async (c, task) => {
          c.release = await buildReleaseDir(VERSION);
          task.title = `Release ${VERSION} built: Lambda zips, templates (root, member, organization, platform), manifest`;
        },
      },
      {
        title: "Start the emulated AWS (moto, one server for every account) and its Lambda runner (Node 22)",
        task: async (c, task) => {
          c.world = await EmulatedOrganizationInstallation.start({
            adminToken,
            routing: { releaseDir: c.release as string, version: VERSION },
          });
          const w = c.world;
          task.title = `Emulated AWS at ${w.account.endpoint}; organization ${w.organization.organizationId} (management account ${w.organization.managementAccountId}); platform stack deployed there (its bus admits the organization), API at ${w.platform.url}`;
        },
      },
      {
        title: "Shape the organization: OUs prod and dev, an account in no OU; seed each account",
        task: async (c, task) => {
          const org = world().organization;
          const prod = await org.createOrganizationalUnit("prod");
          const dev = await org.createOrganizationalUnit("dev");
          c.ous = { prod, dev };
          const plan: [string, string, string | undefined][] = [
            ["prod-a", "prod", prod],
            ["prod-b", "prod", prod],
            ["dev-a", "dev", dev],
            ["legacy", "(no OU)", undefined],
          ];
          c.accounts = [
            { name: "management", ou: "(management)", accountId: org.managementAccountId, instances: 1 },
          ];
          for (const [name, ou, parent] of plan)
            c.accounts.push({ name, ou, accountId: await org.createAccount(name, parent), instances: 0 });
          c.accounts.forEach((a, i) => {
            a.instances = i + 1;
          });
          for (const a of c.accounts) await seed(world(), a);
          task.title = `Organization of ${c.accounts.length} accounts: ${c.accounts.map((a) => `${a.name} ${a.accountId} ${a.ou}`).join(", ")}; each seeded with instances and SSH open to the world`;
        },
      },
      {
        title: "Register the organization at the platform: its enrollment secret (30 days)",
        task: async (_c, task) => {
          const registered = await world().register();
          task.title = `Organization integration ${registered.organizationIntegrationId}; enrollment secret issued (never printed)`;
        },
      },
      {
        title:
          "Deploy the organization template: the StackSet to every account, the management account's own stack",
        task: async (c, task) => {
          await world().deploy({ releaseDir: c.release as string, version: VERSION });
          world().throwOnFailures("the organization's install");
          const view = await world().waitForView(
            "every account active",
            (v) => v.members.filter((m) => m.status === "active").length === c.accounts.length,
          );
          const keys = new Set(view.members.map((m) => m.keyId)).size;
          if (keys !== c.accounts.length)
            throw new InstallStepError(`${keys} distinct keys for ${c.accounts.length} accounts`);
          task.title = `${view.members.length} accounts enrolled and active, ${keys} distinct keys (identity proven by STS and Organizations)`;
        },
      },
      {
        title: "Scan every account now: the command at each agent's check-in, results over EventBridge",
        task: async (c, task) => {
          const before = world().ingestInvocations().length;
          const { scanId, progress } = await world().scanOrganization();
          c.scanId = scanId;
          const ingested = world().ingestInvocations().length - before;
          c.view = await world().waitForView("every account's report", (v) =>
            v.rollup.byAccount.every((a) => a.assets > 0),
          );
          task.title = `Scan ${scanId}: ${progress.byStatus.completed ?? 0} of ${progress.accounts.length} accounts completed, ${progress.accounts.reduce((t, a) => t + a.shards.completed, 0)} shards, ${ingested} batches through the platform's bus and ingest function`;
        },
      },
      {
        title: "An account joins the organization: auto-deployment installs and enrolls it",
        task: async (c, task) => {
          const org = world().organization;
          const accountId = await org.createAccount("newcomer", c.ous.dev);
          const newcomer = { name: "newcomer", ou: "dev", accountId, instances: 2 };
          c.accounts.push(newcomer);
          await world().account.settleStackSets();
          world().throwOnFailures("the newcomer's install");
          await world().waitForView("the newcomer active", (v) =>
            v.members.some((m) => m.accountId === accountId && m.status === "active"),
          );
          task.title = `Account ${accountId} joined (OU dev): its stack deployed by the StackSet, enrolled, active`;
        },
      },
      {
        title:
          "An account leaves the organization: its stack deleted, the agent's teardown, the platform keeps its history",
        task: async (c, task) => {
          const leaving = c.accounts.find((a) => a.name === "legacy") as Account;
          await world().organization.removeAccount(leaving.accountId);
          await world().account.settleStackSets();
          world().throwOnFailures("the leaving account's teardown");
          c.view = await world().waitForView("the leaving account deleted", (v) =>
            v.members.some((m) => m.accountId === leaving.accountId && m.status === "deleted"),
          );
          const member = `${world().organizationIntegrationId}-${leaving.accountId}`;
          const history = await world().api<{ events: { type: string }[] }>(
            `/api/integrations/${member}/events`,
          );
          task.title = `Account ${leaving.accountId} left: torn down, deleted; ${history.body.events.length} lifecycle events and its reports kept`;
        },
      },
    ],
    {
      renderer: "default",
      fallbackRenderer: "simple",
      rendererOptions: { collapseSubtasks: false },
      exitOnError: true,
    },
  );
  try {
    await tasks.run(ctx);
    const view = ctx.view as OrganizationView;
    out("");
    for (const line of statusLines(view, ctx.accounts)) out(line);
    out("");
    for (const line of rollupLines(view)) out(line);
    out("");
    out(
      `Scan ${ctx.scanId}: GET ${world().platform.url}/api/organizations/${world().organizationIntegrationId}/scans/${ctx.scanId}`,
    );
    return 0;
  } catch (error) {
    out(`vigil demo --organization failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await ctx.world?.stop();
  }
}

async function seed(world: EmulatedOrganizationInstallation, account: Account): Promise<void> {
  const ec2 = new EC2Client(world.account.clientConfig(account.accountId));
  try {
    await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.micro",
        MinCount: account.instances,
        MaxCount: account.instances,
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

const SEVERITIES = ["critical", "high", "medium", "low"] as const;

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** One line per account: where it sits, its status at the platform, its key and what its last scan found. */
export function statusLines(
  view: OrganizationView,
  accounts: readonly { name: string; ou: string; accountId: string }[],
): string[] {
  const rows = [["account", "name", "OU", "status", "key", "assets", "failed", ...SEVERITIES]];
  for (const a of view.rollup.byAccount) {
    const known = accounts.find((x) => x.accountId === a.accountId);
    const key = view.members.find((m) => m.accountId === a.accountId)?.keyId ?? "";
    rows.push([
      a.accountId,
      known?.name ?? "",
      known?.ou ?? "",
      a.status,
      key ? `…${key.slice(-10)}` : "",
      String(a.assets),
      String(a.failed),
      ...SEVERITIES.map((s) => String(a.failedBySeverity[s] ?? 0)),
    ]);
  }
  return table(rows);
}

/** The organization's roll-up: accounts by status, assets, failed findings by severity. */
export function rollupLines(view: OrganizationView): string[] {
  const r = view.rollup;
  return [
    `Organization ${view.organization.organizationId} (${view.organization.organizationIntegrationId}): ${r.accounts} accounts — ${Object.entries(
      r.byStatus,
    )
      .map(([s, n]) => `${n} ${s}`)
      .join(", ")}`,
    `Assets ${r.assets}; failed findings ${r.failed} (${SEVERITIES.map((s) => `${s} ${r.failedBySeverity[s] ?? 0}`).join(", ")}); not assessed ${r.notAssessed}`,
  ];
}
