import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { emulatedAccessKeyId, LambdaRunner, type LambdaRunnerOptions } from "./lambda-runner.ts";
import { type MotoServer, startMoto } from "./moto.ts";

/**
 * The emulated AWS account for installs: `moto_server` (moto 5.2, in the launcher next to this file)
 * holds the account's state and answers CloudFormation, S3, IAM, STS, Lambda, SQS, SNS, EventBridge,
 * SSM, DynamoDB, EC2 and Auto Scaling; the Lambda runner runs the functions' own zips in Node 22.
 * Deliveries (SNS subscriptions with their filter policies, EventBridge rules and their targets,
 * custom resources) happen as the deployed resources say; see moto_launcher.py.
 */
export interface EmulatedAccount {
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly runner: LambdaRunner;
  /**
   * For SDK clients in the test process: `new S3Client(account.clientConfig())`; with an account id,
   * clients acting in that account of the emulated organization (`clientConfig("210987654321")`).
   */
  clientConfig(accountId?: string): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: true;
  };
  /**
   * Fires schedule rules (moto runs none): a Scheduled Event for each enabled rule with a schedule whose
   * name matches, put on the default bus as EventBridge would; returns the rules fired.
   */
  fireSchedules(namePattern: RegExp, accountId?: string): Promise<string[]>;
  /** Puts an event on the default bus (e.g. an EC2 state-change notification), or on `eventBusName`. */
  putEvent(event: {
    source: string;
    detailType: string;
    detail: unknown;
    resources?: string[];
    eventBusName?: string;
    /** The account it is put in (default: the emulated account's own). */
    accountId?: string;
  }): Promise<void>;
  /**
   * The service-managed StackSets the emulated CloudFormation deployed (moto_launcher.py plays that
   * part): each instance's account, region, stack and status, the instances removed, and how many
   * StackSet operations are still running.
   */
  stackSets(): Promise<StackSetsState>;
  /** Waits until no StackSet operation is running and the functions they triggered have settled. */
  settleStackSets(timeoutMs?: number): Promise<StackSetsState>;
  /** The last 500 KB moto wrote to stderr (its request log and tracebacks), for a failing test's message. */
  motoLog(): string;
  stop(): Promise<void>;
}

export interface StackSetsState {
  stackSets: {
    id: string;
    name: string;
    admin: string;
    deleted: boolean;
    instances: { account: string; region: string; stackId: string | null; status: string; reason?: string }[];
    removed: { account: string; region: string; stackId: string | null }[];
  }[];
  pendingOperations: number;
}

export interface EmulatedAccountOptions {
  readonly region?: string;
  readonly onLog?: LambdaRunnerOptions["onLog"];
  readonly maxConcurrent?: number;
}

export const EMULATED_ACCOUNT_ID = "123456789012";

export async function startEmulatedAccount(options: EmulatedAccountOptions = {}): Promise<EmulatedAccount> {
  const region = options.region ?? "us-east-1";
  const work = mkdtempSync(join(tmpdir(), "vigil-account-"));
  let endpoint = "";
  const runner = await LambdaRunner.start({
    awsEndpoint: () => endpoint,
    workDir: join(work, "runner"),
    ...(options.onLog ? { onLog: options.onLog } : {}),
    ...(options.maxConcurrent !== undefined ? { maxConcurrent: options.maxConcurrent } : {}),
  });
  let moto: MotoServer;
  try {
    moto = await startMoto({ region, lambdaRunnerUrl: runner.url, codeDir: join(work, "zips") });
  } catch (error) {
    await runner.stop();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  endpoint = moto.endpoint;
  const clientConfig = (accountId?: string) => ({
    endpoint,
    region,
    credentials: {
      accessKeyId: accountId === undefined ? "emulated" : emulatedAccessKeyId(accountId),
      secretAccessKey: "emulated",
    },
    forcePathStyle: true as const,
  });
  const defaultEvents = new EventBridgeClient(clientConfig());
  const stackSets = async (): Promise<StackSetsState> => {
    const res = await fetch(`${endpoint}/vigil-emulated/stack-sets`);
    if (!res.ok) throw new Error(`the emulated account answered ${res.status} for its StackSets`);
    return (await res.json()) as StackSetsState;
  };
  return {
    endpoint,
    region,
    accountId: EMULATED_ACCOUNT_ID,
    runner,
    clientConfig,
    async fireSchedules(namePattern, accountId) {
      const events = accountId === undefined ? defaultEvents : new EventBridgeClient(clientConfig(accountId));
      const fired: string[] = [];
      let token: string | undefined;
      do {
        const page = await events.send(new ListRulesCommand({ NextToken: token }));
        for (const rule of page.Rules ?? []) {
          if (!rule.ScheduleExpression || rule.State !== "ENABLED" || !namePattern.test(rule.Name ?? ""))
            continue;
          await events.send(
            new PutEventsCommand({
              Entries: [
                {
                  Source: "aws.events",
                  DetailType: "Scheduled Event",
                  Detail: "{}",
                  Resources: [rule.Arn ?? ""],
                },
              ],
            }),
          );
          fired.push(rule.Name ?? "");
        }
        token = page.NextToken;
      } while (token);
      if (events !== defaultEvents) events.destroy();
      return fired;
    },
    async putEvent(event) {
      const events =
        event.accountId === undefined ? defaultEvents : new EventBridgeClient(clientConfig(event.accountId));
      await events.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: event.source,
              DetailType: event.detailType,
              Detail: JSON.stringify(event.detail),
              Resources: event.resources ?? [],
              ...(event.eventBusName ? { EventBusName: event.eventBusName } : {}),
            },
          ],
        }),
      );
      if (events !== defaultEvents) events.destroy();
    },
    stackSets,
    async settleStackSets(timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await stackSets();
        if (state.pendingOperations === 0) {
          await runner.settle({ timeoutMs: Math.max(1000, deadline - Date.now()) });
          const after = await stackSets();
          if (after.pendingOperations === 0) return after;
        }
        if (Date.now() > deadline)
          throw new Error(
            `StackSet operations still running after ${timeoutMs / 1000} s: ${JSON.stringify(state)}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    motoLog: () => moto.log(),
    async stop() {
      defaultEvents.destroy();
      await moto.stop();
      await runner.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
