import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkById, type Finding } from "@vigil/agent";
import type { AssetReportView } from "@vigil/events";
import type { StartPlatformOptions } from "@vigil/platform";
import { JavaNotFoundError, type LocalAws, startLocalAws } from "@vigil/testkit";
import { Listr } from "listr2";
import {
  buildReleaseDir,
  demoDisk,
  type EbsSeed,
  EmulatedInstallation,
  EmulatedScanner,
  ebsLeftovers,
  InstallStepError,
  type SeededAccount,
  seedCustomerAccount,
  seedEbsInstance,
} from "../install/index.ts";
import { formatReport, type ScanReportDocument, summaryTable } from "../report/index.ts";
import { writeSecretFile } from "../secrets/admin-token.ts";

export interface DemoOptions {
  /** EC2 instances in the customer's account (the rest of what is seeded is fixed). */
  instances: number;
  /** Where the HTML report goes. */
  out: string;
  /** Keep the emulated account and the platform (API and dashboard) running until Ctrl-C. */
  keep: boolean;
  /** EBS scanning: one instance's disk snapshotted, copied, scanned and cleaned up. */
  ebs?: boolean;
}

interface DemoContext {
  releases: { current?: string; next?: string };
  localAws?: LocalAws<boolean>;
  world?: EmulatedInstallation;
  seeded?: SeededAccount;
  integrationId?: string;
  scanId?: string;
  report?: ScanReportDocument;
  ebs?: EbsSeed;
  scanner?: EmulatedScanner;
  ebsLines?: string[];
}

const CURRENT = "0.1.0";
const NEXT = "0.2.0";

/** The demo's admin token: fresh each run, never in argv. */
/** A fresh random token per run (256 bits), never printed nor passed in argv. */
function demoAdminToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What a user does, played in the emulated AWS account: the release built (`vigil templates`),
 * uploaded to S3 and deployed through CloudFormation; the registration custom resource exchanging
 * its token at the platform; a scheduled scan run by the built agent zip in Node 22; the reports at
 * the platform; an update applied through the `live` alias; the stack deleted and the agent's
 * teardown. Every step checks its outcome before it says it is done.
 */
export async function runDemo(
  options: DemoOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  const adminToken = demoAdminToken();
  const ctx: DemoContext = { releases: {} };
  const tasks = new Listr<DemoContext>(
    [
      {
        title: `Build the release (vigil templates): ${CURRENT} to install, ${NEXT} to update to`,
        task: async (c, task) => {
          const [current, next] = await Promise.all([buildReleaseDir(CURRENT), buildReleaseDir(NEXT)]);
          c.releases = { current, next };
          task.title = `Releases ${CURRENT} and ${NEXT} built: Lambda zips, templates, manifest (${current})`;
        },
      },
      {
        title: "Start the emulated AWS account (moto) with its Lambda runner (Node 22), and the platform",
        task: async (c, task) => {
          let storage: Omit<StartPlatformOptions, "adminToken"> = {};
          let note = "";
          try {
            c.localAws = await startLocalAws();
            storage = { localAws: c.localAws };
          } catch (error) {
            if (!(error instanceof JavaNotFoundError)) throw error;
            note =
              " (no Java runtime: the platform's event log is in memory; install openjdk-17-jre-headless for DynamoDB Local)";
          }
          c.world = await EmulatedInstallation.start({ adminToken, platform: storage });
          task.title = `Emulated account ${c.world.account.accountId} at ${c.world.account.endpoint}; platform at ${c.world.platform.url} (${c.world.platform.storage})${note}`;
        },
      },
      {
        title: "Seed the customer's account: instances, an open security group, buckets, users, a key",
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          c.seeded = await seedCustomerAccount(world.account, { instances: options.instances });
          task.title = `Customer's account seeded: ${c.seeded.instances} instances, security group ${c.seeded.openSecurityGroup} open on 22 and 3389, ${c.seeded.buckets.length} buckets, ${c.seeded.users.length} users`;
        },
      },
      {
        title: "EBS scanning: an instance whose root volume holds a Debian 12 with known misconfigurations",
        enabled: () => options.ebs === true,
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          c.ebs = await seedEbsInstance(world.account);
          task.title = `Instance ${c.ebs.instanceId} ("web") with root volume ${c.ebs.rootVolumeId}; the other instances tagged out of EBS scanning (Vigil EBS Scanning = disabled)`;
        },
      },
      {
        title: "Deploy the stack from S3; its custom resource registers with the platform",
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          const { integrationId, registrationToken } = await world.createIntegration();
          c.integrationId = integrationId;
          const stack = await world.install({
            releaseDir: c.releases.current as string,
            version: CURRENT,
            integrationId,
            registrationToken,
            ...(c.ebs
              ? {
                  parameters: {
                    EnableEbsScanning: "true",
                    ScannerSubnetIds: c.ebs.subnetId,
                    ScannerImageParameter: c.ebs.imageParameter,
                  },
                }
              : {}),
          });
          world.throwOnFailures("the install");
          const status = (await world.integration(integrationId)).integration.status;
          if (status !== "active") throw new InstallStepError(`the platform shows the integration ${status}`);
          task.title = `Stack ${stack.status} (${stack.resources.length} resources); integration ${integrationId} ${status}`;
        },
      },
      {
        title: "Scheduled scan: the scan rule fires, heartbeats drain its jobs, reports go to the platform",
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          if (c.ebs) {
            // moto runs no instance: the scanner instance the agent scales up is played by the
            // scanner's own code, on the disk of the seeded instance.
            c.scanner = new EmulatedScanner(
              world.account,
              c.integrationId as string,
              new Map([[c.ebs.rootVolumeId, demoDisk()]]),
            );
          }
          const scanner = c.scanner;
          c.scanId = await world.scheduledScan(
            c.integrationId as string,
            scanner ? 300_000 : 120_000,
            scanner ? { between: () => scanner.act() } : {},
          );
          const runs = world.account.runner.invocations({ source: "events" }).length;
          task.title = `Scan ${c.scanId} completed (${runs} scheduled invocations of the built agent${scanner ? `; the scanner instance reported ${scanner.published.length} disk copy` : ""})`;
        },
      },
      {
        title: "Build the report from the platform's views (latest report per asset, counts)",
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          const id = c.integrationId as string;
          const { body } = await world.api<{ reports: AssetReportView[] }>(`/api/integrations/${id}/reports`);
          const view = await world.integration(id);
          if (body.reports.length === 0) throw new InstallStepError("the platform holds no asset report");
          c.report = reportFromViews(body.reports, {
            scanId: c.scanId as string,
            accountId: world.account.accountId,
            regions: [world.account.region],
            durationMs: 0,
            source: "emulated AWS account, as the platform's views hold it",
          });
          await mkdir(dirname(resolve(options.out)), { recursive: true });
          await writeFile(options.out, formatReport(c.report, "html"));
          task.title = `Platform views: ${body.reports.length} asset reports, ${view.counts?.total ?? "?"} resources counted; HTML report written`;
        },
      },
      {
        title:
          "EBS: the instance's OS findings and packages at the platform, and nothing of Vigil's left in EC2",
        enabled: () => options.ebs === true,
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          const id = c.integrationId as string;
          const seed = c.ebs as EbsSeed;
          const { body } = await world.api<{ reports: AssetReportView[] }>(`/api/integrations/${id}/reports`);
          const os = body.reports.find((r) => r.asset.type === "aws.ec2.instance-os");
          if (!os) throw new InstallStepError("the platform holds no aws.ec2.instance-os report");
          if (os.scanId !== c.scanId)
            throw new InstallStepError(`the instance-os report is of scan ${os.scanId}, not ${c.scanId}`);
          const inventory = await world.api<{
            os?: { prettyName: string; kernels: string[] };
            packages: { manager?: string; items: { name: string; version: string }[]; notAssessed?: string };
          }>(`/api/integrations/${id}/inventory?arn=${encodeURIComponent(os.asset.arn)}`);
          if (inventory.status !== 200)
            throw new InstallStepError(`the platform has no inventory for ${os.asset.arn}`);
          const left = await ebsLeftovers(world.account, id);
          if (left.vigilVolumes.length > 0 || left.vigilSnapshots.length > 0)
            throw new InstallStepError(
              `Vigil left ${left.vigilVolumes.length} volume(s) and ${left.vigilSnapshots.length} snapshot(s): ${[...left.vigilVolumes, ...left.vigilSnapshots].join(", ")}`,
            );
          if (left.scannerDesired !== 0)
            throw new InstallStepError(
              `the scanner group's desired capacity is ${left.scannerDesired}, not 0`,
            );
          const severityOrder = ["critical", "high", "medium", "low", "informational"];
          const failed = os.results
            .filter((r) => r.status === "fail")
            .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
          const errors = os.results.filter((r) => r.status === "error");
          const p = inventory.body.packages;
          c.ebsLines = [
            `EBS scan of instance ${seed.instanceId} (web): ${inventory.body.os?.prettyName ?? "?"}, kernel ${inventory.body.os?.kernels.at(-1) ?? "?"}`,
            `  ${os.results.length} OS checks: ${failed.length} failed, ${os.results.length - failed.length - errors.length} passed, ${errors.length} not assessed`,
            ...failed
              .slice(0, 8)
              .map((r) => `  FAIL ${r.severity.padEnd(13)} ${r.checkId}: ${r.evidence ?? r.title}`),
            ...(failed.length > 8
              ? [
                  `  … and ${failed.length - 8} more failed (the HTML report lists them all, and the dashboard with --keep)`,
                ]
              : []),
            `  packages (${p.manager ?? "?"}): ${p.notAssessed ? `not assessed: ${p.notAssessed}` : p.items.map((i) => `${i.name} ${i.version}`).join(", ")}`,
            `  left in EC2: describe-volumes ${left.volumes} (Vigil's ${left.vigilVolumes.length}), describe-snapshots ${left.snapshots} (Vigil's ${left.vigilSnapshots.length}); scanner group desired ${left.scannerDesired}`,
          ];
          task.title = `EBS: ${os.results.length} OS checks on instance ${seed.instanceId} (${failed.length} failed), ${p.items.length} packages at the platform; no Vigil volume or snapshot left`;
        },
      },
      {
        title: `Update: publish signed ${NEXT}, the updater's schedule applies it through the live alias`,
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          await world.publish(c.releases.next as string, NEXT);
          const outcome = (await world.updateCheck()) as { kind?: string; to?: string; detail?: string };
          if (outcome.kind !== "applied")
            throw new InstallStepError(
              `the updater answered ${JSON.stringify(outcome)}${world.failureReport()}`,
            );
          task.title = `Update applied: ${CURRENT} → ${outcome.to}; the agent's live alias answers its health check at ${NEXT}`;
        },
      },
      {
        title: "Delete the stack: the agent's teardown, then CloudFormation",
        enabled: () => !options.keep,
        task: async (c, task) => {
          const world = c.world as EmulatedInstallation;
          await world.uninstall();
          world.throwOnFailures("the deletion");
          const status = (await world.integration(c.integrationId as string)).integration.status;
          if (status !== "deleted")
            throw new InstallStepError(`the platform shows the integration ${status}`);
          task.title = `Stack deleted; teardown done; integration ${status}, its reports kept at the platform`;
        },
      },
    ],
    {
      // listr2 falls back to plain lines by itself when stdout is not a terminal (CI, pipes).
      renderer: "default",
      fallbackRenderer: "simple",
      rendererOptions: { collapseSubtasks: false },
      exitOnError: true,
    },
  );

  try {
    await tasks.run(ctx);
    const report = ctx.report as ScanReportDocument;
    out("");
    out(summaryTable(report));
    out("");
    for (const line of ctx.ebsLines ?? []) out(line);
    if (ctx.ebsLines) out("");
    out(`HTML report: ${resolve(options.out)}`);
    if (!options.keep) {
      out("Dashboard:   stopped with the demo; `vigil demo --keep` keeps it running to browse");
    } else {
      out(`Dashboard:   ${ctx.world?.platform.url}/dashboard`);
      const tokenFile = join(dirname(resolve(options.out)), "vigil-demo-admin-token");
      writeSecretFile(tokenFile, `${adminToken}\n`);
      out(`Dashboard sign-in: user admin, password in ${tokenFile} (mode 0600; never printed)`);
      out(
        "The emulated account (moto listens on 127.0.0.1 only) and the platform keep running; Ctrl-C stops them.",
      );
      await new Promise<void>((done) => {
        process.once("SIGINT", () => done());
        process.once("SIGTERM", () => done());
      });
    }
    return 0;
  } catch (error) {
    out(`vigil demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await ctx.world?.stop();
    await ctx.localAws?.stop();
  }
}

export const DEFAULT_DEMO_REPORT = join(".vigil", "demo-report.html");

/**
 * The printed report, from what the platform holds (the latest report of every asset), not from
 * the agent's memory: it shows that what crossed the bus is what the projections kept.
 */
export function reportFromViews(
  reports: readonly AssetReportView[],
  scan: { scanId: string; accountId: string; regions: readonly string[]; durationMs: number; source: string },
): ScanReportDocument {
  const findings: Finding[] = [];
  const errors: ScanReportDocument["errors"][number][] = [];
  const summary = { pass: 0, fail: 0, muted: 0, error: 0 };
  const failBySeverity = { critical: 0, high: 0, medium: 0, low: 0, informational: 0 };
  const checks = new Set<string>();
  for (const report of reports) {
    for (const r of report.results) {
      checks.add(r.checkId);
      summary[r.status]++;
      if (r.status === "error")
        errors.push({
          checkId: r.checkId,
          resource: report.asset.arn,
          message: r.evidence ?? "not assessed",
        });
      if (r.status === "fail") failBySeverity[r.severity]++;
      const check = checkById(r.checkId);
      findings.push({
        checkId: r.checkId,
        cis: check?.mappings.cis ?? [],
        fsbp: check?.mappings.fsbp ?? [],
        status:
          r.status === "fail"
            ? "FAIL"
            : r.status === "muted"
              ? "MUTED"
              : r.status === "error"
                ? "ERROR"
                : "PASS",
        resource: report.asset.arn,
        resourceType: report.asset.type,
        region: report.asset.region,
        accountId: report.asset.accountId,
        severity: r.severity,
        title: r.title,
        ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
        ...(check?.remediation !== undefined ? { remediation: check.remediation } : {}),
      });
    }
  }
  return {
    scan: {
      ...scan,
      startedAt: reports.map((r) => r.assessedAt).sort()[0] ?? new Date().toISOString(),
      checkCount: checks.size,
      assetCount: reports.length,
    },
    summary: { ...summary, failBySeverity },
    findings,
    errors,
    missingCalls: [],
    unreadCalls: [],
    incomplete: errors.length > 0,
  };
}
