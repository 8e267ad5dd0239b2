import {
  type AttributeValue,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";
import type { EventEnvelope } from "../envelope/envelope.ts";
import { type EventTableDefinition, eventTable, tableKeySchema } from "../topology/event-table.ts";
import { backoffDelay } from "./command-handler.ts";
import { ClaimCheckError, EventStoreError, ExpectedVersionConflictError } from "./errors.ts";
import {
  assertAppendFits,
  bucketsOfDay,
  type ClaimRef,
  claimCheckKey,
  dayOf,
  PREVIOUS_VERSION_CONDITION,
  PUT_CONDITION,
  REPLAY_INDEX_SHARDS,
  type StoredBody,
  sha256Hex,
  storedBodyOf,
  storedItemAttributes,
  storedItemBytes,
} from "./limits.ts";
import {
  assertWritesAppendable,
  assertWritesFit,
  baseOf,
  type MultiStreamAppender,
  MultiStreamConflictError,
  type StreamWrite,
} from "./multi-stream.ts";
import {
  type AppendOptions,
  type AppendResult,
  DEFAULT_READ_ALL_LIMIT,
  type EventStore,
  type ExpectedVersion,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  recordedAtOf,
} from "./port.ts";
import { assertAppendable, assertExpectedVersion, matchRetry } from "./shared.ts";

const PK = eventTable.partitionKey.name;
const SK = eventTable.sortKey.name;
const GSI = eventTable.globalSecondaryIndexes[0];
const BUCKET = GSI?.partitionKey.name ?? "timeBucket";
const TIME_ID = GSI?.sortKey.name ?? "timeId";
const INDEX = GSI?.name ?? "by-time";

/** Attempts of one append against contention (`"any"` conflicts, transaction conflicts), with backoff. */
const APPEND_ATTEMPTS = 10;

export interface DynamoDbEventStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Where payloads above the item limit go (claim check). Without it they are rejected. */
  claimCheck?: { s3: S3Client; bucket: string; prefix?: string };
  /**
   * readAll only returns events recorded at least this long ago (default 5000 ms), so an append
   * stamped earlier but still in flight, or not yet on the GSI, cannot be skipped by a reader
   * that already moved past its position. 0 is right for DynamoDB Local in tests only.
   */
  settleMs?: number;
  now?: () => Date;
}

/**
 * The event log on one DynamoDB table: `pk = streamId`, `sk = version` (1-based), the
 * envelope as a JSON string, and a GSI (`timeBucket` = UTC day and the stream's shard of 16, `timeId` = position) for
 * readAll. See docs/event-log-and-projections.md, "Event log", for the guarantees.
 */
export class DynamoDbEventStore implements EventStore, MultiStreamAppender {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #claim: DynamoDbEventStoreOptions["claimCheck"];
  readonly #settleMs: number;
  readonly #now: () => Date;
  #firstDay: Promise<string> | undefined;
  /** Where the last readAll stopped, for the call that resumes from its position. */
  #resume: ReadAllCursor | undefined;
  /** The append in progress (or last queued) per stream in this process: see `appendToStream`. */
  readonly #turns = new Map<string, Promise<unknown>>();

  constructor(options: DynamoDbEventStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#claim = options.claimCheck;
    this.#settleMs = options.settleMs ?? 5000;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Appends to one stream. Appends to the same stream from this process take turns (in call
   * order): writers in one process never race each other for the stream's next version, so
   * contention, and the backoff below, is left to writers in other processes.
   */
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const previous = this.#turns.get(streamId);
    const run = previous
      ? previous.then(() => this.#append(streamId, events, options))
      : this.#append(streamId, events, options);
    const turn = run.then(
      () => undefined,
      () => undefined,
    );
    this.#turns.set(streamId, turn);
    void turn.then(() => {
      if (this.#turns.get(streamId) === turn) this.#turns.delete(streamId);
    });
    return run;
  }

  async #append(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected: ExpectedVersion = options.expectedVersion ?? "any";
    assertExpectedVersion(expected);
    const bodies = await Promise.all(events.map((e) => this.#serialize(streamId, e)));

    let floor = ""; // recordedAt of the previous event when our clock is behind it
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      let base: number;
      if (expected === "any") {
        const last = await this.#lastItem(streamId);
        base = last?.version ?? 0;
        if (last && last.recordedAt > floor) floor = last.recordedAt;
        if (base >= events.length) {
          const retry = matchRetry(
            streamId,
            events,
            await this.#range(streamId, base - events.length + 1, base),
          );
          if (retry) return retry;
        }
      } else {
        base = expected === "no_stream" ? 0 : expected;
      }
      const now = this.#now().toISOString();
      const recordedAt = now > floor ? now : floor;
      const rows = bodies.map((body, i) =>
        this.#item(streamId, base + i + 1, recordedAt, events[i] as EventEnvelope, body),
      );
      // The limits every adapter shares (limits.ts): 100 items and 4 MB a transaction.
      assertAppendFits(
        streamId,
        base,
        rows.map((r) => r.bytes),
      );
      const items = rows.map((r) => r.item);

      const outcome = await this.#write(streamId, base, recordedAt, items);
      if (outcome.ok)
        return {
          streamId,
          firstVersion: base + 1,
          lastVersion: base + events.length,
          alreadyAppended: false,
        };
      if (outcome.reason === "clock-behind") {
        floor = outcome.previousRecordedAt;
        continue;
      }
      if (outcome.reason === "busy") {
        await sleep(backoffDelay(attempt));
        continue;
      }
      // A version we meant to write exists, or the one before it does not.
      const retry = matchRetry(streamId, events, await this.#range(streamId, base + 1, base + events.length));
      if (retry) return retry;
      if (expected === "any") {
        // Another writer took the end of the stream: back off (full jitter) before trying the new end,
        // so writers contending for one stream spread out instead of colliding again at once.
        await sleep(backoffDelay(attempt));
        continue;
      }
      const actual = (await this.#lastItem(streamId))?.version ?? 0;
      throw new ExpectedVersionConflictError(streamId, expected, actual);
    }
    throw new EventStoreError(
      `stream "${streamId}": gave up appending after ${APPEND_ATTEMPTS} contended attempts (with backoff); ` +
        `retry later, or spread the writers over more streams`,
    );
  }

  /**
   * One TransactWriteItems across streams (a single new event: one conditional PutItem): a check
   * on each existing stream's expected version and a conditional Put per event. Nothing is
   * written unless everything is. A check that fails only because our clock is behind the
   * stream's last event is retried stamped with that event's time; DynamoDB's own transaction
   * conflicts with backoff and jitter; a version conflict is thrown with every stream it concerns.
   */
  async appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    assertWritesAppendable(writes);
    const bodies = await Promise.all(
      writes.map((w) => Promise.all(w.events.map((e) => this.#serialize(w.streamId, e)))),
    );
    let floor = "";
    for (let attempt = 0; ; attempt++) {
      const now = this.#now().toISOString();
      const recordedAt = now > floor ? now : floor;
      const rows = writes.map((w, i) =>
        (bodies[i] ?? []).map((body, j) =>
          this.#item(
            w.streamId,
            baseOf(w.expectedVersion) + j + 1,
            recordedAt,
            w.events[j] as EventEnvelope,
            body,
          ),
        ),
      );
      assertWritesFit(
        writes,
        rows.map((r) => r.map((x) => x.bytes)),
      );
      const outcome = await this.#writeMany(
        writes,
        recordedAt,
        rows.map((r) => r.map((x) => x.item)),
      );
      if (outcome.ok) {
        return writes.map((w) => {
          const base = baseOf(w.expectedVersion);
          return {
            streamId: w.streamId,
            firstVersion: base + 1,
            lastVersion: base + w.events.length,
            alreadyAppended: false,
          };
        });
      }
      if (outcome.reason === "clock-behind" && attempt < 5) {
        floor = outcome.previousRecordedAt;
        continue;
      }
      if (outcome.reason === "busy" && attempt < 8) {
        await sleep(backoffDelay(attempt));
        continue;
      }
      const failed = outcome.reason === "conflict" ? outcome.streams : writes.map((w) => w.streamId);
      const conflicts = await Promise.all(
        writes
          .filter((w) => failed.includes(w.streamId))
          .map(async (w) => ({
            streamId: w.streamId,
            expected: w.expectedVersion,
            actual: (await this.#lastItem(w.streamId))?.version ?? 0,
          })),
      );
      throw new MultiStreamConflictError(conflicts);
    }
  }

  async #writeMany(
    writes: readonly StreamWrite[],
    recordedAt: string,
    items: Record<string, AttributeValue>[][],
  ): Promise<
    | { ok: true }
    | { ok: false; reason: "conflict"; streams: string[] }
    | { ok: false; reason: "busy" }
    | { ok: false; reason: "clock-behind"; previousRecordedAt: string }
  > {
    const condition = { ConditionExpression: PUT_CONDITION, ExpressionAttributeNames: { "#sk": SK } };
    const first = writes[0];
    const firstItem = items[0]?.[0];
    if (
      writes.length === 1 &&
      first &&
      firstItem &&
      baseOf(first.expectedVersion) === 0 &&
      first.events.length === 1
    ) {
      try {
        await this.#client.send(
          new PutItemCommand({ TableName: this.#table, Item: firstItem, ...condition }),
        );
        return { ok: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          return { ok: false, reason: "conflict", streams: [first.streamId] };
        throw error;
      }
    }
    const transact: TransactWriteItem[] = [];
    const owner: { streamId: string; check: boolean }[] = [];
    writes.forEach((w, i) => {
      const base = baseOf(w.expectedVersion);
      if (base > 0) {
        transact.push({
          ConditionCheck: {
            TableName: this.#table,
            Key: { [PK]: { S: w.streamId }, [SK]: { N: String(base) } },
            ConditionExpression: PREVIOUS_VERSION_CONDITION,
            ExpressionAttributeNames: { "#sk": SK },
            ExpressionAttributeValues: { ":now": { S: recordedAt } },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        });
        owner.push({ streamId: w.streamId, check: true });
      }
      for (const Item of items[i] ?? []) {
        transact.push({ Put: { TableName: this.#table, Item, ...condition } });
        owner.push({ streamId: w.streamId, check: false });
      }
    });
    try {
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: transact }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = new Set<string>();
      let clockBehind = "";
      let onlyClock = true;
      reasons.forEach((r, i) => {
        if (r.Code !== "ConditionalCheckFailed") return;
        const o = owner[i];
        if (!o) return;
        const previous = o.check ? r.Item?.recordedAt?.S : undefined;
        if (o.check && r.Item?.[SK] && previous && previous > recordedAt) {
          if (previous > clockBehind) clockBehind = previous;
        } else {
          onlyClock = false;
          failed.add(o.streamId);
        }
      });
      if (failed.size > 0) return { ok: false, reason: "conflict", streams: [...failed] };
      if (clockBehind && onlyClock)
        return { ok: false, reason: "clock-behind", previousRecordedAt: clockBehind };
      if (reasons.some((r) => r.Code === "TransactionConflict")) return { ok: false, reason: "busy" };
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const from = Math.max(1, options.from ?? 1);
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    const events = from <= to ? await this.#range(streamId, from, to) : [];
    const streamVersion =
      options.to === undefined && events.length > 0
        ? (events.at(-1)?.version ?? 0)
        : ((await this.#lastItem(streamId))?.version ?? 0);
    return { streamId, events, streamVersion };
  }

  /**
   * The log in position order from `since`: day by day, the day's replay index partitions merged
   * by position, each read a page at a time. What was read past the page is kept for the call that
   * resumes from this page's position (a replay's next page), so it is not read again.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    const cutoff = new Date(this.#now().getTime() - this.#settleMs).toISOString();
    const since = options.since ?? "";
    const lastDay = dayOf(cutoff);
    const saved = since ? this.#resume : undefined;
    const resumed = saved?.position === since ? saved : undefined;
    if (resumed) this.#resume = undefined;
    let day = resumed?.day ?? (since ? dayOf(recordedAtOf(since)) : await this.#startDay());
    let partitions = resumed ? resumedPartitions(resumed) : undefined;
    const items: Record<string, AttributeValue>[] = [];
    let more = false;
    outer: while (day <= lastDay) {
      partitions ??= bucketsOfDay(day).map((bucket) => newPartition(bucket, since, limit));
      for (;;) {
        // One pass: a partition to read first (empty, not at its end, not stale), the smallest head,
        // and how far the stale partitions are known whole.
        let next: PartitionCursor | undefined;
        let nextHead = "";
        let unread = false;
        let wholeTo: string | undefined;
        for (const p of partitions) {
          if (p.stale && (wholeTo === undefined || p.wholeTo < wholeTo)) wholeTo = p.wholeTo;
          const head = p.buffered[0]?.[TIME_ID]?.S;
          if (head === undefined) unread ||= !p.done && !p.stale;
          else if (next === undefined || head < nextHead) {
            next = p;
            nextHead = head;
          }
        }
        if (unread) {
          // A page may come back empty with a key to go on from: then it is read again.
          await Promise.all(
            partitions
              .filter((p) => p.buffered.length === 0 && !p.done && !p.stale)
              .map((p) => this.#readPartition(p, limit)),
          );
          continue;
        }
        // Up to the resumed page's cutoff every partition is known whole; past it, the partitions
        // read to their end (or past it) then are queried again before anything further is returned.
        if (wholeTo !== undefined && (!next || (next.buffered[0]?.recordedAt?.S ?? "") > wholeTo)) {
          const lastReturned = items.at(-1)?.[TIME_ID]?.S ?? since;
          for (const p of partitions) {
            if (!p.stale) continue;
            p.stale = false;
            p.after = p.buffered.at(-1)?.[TIME_ID]?.S ?? lastReturned;
          }
          continue;
        }
        if (!next) break; // the day is read
        if ((next.buffered[0]?.recordedAt?.S ?? "") > cutoff) break outer;
        items.push(next.buffered.shift() as Record<string, AttributeValue>);
        if (items.length >= limit) {
          more = true;
          break outer;
        }
      }
      day = nextDay(day);
      partitions = undefined;
    }
    const events = await Promise.all(items.map((i) => this.#decode(i)));
    const position = events.at(-1)?.position ?? options.since;
    if (partitions && position) this.#resume = { position, cutoff, day, partitions };
    return { events, position, more };
  }

  /** Reads a partition's next page; each further page is twice the last, up to the limit. */
  async #readPartition(p: PartitionCursor, limit: number): Promise<void> {
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: INDEX,
        KeyConditionExpression: `#b = :b AND #t > :after`,
        ExpressionAttributeNames: { "#b": BUCKET, "#t": TIME_ID },
        ExpressionAttributeValues: { ":b": { S: p.bucket }, ":after": { S: p.after || "0" } },
        Limit: Math.min(p.pageSize, limit),
        ExclusiveStartKey: p.startKey,
      }),
    );
    p.pageSize *= 2;
    p.buffered.push(...(page.Items ?? []));
    p.startKey = page.LastEvaluatedKey;
    p.done = p.startKey === undefined;
  }

  async #write(
    streamId: string,
    base: number,
    recordedAt: string,
    items: Record<string, AttributeValue>[],
  ): Promise<
    | { ok: true }
    | { ok: false; reason: "conflict" | "busy" }
    | { ok: false; reason: "clock-behind"; previousRecordedAt: string }
  > {
    const condition = {
      ConditionExpression: "attribute_not_exists(#sk)",
      ExpressionAttributeNames: { "#sk": SK },
    };
    try {
      if (base === 0 && items.length === 1) {
        await this.#client.send(new PutItemCommand({ TableName: this.#table, Item: items[0], ...condition }));
        return { ok: true };
      }
      const writes: TransactWriteItem[] = [];
      if (base > 0) {
        // The previous version must exist (no gaps) and not be stamped later than us (order).
        writes.push({
          ConditionCheck: {
            TableName: this.#table,
            Key: { [PK]: { S: streamId }, [SK]: { N: String(base) } },
            ConditionExpression: "attribute_exists(#sk) AND recordedAt <= :now",
            ExpressionAttributeNames: { "#sk": SK },
            ExpressionAttributeValues: { ":now": { S: recordedAt } },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        });
      }
      for (const Item of items) writes.push({ Put: { TableName: this.#table, Item, ...condition } });
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: writes }));
      return { ok: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { ok: false, reason: "conflict" };
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const check = base > 0 ? reasons[0] : undefined;
        const previous = check?.Item?.recordedAt?.S;
        const putFailed = reasons.slice(base > 0 ? 1 : 0).some((r) => r.Code === "ConditionalCheckFailed");
        if (!putFailed && check?.Code === "ConditionalCheckFailed" && previous && previous > recordedAt) {
          return { ok: false, reason: "clock-behind", previousRecordedAt: previous };
        }
        if (reasons.some((r) => r.Code === "ConditionalCheckFailed"))
          return { ok: false, reason: "conflict" };
        if (reasons.some((r) => r.Code === "TransactionConflict")) return { ok: false, reason: "busy" };
      }
      throw error;
    }
  }

  /** The shared payload rule (`storedBodyOf`); a claim-checked `data` is put to S3 here. */
  async #serialize(streamId: string, event: EventEnvelope): Promise<{ json: string; ref?: ClaimRef }> {
    const body: StoredBody = storedBodyOf(event, this.#claim !== undefined);
    if (!body.claim || !this.#claim) return { json: body.json };
    // Keyed by stream and event id: a retried append overwrites the same object, never orphans a new one.
    const key = claimCheckKey(this.#claim.prefix ?? "event-payloads/", streamId, event.id);
    const { putJsonObject } = await import("./s3-objects.ts");
    await putJsonObject(this.#claim.s3, this.#claim.bucket, key, body.claim.data);
    return {
      json: body.json,
      ref: { bucket: this.#claim.bucket, key, sha256: body.claim.sha256, bytes: body.claim.bytes },
    };
  }

  #item(
    streamId: string,
    version: number,
    recordedAt: string,
    event: EventEnvelope,
    body: { json: string; ref?: ClaimRef },
  ): { item: Record<string, AttributeValue>; bytes: number } {
    const attributes = storedItemAttributes({
      streamId,
      version,
      recordedAt,
      id: event.id,
      type: event.type,
      json: body.json,
      ...(body.ref ? { dataRef: JSON.stringify(body.ref) } : {}),
    });
    const item: Record<string, AttributeValue> = {};
    for (const [name, value] of Object.entries(attributes))
      item[name] = name === SK ? { N: value } : { S: value };
    return { item, bytes: storedItemBytes(attributes) };
  }

  async #decode(item: Record<string, AttributeValue>): Promise<RecordedEvent> {
    const event = JSON.parse(item.e?.S ?? "{}") as EventEnvelope;
    const refJson = item.dataRef?.S;
    if (refJson) event.data = await this.#fetchClaim(JSON.parse(refJson) as ClaimRef);
    return {
      streamId: item[PK]?.S ?? "",
      version: Number(item[SK]?.N),
      recordedAt: item.recordedAt?.S ?? "",
      position: item[TIME_ID]?.S ?? "",
      event,
    };
  }

  async #fetchClaim(ref: ClaimRef): Promise<unknown> {
    if (!this.#claim)
      throw new ClaimCheckError(ref, "the store has no claimCheck S3 client configured to read it");
    let body: string;
    try {
      const { getObjectText } = await import("./s3-objects.ts");
      body = await getObjectText(this.#claim.s3, ref.bucket, ref.key);
    } catch (error) {
      throw new ClaimCheckError(
        ref,
        `could not be read (${(error as Error).name}: ${(error as Error).message})`,
      );
    }
    if (sha256Hex(body) !== ref.sha256) {
      throw new ClaimCheckError(
        ref,
        "content does not match the SHA-256 recorded in the log (modified or truncated)",
      );
    }
    return JSON.parse(body);
  }

  /** Strongly consistent: retry detection and expected-version checks must see the latest writes. */
  async #range(streamId: string, from: number, to: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.#table,
        KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#pk": PK, "#sk": SK },
        ExpressionAttributeValues: {
          ":pk": { S: streamId },
          ":from": { N: String(from) },
          ":to": { N: String(to) },
        },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      };
      const page = await this.#client.send(new QueryCommand(input));
      out.push(...(await Promise.all((page.Items ?? []).map((i) => this.#decode(i)))));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  async #lastItem(streamId: string): Promise<{ version: number; recordedAt: string } | undefined> {
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": PK, "#sk": SK },
        ExpressionAttributeValues: { ":pk": { S: streamId } },
        ProjectionExpression: "#sk, recordedAt",
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = page.Items?.[0];
    return item ? { version: Number(item[SK]?.N), recordedAt: item.recordedAt?.S ?? "" } : undefined;
  }

  /** No event is older than the table, so a full replay starts at its creation day. */
  #startDay(): Promise<string> {
    this.#firstDay ??= this.#client
      .send(new DescribeTableCommand({ TableName: this.#table }))
      .then((t) => dayOf((t.Table?.CreationDateTime ?? new Date(0)).toISOString()));
    return this.#firstDay;
  }
}

/** One replay index partition being read: what was read and not yet returned, and where to go on. */
interface PartitionCursor {
  readonly bucket: string;
  buffered: Record<string, AttributeValue>[];
  /** Read positions after this one (when `startKey` is unset, a fresh query). */
  after: string;
  startKey: Record<string, AttributeValue> | undefined;
  done: boolean;
  /** Known whole only up to `wholeTo` (a resumed page's cutoff): queried again from `after` before going past it. */
  stale: boolean;
  wholeTo: string;
  pageSize: number;
}

interface ReadAllCursor {
  readonly position: string;
  /** The cutoff of the call that read the partitions: what is past it may not be all there yet. */
  readonly cutoff: string;
  readonly day: string;
  readonly partitions: PartitionCursor[];
}

/** A partition's share of a page and a little more at first (`readPartition` doubles it when it runs out). */
function newPartition(bucket: string, since: string, limit: number): PartitionCursor {
  const pageSize = Math.ceil((2 * limit) / REPLAY_INDEX_SHARDS) + 8;
  return {
    bucket,
    buffered: [],
    after: since,
    startKey: undefined,
    done: false,
    stale: false,
    wholeTo: "",
    pageSize,
  };
}

/**
 * The partitions of a stopped readAll, for the call resuming from its position. What was read up
 * to its cutoff is complete and kept; past it, an append still in flight may yet land before what
 * was read, so a partition that was read past that cutoff, or to its end, is stale: what it holds
 * up to the cutoff is returned as it is, and it is queried again before anything past the cutoff.
 */
function resumedPartitions(saved: ReadAllCursor): PartitionCursor[] {
  return saved.partitions.map((p) => {
    // Still stale from an earlier page: whole only up to that page's cutoff, and holding nothing past it.
    if (p.stale) return p;
    const kept = p.buffered.filter((item) => (item.recordedAt?.S ?? "") <= saved.cutoff);
    if (kept.length === p.buffered.length && !p.done) return p;
    return { ...p, buffered: kept, startKey: undefined, done: false, stale: true, wholeTo: saved.cutoff };
  });
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Create the event table and its readAll GSI from the shared table definition (infra renders
 * the same definition into CloudFormation). Waits until the table is ACTIVE.
 */
export async function createEventTable(
  client: DynamoDBClient,
  tableName: string,
  definition: EventTableDefinition = eventTable,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      ...tableKeySchema(definition),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}
