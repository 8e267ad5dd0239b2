import { createEventTable, DynamoDbEventStore, EXAMPLE_INTEGRATION_ID, exampleEvent } from "@vigil/events";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReplay } from "../src/commands/replay.ts";

/** `vigil replay` against DynamoDB Local, as a person would run it with `--endpoint`. */
const TABLE = "replay-cli-events";
let aws: LocalAws;
const connection = () => ({ table: TABLE, endpoint: aws.endpoints.dynamodb, region: aws.region });

beforeAll(async () => {
  aws = await startLocalAws();
  // The command uses the standard credential chain, as it would against a real table.
  process.env.AWS_ACCESS_KEY_ID = aws.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = aws.credentials.secretAccessKey;
  await createEventTable(aws.clients.dynamodb, TABLE);
  const store = new DynamoDbEventStore({ client: aws.clients.dynamodb, tableName: TABLE, settleMs: 0 });
  const stream = `integration#${EXAMPLE_INTEGRATION_ID}`;
  await store.appendToStream(stream, [
    exampleEvent("vigil.integration.registration-requested.v1", { time: "2025-01-15T06:00:00.000Z" }),
    exampleEvent("vigil.integration.credentials-issued.v1", { time: "2025-01-15T06:01:00.000Z" }),
    exampleEvent("vigil.integration.stack-created.v1", { time: "2025-01-15T06:02:00.000Z" }),
  ]);
  await store.appendToStream("scan#example", [exampleEvent("vigil.scan.asset-assessed.v1")]);
  // Reads across streams (integration timelines, rebuilds) serve appends once the store's settle
  // window (5 s by default, see packages/events/docs/event-log-and-projections.md) has passed.
  await new Promise((r) => setTimeout(r, 5_500));
});

afterAll(async () => {
  await aws?.stop();
});

async function replay(options: Parameters<typeof runReplay>[0]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runReplay(
    options,
    (l) => lines.push(l),
    (l) => errors.push(l),
  );
  return { code, text: lines.join("\n"), errors: errors.join("\n") };
}

describe("vigil replay", () => {
  it("prints a stream's timeline as JSON, and stops at a version with --at", async () => {
    const all = await replay({
      ...connection(),
      stream: `integration#${EXAMPLE_INTEGRATION_ID}`,
      json: true,
    });
    expect(all.code).toBe(0);
    expect((JSON.parse(all.text) as { type: string }[]).map((e) => e.type)).toEqual([
      "vigil.integration.registration-requested.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.stack-created.v1",
    ]);
    const upTo2 = await replay({
      ...connection(),
      stream: `integration#${EXAMPLE_INTEGRATION_ID}`,
      json: true,
      at: "2",
    });
    expect(JSON.parse(upTo2.text)).toHaveLength(2);
  });

  it("prints an integration's timeline as a table across its streams", async () => {
    const out = await replay({ ...connection(), integration: EXAMPLE_INTEGRATION_ID });
    expect(out.code).toBe(0);
    expect(out.text).toContain("vigil.scan.asset-assessed.v1");
    expect(out.text).toMatch(/4 events$/);
  });

  it("rebuilds the platform's projections from the log, read-only", async () => {
    const out = await replay({ ...connection(), rebuild: true, json: true });
    expect(out.code).toBe(0);
    const { summary, views } = JSON.parse(out.text) as {
      summary: { events: number; invalid: number };
      views: Record<string, { state: { status?: string } }[]>;
    };
    expect(summary).toMatchObject({ events: 4, invalid: 0 });
    const statuses = Object.values(views)
      .flat()
      .map((d) => d.state?.status)
      .filter(Boolean);
    expect(statuses).toContain("active");
  });

  it("says what to do when given nothing to replay, or --diff without what it needs: usage, exit 64", async () => {
    const nothing = await replay(connection());
    expect(nothing).toMatchObject({ code: 64, text: "" });
    expect(nothing.errors).toMatch(/nothing to do: pass --stream, --integration or --rebuild/);
    const diffAlone = await replay({ ...connection(), stream: "integration#x", diff: true });
    expect(diffAlone).toMatchObject({ code: 64, text: "" });
    expect(diffAlone.errors).toMatch(/--diff .* add --rebuild/);
    const noTable = await replay({ ...connection(), rebuild: true, diff: true, projectionTable: undefined });
    expect(noTable).toMatchObject({ code: 64, text: "" });
    expect(noTable.errors).toMatch(/add --projection-table <name>/);
  });

  it("says which table, where, and what to check when the log cannot be read", async () => {
    await expect(
      replay({ ...connection(), table: "no-such-table", stream: "integration#x" }),
    ).rejects.toThrow(
      `could not read the event log "no-such-table" at ${aws.endpoints.dynamodb} (ResourceNotFoundException: `,
    );
    await expect(
      replay({ ...connection(), table: "no-such-table", rebuild: true, json: true }),
    ).rejects.toThrow(/no such table there \(give the deployed table's name with --table/);
    await expect(
      replay({ ...connection(), endpoint: "http://127.0.0.1:1", stream: "integration#x" }),
    ).rejects.toThrow(
      /^could not read the event log "replay-cli-events" at http:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED/,
    );
  });
});
