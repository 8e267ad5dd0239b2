import { createEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  applyFilters,
  findingsCsv,
  findingsOf,
  groupByCheck,
  parseFilters,
  postureOf,
  trendOf,
} from "../src/dashboard/posture.ts";
import { ACCOUNT, admin, assessed, asset, testPlatform } from "./helpers.ts";

/** 112 failed findings of 4 checks over 28 assets, plus one check that could not be assessed. */
async function seeded() {
  const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
  const agent = await p.registeredAgent();
  const events = Array.from({ length: 28 }, (_, i) => {
    const a = {
      ...asset(i % 2 === 0 ? "eu-west-1" : "us-east-1", `bucket-${i}`),
      type: i < 20 ? "aws.s3.bucket" : "aws.ec2.instance",
    };
    return createEvent(
      "vigil.scan.asset-assessed.v1",
      {
        scanId: "scan-1",
        assessedAt: "2025-03-01T11:00:00.000Z",
        asset: a,
        results: [
          {
            checkId: "s3.public",
            status: "fail",
            severity: "critical",
            title: "Public bucket",
            evidence: "ACL public-read",
          },
          { checkId: "s3.encryption", status: "fail", severity: "high", title: "Not encrypted" },
          { checkId: "s3.logging", status: "fail", severity: "low", title: "No access logging" },
          { checkId: "s3.versioning", status: "fail", severity: "medium", title: "No versioning" },
          { checkId: "s3.tls", status: "pass", severity: "high", title: "TLS only" },
          {
            checkId: "s3.lock",
            status: "error",
            severity: "low",
            title: "Object lock",
            evidence: "AccessDenied",
          },
        ],
      },
      {
        source: `urn:vigil:agent:${ACCOUNT}`,
        integrationId: agent.integrationId,
        time: "2025-03-01T11:00:00.000Z",
      },
    );
  });
  for (let i = 0; i < events.length; i += 10) {
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: events.slice(i, i + 10) }));
    expect(res.status).toBe(202);
  }
  // A second scan: one asset fixed two checks.
  const later = assessed(agent.integrationId, asset("eu-west-1", "bucket-0"), "2025-03-01T11:30:00.000Z", [
    "critical",
  ]);
  await p.signed(
    agent,
    "/agent/events",
    JSON.stringify({ events: [{ ...later, data: { ...later.data, scanId: "scan-2" } }] }),
  );
  return { p, agent };
}

describe("posture and findings (pure)", () => {
  it("scores, groups by check, filters and exports", async () => {
    const { p, agent } = await seeded();
    const reports = (
      (await (
        await p.app.request(`/api/integrations/${agent.integrationId}/reports`, { headers: admin })
      ).json()) as {
        reports: Parameters<typeof postureOf>[0];
      }
    ).reports;
    const posture = postureOf(reports);
    expect(posture.assets).toBe(28);
    expect(posture.fail).toBe(27 * 4 + 1);
    expect(posture.notAssessed).toBe(27);
    expect(posture.bySeverity.map((r) => r.key)).toEqual(["critical", "high", "medium", "low"]);
    const groups = groupByCheck(findingsOf(reports));
    expect(groups.map((g) => [g.checkId, g.count])).toEqual([
      ["s3.public", 27],
      ["s3.check-0", 1],
      ["s3.encryption", 27],
      ["s3.versioning", 27],
      ["s3.logging", 27],
    ]);
    const filtered = applyFilters(
      findingsOf(reports),
      parseFilters({ severity: "critical", region: "us-east-1", q: "bucket-1" }),
    );
    expect(new Set(filtered.map((f) => f.assetName))).toEqual(
      new Set(["bucket-1", "bucket-11", "bucket-13", "bucket-15", "bucket-17", "bucket-19"]),
    );
    expect(parseFilters({ severity: "nonsense" })).toEqual({});
    const csv = findingsCsv([
      { ...filtered[0], evidence: '=HYPERLINK("x"), "quoted"' } as (typeof filtered)[number],
    ]);
    expect(csv.split("\r\n")[0]).toContain("checkId");
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });

  it("trend: a score per scan from the assets' histories", () => {
    const trend = trendOf([
      {
        entries: [
          { scanId: "a", assessedAt: "2025-01-01T00:00:00Z", pass: 1, fail: 3 },
          { scanId: "b", assessedAt: "2025-01-02T00:00:00Z", pass: 3, fail: 1 },
        ],
      },
      { entries: [{ scanId: "a", assessedAt: "2025-01-01T00:01:00Z", pass: 0, fail: 0 }] },
    ]);
    expect(trend.map((t) => [t.scanId, t.score])).toEqual([
      ["a", 25],
      ["b", 75],
    ]);
  });
});

/** Two scans of two buckets whose results map to CIS and FSBP; the second fixes one bucket's encryption. */
async function withFrameworks() {
  const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
  const agent = await p.registeredAgent();
  const FIX = "aws s3api put-bucket-encryption --bucket <name> --server-side-encryption-configuration …";
  const report = (scanId: string, at: string, name: string, encrypted: boolean) =>
    createEvent(
      "vigil.scan.asset-assessed.v1",
      {
        scanId,
        assessedAt: at,
        asset: asset("eu-west-1", name),
        results: [
          {
            checkId: "vigil.s3.bucket-encrypted",
            status: encrypted ? "pass" : "fail",
            severity: "high",
            title: "S3 buckets should be encrypted at rest",
            ...(encrypted ? {} : { remediation: FIX }),
            frameworks: ["cis-aws-5.0:2.1.1", "aws-fsbp:S3.17"],
          },
          {
            checkId: "vigil.s3.bucket-ssl-requests-only",
            status: "pass",
            severity: "medium",
            title: "S3 buckets should require requests to use SSL",
            frameworks: ["cis-aws-5.0:2.1.2", "aws-fsbp:S3.5"],
          },
          {
            checkId: "vigil.s3.bucket-versioning",
            status: "fail",
            severity: "low",
            title: "S3 buckets should have versioning",
            frameworks: ["aws-fsbp:S3.14"],
          },
        ],
      },
      { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: agent.integrationId, time: at },
    );
  const send = async (events: unknown[]) =>
    expect((await p.signed(agent, "/agent/events", JSON.stringify({ events }))).status).toBe(202);
  await send([
    report("scan-1", "2025-03-01T10:00:00.000Z", "logs", false),
    report("scan-1", "2025-03-01T10:00:00.000Z", "data", false),
  ]);
  await send([
    report("scan-2", "2025-03-02T10:00:00.000Z", "logs", true),
    report("scan-2", "2025-03-02T10:00:00.000Z", "data", false),
  ]);
  return { p, agent, FIX };
}

describe("frameworks and remediation", () => {
  it("scores each framework from the results' requirement ids, with its trend per scan, and shows the fix", async () => {
    const { p, agent, FIX } = await withFrameworks();
    const reports = (
      (await (
        await p.app.request(`/api/integrations/${agent.integrationId}/reports`, { headers: admin })
      ).json()) as { reports: Parameters<typeof postureOf>[0] }
    ).reports;
    // Latest: logs encrypted (pass), data not; SSL passes on both; versioning (FSBP only) fails on both.
    expect(postureOf(reports).frameworks).toEqual([
      {
        id: "aws-fsbp",
        name: "AWS Foundational Security Best Practices",
        score: 50,
        pass: 3,
        fail: 3,
        failedRequirements: 2,
        requirements: 3,
      },
      {
        id: "cis-aws-5.0",
        name: "CIS AWS Foundations v5.0",
        score: 75,
        pass: 3,
        fail: 1,
        failedRequirements: 1,
        requirements: 2,
      },
    ]);
    const groups = groupByCheck(findingsOf(reports));
    expect(groups.find((g) => g.checkId === "vigil.s3.bucket-encrypted")?.remediation).toBe(FIX);
    expect(groups.find((g) => g.checkId === "vigil.s3.bucket-versioning")?.remediation).toBeUndefined();

    const page = await (await p.app.request("/dashboard", { headers: admin })).text();
    expect(page).toContain('id="framework-cis-aws-5.0"');
    expect(page).toContain("CIS AWS Foundations v5.0");
    expect(page).toContain("1 of 2 requirements failing");
    // Escaped like every value from an event.
    expect(page).toContain(`Fix: ${FIX.replace("<name>", "&lt;name&gt;")}`);
    // CIS went from 50 % (2 of 4) to 75 %: a line with two points.
    expect(page).toMatch(
      /<svg id="trend-cis-aws-5.0"[^>]*>[\s\S]*?<title>scan-1: 50%<\/title>[\s\S]*?<title>scan-2: 75%<\/title>/,
    );
    const integrationPage = await (
      await p.app.request(`/dashboard/integrations/${agent.integrationId}`, { headers: admin })
    ).text();
    expect(integrationPage).toContain('id="framework-aws-fsbp"');
    const csv = await (await p.app.request("/dashboard/findings.csv", { headers: admin })).text();
    expect(csv.split("\r\n")[0]?.endsWith(",evidence,remediation")).toBe(true);
    expect(csv).toContain(FIX);
  });

  it("a framework's trend counts only the entries that carry it", () => {
    const entry = (
      scanId: string,
      day: number,
      frameworks?: Record<string, { pass: number; fail: number }>,
    ) => ({
      scanId,
      assessedAt: `2025-01-0${day}T00:00:00Z`,
      pass: 5,
      fail: 5,
      ...(frameworks ? { frameworks } : {}),
    });
    const histories = [
      { entries: [entry("old", 1), entry("a", 2, { "cis-aws-5.0": { pass: 1, fail: 1 } })] },
      { entries: [entry("b", 3, { "cis-aws-5.0": { pass: 3, fail: 1 }, "aws-fsbp": { pass: 0, fail: 2 } })] },
    ];
    expect(trendOf(histories, 12, "cis-aws-5.0").map((t) => [t.scanId, t.score])).toEqual([
      ["a", 50],
      ["b", 75],
    ]);
    expect(trendOf(histories, 12, "aws-fsbp").map((t) => [t.scanId, t.score])).toEqual([["b", 0]]);
    expect(trendOf(histories).map((t) => t.scanId)).toEqual(["old", "a", "b"]);
  });
});

describe("dashboard pages", () => {
  it("the posture page: a score, charts, and 112 findings as 5 check groups, not 112 rows", async () => {
    const { p } = await seeded();
    const page = await (await p.app.request("/dashboard", { headers: admin })).text();
    expect(page).toContain('id="score"');
    expect(page).toContain('id="by-severity"');
    expect(page).toContain('id="by-service"');
    expect(page).toContain('id="by-region"');
    expect(page.match(/class="check-group"/g)).toHaveLength(5);
    expect(page).toContain('id="not-assessed"');
    expect(page).toContain("Object lock");
  });

  it("filters and exports follow the query; exports are attachments", async () => {
    const { p, agent } = await seeded();
    const page = await (await p.app.request("/dashboard?severity=low", { headers: admin })).text();
    expect(page.match(/class="check-group"/g)).toHaveLength(1);
    const csv = await p.app.request(
      `/dashboard/findings.csv?integration=${agent.integrationId}&severity=critical`,
      { headers: admin },
    );
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(1 + 28);
    const json = (await (
      await p.app.request("/dashboard/findings.json?service=ec2", { headers: admin })
    ).json()) as {
      findings: { assetType: string }[];
    };
    expect(json.findings).toHaveLength(8 * 4);
    expect(new Set(json.findings.map((f) => f.assetType))).toEqual(new Set(["aws.ec2.instance"]));
  });

  it("the asset page shows its checks and its history from the log", async () => {
    const { p, agent } = await seeded();
    const res = await p.app.request(
      `/dashboard/integrations/${agent.integrationId}/asset?arn=${encodeURIComponent("arn:aws:s3:::bucket-0")}`,
      { headers: admin },
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('id="asset-history"');
    expect(page).toContain("scan-1");
    expect(page).toContain("scan-2");
    const missing = await p.app.request(`/dashboard/integrations/${agent.integrationId}/asset?arn=nope`, {
      headers: admin,
    });
    expect(missing.status).toBe(404);
  });

  it("a browser gets a failure as a page saying it; the API and the exports get JSON", async () => {
    const { p, agent } = await seeded();
    const browser = { ...admin, accept: "text/html,application/xhtml+xml" };
    const path = `/dashboard/integrations/${agent.integrationId}/asset?arn=${encodeURIComponent("arn:<b>x</b>")}`;
    const page = await p.app.request(path, { headers: browser });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain("<h1>Not found</h1>");
    // The message, escaped: report and query text never becomes markup.
    expect(text).toContain("No report for asset arn:&lt;b&gt;x&lt;/b&gt; in integration");
    expect(text).toContain('<a href="/dashboard">Back to the dashboard</a>');
    const unknownRoute = await p.app.request("/dashboard/nowhere", { headers: browser });
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.text()).toContain("No route GET /dashboard/nowhere");

    for (const [url, headers] of [
      [path, admin],
      [`/api/integrations/nope`, browser],
      [`/dashboard/findings.csv?integration=nope`, browser],
    ] as const) {
      const res = await p.app.request(url, { headers });
      expect(res.headers.get("content-type"), url).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
    }
  });
});
