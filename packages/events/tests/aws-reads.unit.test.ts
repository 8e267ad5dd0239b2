import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { withSnapshotLayout } from "../src/aws-reads/docs.ts";
import { AWS_READS, absentAnswer, awsRead, notConfiguredCodes, snapshotLayoutTable } from "../src/index.ts";

const DOCS = fileURLToPath(new URL("../../../docs/snapshot-format.md", import.meta.url));

describe("the AWS reads description", () => {
  it("describes each read once, by the AWS CLI's names", () => {
    const keys = AWS_READS.map((r) => `${r.service} ${r.command}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of AWS_READS) {
      expect(r.service, r.command).toMatch(/^[a-z0-9-]+$/);
      expect(r.command, r.service).toMatch(/^(describe|list|get|batch-get|generate)-[a-z0-9-]+$/);
      expect(awsRead(r.service, r.command)).toBe(r);
    }
    expect(AWS_READS.length).toBeGreaterThan(140);
  });

  it("says what a missing file stands for only for per-resource reads, and error files only for account-wide ones", () => {
    for (const r of AWS_READS) {
      if (r.absent !== undefined) expect(r.resource, `${r.service} ${r.command}`).toBeDefined();
      if (r.notConfigured !== undefined) expect(r.resource, `${r.service} ${r.command}`).toBeUndefined();
    }
  });

  it("gives the not-configured codes and fills in the resource's name", () => {
    const lifecycle = awsRead("ecr", "get-lifecycle-policy");
    expect(lifecycle && notConfiguredCodes(lifecycle)).toEqual(["LifecyclePolicyNotFoundException"]);
    expect(lifecycle && absentAnswer(lifecycle, "team/api")).toMatchObject({
      error: "LifecyclePolicyNotFoundException",
      message: expect.stringContaining("'team/api'"),
    });
    const hub = awsRead("securityhub", "describe-hub");
    expect(hub && notConfiguredCodes(hub)).toEqual(["InvalidAccessException", "ResourceNotFoundException"]);
    const acl = awsRead("s3api", "get-bucket-acl");
    expect(acl && notConfiguredCodes(acl)).toEqual([]);
    expect(acl && absentAnswer(acl, "b")).toBeUndefined();
    expect(awsRead("ec2", "describe-hosts")).toBeUndefined();
  });

  it("docs/snapshot-format.md holds the current layout table (pnpm --filter @vigil/events generate)", () => {
    const docs = readFileSync(DOCS, "utf8");
    expect(withSnapshotLayout(docs)).toBe(docs);
    const table = snapshotLayoutTable();
    expect(table.split("\n")).toHaveLength(AWS_READS.length + 2);
    expect(table).toContain("| s3api get-bucket-policy | `global/s3api/get-bucket-policy/<bucket>.json` |");
    // A pipe inside a cell is escaped, or the row would have more columns.
    for (const row of table.split("\n")) expect(row.replaceAll("\\|", "").split("|")).toHaveLength(7);
  });
});
