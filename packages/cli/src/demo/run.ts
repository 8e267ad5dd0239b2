import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import {
  type CustomResourceEvent,
  checkById,
  createAwsClients,
  ec2TeardownApi,
  type Finding,
  HttpPlatformClient,
  handleCustomResource,
  jsonLogger,
  runScan,
  type ScanResult,
} from "@vigil/agent";
import {
  type AssetReportView,
  type EventStore,
  InMemoryIdempotencyStore,
  SnsSqsBus,
  type VigilEvent,
} from "@vigil/events";
import { busIngest, type RunningPlatform, startPlatform } from "@vigil/platform";
import {
  createSimulatedAccount,
  generateAccount,
  JavaNotFoundError,
  type LocalAws,
  provisionLocalStack,
  startLocalAws,
} from "@vigil/testkit";
import { runUpdateDemo } from "@vigil/updater";
import { Listr } from "listr2";
import { formatReport, type ScanReportDocument, summaryTable } from "../report/index.ts";

export interface DemoOptions {
  seed: string;
  regions: number;
  /** EC2 instances per region; the rest of the simulated account scales with it. */
  assets: number;
  /** Where the HTML report goes. */
  out: string;
  /** Keep the platform (API and dashboard) running until Ctrl-C. */
  keep: boolean;
  /** Also publish a release to the local S3 and apply it, then show a tampered one refused. */
  update?: boolean;
}

interface DemoContext {
  aws?: LocalAws<boolean>;
  platform?: RunningPlatform;
  topicArn?: string;
  integrationId?: string;
  eventStore?: EventStore;
  published: number;
  delivered: number;
  result?: ScanResult;
  report?: ScanReportDocument;
  updateLog?: string[];
}

const ADMIN_TOKEN = "vigil-demo-admin-token";

/**
 * The whole flow on one machine: the local AWS stack, the topology applied to it, the platform,
 * an integration registered through the stack's custom resource, the agent scanning the simulated
 * account, its events over SNS → SQS into the platform's event log and views, and the report.
 */
export async function runDemo(
  options: DemoOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  const account = createSimulatedAccount(
    generateAccount({ seed: options.seed, regionCount: options.regions, assetsPerRegion: options.assets }),
  );
  const ctx: DemoContext = { published: 0, delivered: 0 };
  const tasks = new Listr<DemoContext>(
    [
      {
        title: "Start the local AWS stack (fauxqs: SQS, SNS, S3; DynamoDB Local; SSM stand-in)",
        task: async (c, task) => {
          try {
            c.aws = await startLocalAws();
          } catch (error) {
            if (!(error instanceof JavaNotFoundError)) throw error;
            c.aws = await startLocalAws({ dynamodb: false });
            task.output =
              "no Java runtime: the event log is in memory (install openjdk-17-jre-headless for DynamoDB Local)";
          }
          task.title = `Local AWS stack up (fauxqs at ${c.aws.endpoints.sqs}; it listens on all interfaces: demo only)`;
        },
      },
      {
        title: "Apply the topology: SNS topic, SQS queues with DLQs and filter policies, event table",
        task: async (c, task) => {
          const aws = c.aws as LocalAws<boolean>;
          const stack = await provisionLocalStack(aws);
          c.topicArn = stack.topics.events?.arn;
          const queues = Object.keys(stack.queues).join(", ");
          task.title = `Topology applied: topic vigil-events → queues ${queues}; table ${stack.eventTableName ?? "in memory"}`;
        },
      },
      {
        title: "Start the platform (API, ingest, dashboard)",
        task: async (c, task) => {
          const aws = c.aws as LocalAws<boolean>;
          c.platform = await startPlatform({
            adminToken: ADMIN_TOKEN,
            ...(aws.endpoints.dynamodb ? { localAws: aws } : {}),
          });
          c.eventStore = c.platform.eventStore;
          task.title = `Platform at ${c.platform.url} (${c.platform.storage})`;
        },
      },
      {
        title: "Register the integration: token → stack custom resource → service credentials in SSM",
        task: async (c, task) => {
          const platform = c.platform as RunningPlatform;
          const created = await fetch(`${platform.url}/admin/integrations`, {
            method: "POST",
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
            body: JSON.stringify({ accountId: account.accountId, homeRegion: account.regions[0] }),
          });
          if (created.status !== 201)
            throw new Error(`creating the integration failed: ${await created.text()}`);
          const { integrationId, registrationToken } = (await created.json()) as {
            integrationId: string;
            registrationToken: string;
          };
          c.integrationId = integrationId;
          const clients = awsClientsFor(account);
          let answer = "";
          const event: CustomResourceEvent = {
            RequestType: "Create",
            ResponseURL: "https://cloudformation-response.invalid/demo",
            StackId: `arn:aws:cloudformation:${account.regions[0]}:${account.accountId}:stack/vigil/demo`,
            RequestId: "demo-create",
            LogicalResourceId: "Registration",
            ResourceType: "Custom::VigilRegistration",
            ResourceProperties: {
              RegistrationToken: registrationToken,
              PlatformUrl: platform.url,
              TemplateVersion: "0.1.0",
              EnabledRegions: account.regions.join(","),
            },
          };
          await handleCustomResource(
            event,
            { getRemainingTimeInMillis: () => 60_000 },
            {
              ssm: (c.aws as LocalAws<boolean>).clients.ssm,
              platform: (platformUrl, credentials) =>
                new HttpPlatformClient({ platformUrl, ...(credentials ? { credentials } : {}) }),
              teardown: ec2TeardownApi((region) => clients.forRegion(region)),
              allRegions: async () => [...account.regions],
              log: jsonLogger(() => undefined),
              // CloudFormation waits on a pre-signed URL; here the answer is kept and shown.
              respond: async (_url, body) => {
                answer = (JSON.parse(body) as { Status: string }).Status;
              },
            },
          );
          clients.destroy();
          if (answer !== "SUCCESS") throw new Error(`the custom resource answered ${answer || "nothing"}`);
          task.title = `Integration ${integrationId} registered (custom resource answered ${answer}; key in SSM as a SecureString)`;
        },
      },
      {
        title: `Scan the simulated account (${account.accountId}, ${account.regions.length} regions)`,
        task: async (c, task) => {
          const aws = c.aws as LocalAws<boolean>;
          const bus = new SnsSqsBus({
            sns: aws.clients.sns,
            sqs: aws.clients.sqs,
            topicArn: c.topicArn as string,
          });
          const clients = awsClientsFor(account);
          try {
            c.result = await runScan({
              clients,
              integrationId: c.integrationId as string,
              emit: async (events: readonly VigilEvent[]) => {
                await bus.publish(events);
                c.published += events.length;
              },
              onProgress: (p) => {
                if (p.kind === "region-finished") task.output = `${p.region}: ${p.assets} assets discovered`;
              },
            });
          } finally {
            clients.destroy();
          }
          task.title = `Scanned ${c.result.assets.length} assets in ${c.result.discovery.scannedRegions.length} regions; published ${c.published} events to SNS`;
        },
      },
      {
        title: "Deliver the events over SQS to the platform: event log, then projections",
        task: async (c, task) => {
          const aws = c.aws as LocalAws<boolean>;
          const bus = new SnsSqsBus({
            sns: aws.clients.sns,
            sqs: aws.clients.sqs,
            topicArn: c.topicArn as string,
          });
          const stop = new AbortController();
          const ingest = busIngest(c.eventStore as EventStore);
          const consuming = bus.consume(
            "platform",
            async (event, delivery) => {
              await ingest(event, delivery);
              c.delivered++;
              if (c.delivered % 100 === 0) task.output = `${c.delivered} / ${c.published} events appended`;
            },
            {
              signal: stop.signal,
              waitTimeSeconds: 1,
              idempotency: new InMemoryIdempotencyStore(),
              pollers: 2,
            },
          );
          const deadline = Date.now() + 120_000;
          while (c.delivered < c.published && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 50));
          stop.abort();
          const stats = await consuming;
          if (c.delivered < c.published)
            throw new Error(`only ${c.delivered} of ${c.published} events arrived; see \`vigil dlq list\``);
          task.title = `Delivered ${c.delivered} events (${stats.receives} receives, ${stats.deadLettered} dead-lettered); views up to date`;
        },
      },
      {
        title: "Build the report from the platform's views (latest report per asset, counts)",
        task: async (c, task) => {
          const platform = c.platform as RunningPlatform;
          const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
          const get = async <T>(path: string): Promise<T> => {
            const res = await fetch(`${platform.url}/api/integrations/${c.integrationId}${path}`, {
              headers,
            });
            if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
            return (await res.json()) as T;
          };
          const view = await get<{ integration?: { status: string } }>("");
          const { counts } = await get<{ counts: { total: number } | null }>("/counts");
          const { reports } = await get<{ reports: AssetReportView[] }>("/reports");
          const result = c.result as ScanResult;
          c.report = reportFromViews(reports, {
            scanId: result.scanId,
            accountId: result.accountId,
            regions: result.discovery.scannedRegions,
            durationMs: Math.round(result.timings.totalMs),
            source: `simulated account (seed ${options.seed}), as the platform's views hold it`,
          });
          await mkdir(dirname(resolve(options.out)), { recursive: true });
          await writeFile(options.out, formatReport(c.report, "html"));
          task.title = `Platform views: integration ${view.integration?.status ?? "?"}, ${reports.length} asset reports, ${counts?.total ?? "?"} resources counted; HTML report written`;
        },
      },
      {
        title: "Self-update: publish a signed release to S3, apply it, and refuse a tampered one",
        enabled: () => options.update === true,
        task: async (c, task) => {
          const lines: string[] = [];
          // The updater's own narration is printed after the steps, in full.
          await runUpdateDemo(c.aws as LocalAws<boolean>, (line) => lines.push(line));
          c.updateLog = lines;
          task.title = "Self-update: release applied; tampered release refused and alert raised";
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
    if (ctx.updateLog) out(["", "Self-update:", ...ctx.updateLog].join("\n"));
    out(`HTML report: ${resolve(options.out)}`);
    out(`Dashboard:   ${ctx.platform?.url}/dashboard (admin token: ${ADMIN_TOKEN})`);
    if (options.keep) {
      out("The platform keeps running; press Ctrl-C to stop everything.");
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
    await ctx.platform?.stop();
    await ctx.aws?.stop();
  }
}

function awsClientsFor(account: { regions: readonly string[]; requestHandler: unknown }) {
  return createAwsClients({
    homeRegion: account.regions[0] as string,
    requestHandler: account.requestHandler,
    credentials: { accessKeyId: "AKIAVIGILSIMULATED00", secretAccessKey: "simulated" },
  });
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
  const summary = { pass: 0, fail: 0, muted: 0, error: 0 };
  const failBySeverity = { critical: 0, high: 0, medium: 0, low: 0, informational: 0 };
  const checks = new Set<string>();
  for (const report of reports) {
    for (const r of report.results) {
      checks.add(r.checkId);
      summary[r.status]++;
      if (r.status === "error") continue;
      if (r.status === "fail") failBySeverity[r.severity]++;
      const check = checkById(r.checkId);
      findings.push({
        checkId: r.checkId,
        cis: check?.mappings.cis ?? [],
        fsbp: check?.mappings.fsbp ?? [],
        status: r.status === "fail" ? "FAIL" : r.status === "muted" ? "MUTED" : "PASS",
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
    errors: [],
    missingCalls: [],
  };
}
