import { CloudEvent } from "cloudevents";
import { describe, expect, it } from "vitest";
import {
  catalogue,
  createEvent,
  deterministicEventId,
  EVENT_TYPE_PATTERN,
  eventTypes,
  exampleEvent,
  exampleEvents,
  exampleHeartbeatV1,
  InvalidEventError,
  parseEvent,
  uuidV5,
} from "../src/index.ts";

describe("catalogue", () => {
  it("names every type vigil.<area>.<fact>.v<N> and has one example per type", () => {
    for (const type of eventTypes) expect(type).toMatch(EVENT_TYPE_PATTERN);
    expect(new Set(eventTypes).size).toBe(catalogue.length);
    expect(exampleEvents().map((e) => e.type)).toEqual([...eventTypes]);
  });

  it("covers the areas the design lists", () => {
    const areas = new Set(eventTypes.map((t) => t.split(".")[1]));
    expect([...areas].sort()).toEqual([
      "counts",
      "ebs",
      "integration",
      "organization",
      "release",
      "scan",
      "update",
    ]);
    expect(eventTypes).toContain("vigil.scan.paused-for-rate-limit.v1");
    expect(eventTypes).toContain("vigil.counts.resource-counts-reported.v1");
  });

  it.each(exampleEvents().map((e) => [e.type, e] as const))("parses its example of %s", (_type, event) => {
    const result = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.event).toEqual(event);
  });

  it.each(exampleEvents().map((e) => [e.type, e] as const))(
    "the official CloudEvents SDK accepts %s in structured JSON mode",
    (_type, event) => {
      const structured = JSON.parse(JSON.stringify(event));
      const ce = new CloudEvent(structured);
      expect(ce.validate()).toBe(true);
      expect(JSON.parse(ce.toString())).toMatchObject({
        id: event.id,
        type: event.type,
        integrationid: event.integrationid,
      });
    },
  );
});

describe("parseEvent errors are precise", () => {
  const good = () => JSON.parse(JSON.stringify(exampleEvent("vigil.scan.asset-assessed.v1")));

  it("missing field: names the path and says it is missing", () => {
    const e = good();
    delete e.data.asset.arn;
    const r = parseEvent(e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe("invalid-data");
    expect(r.error.issues).toEqual([
      expect.objectContaining({
        path: ["data", "asset", "arn"],
        expected: "string",
        received: "nothing (missing)",
      }),
    ]);
    expect(r.error.message).toContain("data.asset.arn: expected string, received nothing (missing)");
  });

  it("wrong type: expected and received types", () => {
    const e = good();
    e.data.results[1].severity = 3;
    const r = parseEvent(e);
    if (r.ok) throw new Error("should fail");
    expect(r.error.issues[0]).toMatchObject({
      path: ["data", "results", 1, "severity"],
      expected: 'one of "critical", "high", "medium", "low", "informational"',
      received: "number 3",
    });
  });

  it("wrong format: an account id that is not 12 digits", () => {
    const e = good();
    e.data.asset.accountId = "12345";
    const r = parseEvent(e);
    if (r.ok) throw new Error("should fail");
    expect(r.error.issues[0]).toMatchObject({
      path: ["data", "asset", "accountId"],
      expected: "a 12-digit AWS account id",
      received: 'string "12345"',
    });
  });

  it("envelope problems are reported as such", () => {
    const e = good();
    e.specversion = "0.3";
    delete e.integrationid;
    const r = parseEvent(e);
    if (r.ok) throw new Error("should fail");
    expect(r.error.kind).toBe("invalid-envelope");
    expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(["integrationid", "specversion"]);
  });

  it("unknown type", () => {
    const r = parseEvent({ ...good(), type: "vigil.scan.exploded.v1" });
    if (r.ok) throw new Error("should fail");
    expect(r.error.kind).toBe("unknown-type");
    expect(r.error.issues[0]).toMatchObject({ path: ["type"], received: 'string "vigil.scan.exploded.v1"' });
  });

  it("unknown version of a known type lists the known versions", () => {
    const r = parseEvent({ ...good(), type: "vigil.integration.heartbeat.v7" });
    if (r.ok) throw new Error("should fail");
    expect(r.error.kind).toBe("unknown-version");
    expect(r.error.issues[0]?.expected).toBe(
      "one of vigil.integration.heartbeat.v1, vigil.integration.heartbeat.v2",
    );
  });

  it("non-objects", () => {
    for (const input of [null, undefined, 42, "x", [1]]) {
      const r = parseEvent(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe("not-an-object");
    }
  });
});

describe("upcasting", () => {
  it("reads a heartbeat v1 as v2, keeping id and envelope", () => {
    const v1 = exampleHeartbeatV1();
    const r = parseEvent(v1);
    if (!r.ok) throw r.error;
    expect(r.upcastFrom).toBe("vigil.integration.heartbeat.v1");
    expect(r.event).toMatchObject({
      id: v1.id,
      type: "vigil.integration.heartbeat.v2",
      time: v1.time,
      data: { accountId: "123456789012", components: { agent: "1.2.0" }, enabledRegions: ["eu-west-1"] },
    });
  });

  it("an invalid v1 is reported against the v1 schema", () => {
    const v1 = exampleHeartbeatV1();
    const r = parseEvent({ ...v1, data: { ...v1.data, regions: "eu-west-1" } });
    if (r.ok) throw new Error("should fail");
    expect(r.error.issues[0]).toMatchObject({ path: ["data", "regions"], expected: "array" });
  });
});

describe("createEvent", () => {
  it("builds a valid envelope with correlation metadata", () => {
    const e = createEvent(
      "vigil.scan.requested.v1",
      { scanId: "s1", trigger: "on-demand" },
      { source: "urn:vigil:platform", integrationId: "int-1", correlationId: "c-1", time: new Date(0) },
    );
    expect(e).toMatchObject({
      specversion: "1.0",
      type: "vigil.scan.requested.v1",
      time: "1970-01-01T00:00:00.000Z",
      integrationid: "int-1",
      correlationid: "c-1",
      dataschema: "urn:vigil:schema:vigil.scan.requested.v1",
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses invalid data with the precise issue", () => {
    expect(() =>
      createEvent(
        "vigil.scan.paused-for-rate-limit.v1",
        { until: "tomorrow", reason: "throttled", api: "ec2:DescribeInstances" },
        { source: "urn:vigil:agent", integrationId: "int-1" },
      ),
    ).toThrow(InvalidEventError);
    expect(() =>
      createEvent(
        "vigil.scan.paused-for-rate-limit.v1",
        { until: "tomorrow", reason: "throttled", api: "ec2:DescribeInstances" },
        { source: "urn:vigil:agent", integrationId: "int-1" },
      ),
    ).toThrow(/data\.until: expected datetime/);
  });
});

describe("deterministic ids", () => {
  it("are stable for the same stream and version and differ otherwise", () => {
    expect(deterministicEventId("scan#1", 3)).toBe(deterministicEventId("scan#1", 3));
    expect(deterministicEventId("scan#1", 3)).not.toBe(deterministicEventId("scan#1", 4));
    expect(deterministicEventId("scan#1", 3)).not.toBe(deterministicEventId("scan#13", 3 - 2));
    expect(deterministicEventId("scan#1", 3)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("match the RFC 9562 v5 test vector (DNS namespace, www.example.com)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});
