import { createEvent, exampleEvent, InMemoryEventStore } from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  AgentConfigError,
  agentConfigFrom,
  decideEvent,
  ebsStreamId,
  recordScannerResult,
  scannerSource,
} from "../../src/index.ts";

const ENV = {
  AWS_REGION: "eu-west-1",
  VIGIL_INTEGRATION_ID: "int-1",
  VIGIL_PARAMETER_PREFIX: "/vigil/int-1",
  VIGIL_EVENTS_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-events-int-1",
  VIGIL_ALERTS_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-alerts-int-1",
  VIGIL_JOB_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/vigil-agent-jobs-int-1",
  VIGIL_EVENT_TABLE: "vigil-events-int-1",
  VIGIL_IDEMPOTENCY_TABLE: "vigil-idempotency-int-1",
};

describe("the agent's EBS configuration and the scanner's results", () => {
  it("reads VIGIL_EBS_SCANNING and the scanner group, and refuses anything but true or false", () => {
    expect(agentConfigFrom(ENV).ebsScanning).toBeUndefined();
    expect(agentConfigFrom({ ...ENV, VIGIL_EBS_SCANNING: "false" }).ebsScanning).toBeUndefined();
    expect(agentConfigFrom({ ...ENV, VIGIL_EBS_SCANNING: "true" }).ebsScanning).toEqual({
      scannerGroup: "vigil-ebs-scanner-int-1",
    });
    expect(
      agentConfigFrom({ ...ENV, VIGIL_EBS_SCANNING: "true", VIGIL_SCANNER_GROUP: "g" }).ebsScanning,
    ).toEqual({ scannerGroup: "g" });
    expect(() => agentConfigFrom({ ...ENV, VIGIL_EBS_SCANNING: "yes" })).toThrow(AgentConfigError);
    expect(() => agentConfigFrom({ ...ENV, VIGIL_EBS_SCANNING: "yes" })).toThrow(
      /VIGIL_EBS_SCANNING is "yes", expected true or false/,
    );
  });

  it("records a scanner result only when it is this account's scanner, for a copy its scan made", async () => {
    const store = new InMemoryEventStore();
    const scanned = (overrides: { source?: string; integrationId?: string; snapshotId?: string }) =>
      createEvent(
        "vigil.ebs.scanned.v1",
        {
          ...exampleEvent("vigil.ebs.scanned.v1").data,
          scanId: "s1",
          region: "eu-west-1",
          snapshotId: overrides.snapshotId ?? "snap-0abc1234def567890",
        },
        {
          source: overrides.source ?? scannerSource("123456789012"),
          integrationId: overrides.integrationId ?? "int-1",
          id: `e-${Math.random()}`,
        },
      );
    const context = { integrationId: "int-1", accountId: "123456789012" };
    expect(decideEvent(scanned({}), "int-1")).toEqual({ action: "record-scanner-result" });

    // No such copy in the scan's stream yet.
    expect(await recordScannerResult(store, scanned({}), context)).toMatchObject({
      kind: "ignored",
      reason: /no copy snap-0abc1234def567890/,
    });
    const stream = ebsStreamId("s1", "eu-west-1");
    const meta = { source: "urn:vigil:agent:123456789012", integrationId: "int-1" };
    await store.appendToStream(
      stream,
      [
        createEvent(
          "vigil.ebs.volumes-planned.v1",
          {
            scanId: "s1",
            region: "eu-west-1",
            volumes: [
              {
                instanceId: "i-0abc1234def567890",
                volumeId: "vol-0abc1234def567890",
                device: "/dev/xvda",
                root: true,
                sizeGiB: 8,
                encrypted: false,
              },
            ],
            instances: [],
            optedOut: [],
          },
          meta,
        ),
        createEvent(
          "vigil.ebs.snapshot-created.v1",
          {
            scanId: "s1",
            region: "eu-west-1",
            sourceVolumeArn: "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc1234def567890",
            snapshotId: "snap-0abc1234def567890",
            sizeGiB: 8,
            encrypted: false,
          },
          meta,
        ),
      ],
      { expectedVersion: "any" },
    );
    expect(
      await recordScannerResult(store, scanned({ source: "urn:vigil:agent:123456789012" }), context),
    ).toMatchObject({ kind: "ignored" });
    expect(
      await recordScannerResult(store, scanned({ source: scannerSource("999999999999") }), context),
    ).toMatchObject({ kind: "ignored" });
    expect(await recordScannerResult(store, scanned({ integrationId: "int-2" }), context)).toMatchObject({
      kind: "ignored",
    });
    expect(await recordScannerResult(store, scanned({}), context)).toEqual({
      kind: "recorded",
      streamId: stream,
    });
    expect(await recordScannerResult(store, scanned({}), context)).toMatchObject({
      kind: "ignored",
      reason: /already reported/,
    });
    const types = (await store.readStream(stream)).events.map((e) => e.event.type);
    expect(types.filter((t) => t === "vigil.ebs.scanned.v1")).toHaveLength(1);
  });
});
