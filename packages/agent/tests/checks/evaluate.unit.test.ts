import { describe, expect, it } from "vitest";
import type { Asset } from "../../src/assets/index.ts";
import { dbInstance, ec2Instance, NOW, securityGroup } from "../../src/checks/_cases/aws.ts";
import {
  type AnyCheck,
  CATALOGUE,
  CheckSelectionError,
  defineCheck,
  evaluate,
  type Mute,
  muteSchema,
  pass,
} from "../../src/checks/index.ts";

const IMDS = "vigil.ec2.instance-imdsv2-required";
const PUBLIC_IP = "vigil.ec2.instance-no-public-ip";

/** An instance failing IMDSv2 and public-IP, passing the instance-role check. */
const web = ec2Instance({
  InstanceId: "i-0aaa",
  State: { Name: "running" },
  MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" },
  PublicIpAddress: "198.51.100.7",
  IamInstanceProfile: { Arn: "arn:aws:iam::123456789012:instance-profile/web" },
  Tags: [
    { Key: "Name", Value: "web" },
    { Key: "env", Value: "sandbox" },
  ],
});
const db = ec2Instance({
  InstanceId: "i-0bbb",
  State: { Name: "running" },
  MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" },
  Tags: [{ Key: "env", Value: "prod" }],
});

const mute = (over: Partial<Mute> & Pick<Mute, "match">): Mute =>
  muteSchema.parse({
    id: "m-1",
    owner: "alice@example.com",
    reason: "legacy app, migration tracked in SEC-42",
    expiresAt: "2025-07-01T00:00:00Z",
    ...over,
  });

function statusOf(report: ReturnType<typeof evaluate>, arn: string, checkId: string) {
  return report.reports.find((r) => r.asset.arn === arn)?.results.find((r) => r.checkId === checkId)?.status;
}

describe("evaluate", () => {
  it("reports each asset with only the checks of its type, and counts the results", () => {
    const report = evaluate([web, securityGroup({ GroupId: "sg-1", GroupName: "web", IpPermissions: [] })], {
      now: NOW,
    });
    const [instanceReport, sgReport] = report.reports;
    expect(instanceReport?.asset).toEqual({
      arn: web.arn,
      type: "aws.ec2.instance",
      region: "us-east-1",
      accountId: "123456789012",
      name: "web",
      tags: { Name: "web", env: "sandbox" },
    });
    expect(instanceReport?.asset).not.toHaveProperty("config");
    expect(instanceReport?.results.map((r) => [r.checkId, r.status])).toEqual([
      [IMDS, "fail"],
      [PUBLIC_IP, "fail"],
      ["vigil.ec2.instance-single-eni", "pass"],
      ["vigil.ec2.instance-uses-iam-role", "pass"],
      ["vigil.ec2.stopped-instance-removed", "pass"],
    ]);
    expect(sgReport?.results.every((r) => r.checkId.startsWith("vigil.ec2.security-group"))).toBe(true);
    const s = report.summary;
    expect(s.assets).toBe(2);
    expect(s.evaluations).toBe(s.pass + s.fail + s.muted + s.error);
    expect(s.fail).toBe(2);
    expect(s.failBySeverity.high).toBe(2);
  });

  describe("mutes", () => {
    it("an active mute matched by ARN turns that failure into muted, and nothing else", () => {
      const report = evaluate([web, db], {
        now: NOW,
        mutes: [mute({ match: { checkId: IMDS, arn: web.arn } })],
      });
      expect(statusOf(report, web.arn, IMDS)).toBe("muted");
      expect(report.reports[0]?.results.find((r) => r.checkId === IMDS)?.muteId).toBe("m-1");
      expect(statusOf(report, web.arn, PUBLIC_IP)).toBe("fail");
      expect(statusOf(report, db.arn, IMDS)).toBe("fail");
      expect(report.summary.muted).toBe(1);
    });

    it("a mute matched by tag applies to every asset carrying it", () => {
      const mutes = [mute({ match: { checkId: "*", tag: { key: "env", value: "sandbox" } } })];
      const report = evaluate([web, db], { now: NOW, mutes });
      expect(statusOf(report, web.arn, IMDS)).toBe("muted");
      expect(statusOf(report, web.arn, PUBLIC_IP)).toBe("muted");
      expect(statusOf(report, db.arn, IMDS)).toBe("fail");
    });

    it("an expired mute stops muting, exactly at its expiry", () => {
      const mutes = [mute({ expiresAt: "2025-06-01T00:00:00Z", match: { checkId: IMDS, arn: web.arn } })];
      expect(statusOf(evaluate([web], { now: "2025-05-31T23:59:59Z", mutes }), web.arn, IMDS)).toBe("muted");
      expect(statusOf(evaluate([web], { now: "2025-06-01T00:00:00Z", mutes }), web.arn, IMDS)).toBe("fail");
    });

    it("never mutes a pass", () => {
      const mutes = [mute({ match: { checkId: "*", arn: web.arn } })];
      expect(
        statusOf(evaluate([web], { now: NOW, mutes }), web.arn, "vigil.ec2.instance-uses-iam-role"),
      ).toBe("pass");
    });

    it("rejects a mute that would match every asset, or has no owner/expiry", () => {
      expect(
        muteSchema.safeParse({ id: "x", owner: "a", reason: "b", expiresAt: NOW, match: { checkId: IMDS } })
          .success,
      ).toBe(false);
      expect(
        muteSchema.safeParse({ id: "x", reason: "b", match: { checkId: IMDS, arn: web.arn } }).success,
      ).toBe(false);
    });
  });

  describe("enabling and disabling", () => {
    it("runs only the checks of the selected policies", () => {
      const report = evaluate([web], { now: NOW, selection: { policies: ["cis-aws-5.0"] } });
      expect(report.reports[0]?.results.map((r) => r.checkId)).toEqual([
        IMDS,
        "vigil.ec2.instance-uses-iam-role",
      ]);
    });

    it("adds enabled checks and removes disabled ones (disabling wins)", () => {
      const report = evaluate([web], {
        now: NOW,
        selection: {
          policies: ["cis-aws-5.0"],
          enabledChecks: [PUBLIC_IP],
          disabledChecks: [IMDS, PUBLIC_IP],
        },
      });
      expect(report.reports[0]?.results.map((r) => r.checkId)).toEqual(["vigil.ec2.instance-uses-iam-role"]);
    });

    it("refuses unknown policy and check ids with a typed, actionable error", () => {
      expect(() => evaluate([web], { now: NOW, selection: { policies: ["cis-aws-4.0"] } })).toThrow(
        CheckSelectionError,
      );
      expect(() => evaluate([web], { now: NOW, selection: { disabledChecks: ["vigil.ec2.nope"] } })).toThrow(
        /Check "vigil.ec2.nope" does not exist; use one of: vigil\./,
      );
    });

    it("refuses an invalid time instead of silently never expiring mutes", () => {
      expect(() => evaluate([web], { now: "yesterday" })).toThrow(/"now" must be a valid time/);
    });
  });

  describe("error isolation", () => {
    const boom = defineCheck({
      ...CATALOGUE[0],
      id: "vigil.ec2.explodes",
      resourceType: "aws.ec2.instance",
      evaluate: (asset) => {
        if (asset.config.instanceId === "i-0aaa") throw new Error("unexpected shape");
        return pass("fine");
      },
    } as AnyCheck) as AnyCheck;
    const catalogue = [boom, ...CATALOGUE];

    it("turns a throwing check into an error result and keeps evaluating", () => {
      const report = evaluate([web, db], { now: NOW, catalogue });
      const webResults = report.reports[0]?.results ?? [];
      expect(webResults[0]).toMatchObject({
        checkId: "vigil.ec2.explodes",
        status: "error",
        evidence: "check failed to run: unexpected shape",
      });
      expect(webResults.slice(1).map((r) => r.status)).toEqual(["fail", "fail", "pass", "pass", "pass"]);
      expect(statusOf(report, db.arn, "vigil.ec2.explodes")).toBe("pass");
      expect(report.summary.error).toBe(1);
    });

    it("does not let a mute hide an error", () => {
      const mutes = [mute({ match: { checkId: "*", arn: web.arn } })];
      expect(statusOf(evaluate([web], { now: NOW, catalogue, mutes }), web.arn, "vigil.ec2.explodes")).toBe(
        "error",
      );
    });
  });

  it("keeps each asset's own evidence when the same check passes with different reasons", () => {
    const rds = (id: string, BackupRetentionPeriod: number) =>
      dbInstance({
        DBInstanceIdentifier: id,
        DBInstanceArn: `arn:aws:rds:us-east-1:123456789012:db:${id}`,
        Engine: "postgres",
        EngineVersion: "16.3",
        BackupRetentionPeriod,
      });
    const report = evaluate([rds("a", 7), rds("b", 14), rds("c", 0), rds("d", 1)], {
      now: NOW,
      selection: { policies: [], enabledChecks: ["vigil.rds.instance-backups-enabled"] },
    });
    expect(report.reports.map((r) => r.results[0]?.evidence)).toEqual([
      "backups are kept 7 days",
      "backups are kept 14 days",
      "automated backups are disabled (BackupRetentionPeriod 0)",
      "backups are kept 1 days, fewer than 7",
    ]);
  });

  it("skips assets of a type no selected check covers, but still reports them", () => {
    const vpcOnly: Asset = {
      arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1",
      type: "aws.ec2.vpc",
      region: "us-east-1",
      accountId: "123456789012",
      tags: {},
      config: { vpcId: "vpc-1", isDefault: false, flowLogs: [], endpoints: [] },
    };
    const report = evaluate([vpcOnly], { now: NOW, selection: { policies: [], enabledChecks: [IMDS] } });
    expect(report.reports).toHaveLength(1);
    expect(report.reports[0]?.results).toEqual([]);
    expect(report.summary.evaluations).toBe(0);
  });
});

describe("a finding that could not be assessed", () => {
  const unreadWeb = (reason: { kind: "denied" | "throttled" | "failed"; code: string; message: string }) =>
    ({ ...web, unread: { metadataOptions: { call: "ec2:DescribeInstances", ...reason } } }) as Asset;
  const evidenceOf = (asset: Asset) =>
    evaluate([asset], { now: NOW }).reports[0]?.results.find((r) => r.checkId === IMDS);

  it("names the call and why: the code, and for a call that failed otherwise, the first line of its message", () => {
    const failed = evidenceOf(
      unreadWeb({
        kind: "failed",
        code: "TypeError",
        message: "Invalid RFC-3339 date-time value\n  Deserialization error: to see the raw response…",
      }),
    );
    expect(failed?.status).toBe("error");
    expect(failed?.evidence).toBe(
      "could not be assessed: ec2:DescribeInstances failed (TypeError: Invalid RFC-3339 date-time value)",
    );
    const denied = evidenceOf(
      unreadWeb({ kind: "denied", code: "UnauthorizedOperation", message: "You are not authorized" }),
    );
    expect(denied?.evidence).toBe(
      "could not be assessed: ec2:DescribeInstances denied (UnauthorizedOperation)",
    );
    const long = evidenceOf(unreadWeb({ kind: "failed", code: "InternalError", message: "x".repeat(500) }));
    expect(long?.evidence).toBe(
      `could not be assessed: ec2:DescribeInstances failed (InternalError: ${"x".repeat(159)}…)`,
    );
    const bare = evidenceOf(unreadWeb({ kind: "failed", code: "NotRead", message: "" }));
    expect(bare?.evidence).toBe("could not be assessed: ec2:DescribeInstances failed (NotRead)");
  });

  it("keeps a check's own error within the event contract's 1,024 characters", () => {
    const noisy = defineCheck({
      ...CATALOGUE[0],
      id: "vigil.ec2.noisy",
      resourceType: "aws.ec2.instance",
      evaluate: () => {
        throw new Error("x".repeat(5000));
      },
    } as AnyCheck) as AnyCheck;
    const report = evaluate([web], { now: NOW, catalogue: [noisy, ...CATALOGUE] });
    const result = report.reports[0]?.results.find((r) => r.checkId === "vigil.ec2.noisy");
    expect(result?.status).toBe("error");
    expect(result?.evidence?.length).toBe(1024);
    expect(result?.evidence).toMatch(/^check failed to run: x+…$/);
  });
});
