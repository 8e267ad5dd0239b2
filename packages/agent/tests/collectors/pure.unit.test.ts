import { arnSchema } from "@vigil/events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESOURCE_TYPES } from "../../src/assets/index.ts";
import { assignmentSelects } from "../../src/collectors/backup-assignments.ts";
import {
  type Asset,
  cisPatternsOf,
  eventArnOf,
  linkAssets,
  mergePages,
  parseCredentialReport,
  type TrailFacts,
  toCliJson,
} from "../../src/index.ts";
import { findingResourceOf, SETTINGS_TYPES } from "../../src/scan/asset-ref.ts";

const HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

describe("credential report", () => {
  it("reads users, root, and up to two keys; N/A and no_information are null", () => {
    const rows = parseCredentialReport(
      [
        HEADER,
        "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-05-30T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
        "bob,arn:aws:iam::111122223333:user/bob,2024-01-01T00:00:00+00:00,false,no_information,N/A,N/A,false,true,2024-01-01T00:00:00+00:00,N/A,N/A,N/A,false,2024-02-01T00:00:00+00:00,2024-03-01T00:00:00+00:00,us-east-1,s3,false,N/A,false,N/A",
      ].join("\n"),
    );
    expect(rows.get("<root_account>")).toMatchObject({
      mfaActive: true,
      accessKeys: [],
      passwordLastUsed: "2026-05-30T00:00:00.000Z",
    });
    expect(rows.get("bob")).toMatchObject({
      passwordEnabled: false,
      passwordLastUsed: null,
      accessKeys: [
        { active: true, lastRotated: "2024-01-01T00:00:00.000Z", lastUsedDate: null },
        { active: false, lastRotated: "2024-02-01T00:00:00.000Z", lastUsedDate: "2024-03-01T00:00:00.000Z" },
      ],
    });
  });
});

const CIS_UNAUTHORIZED = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
const CIS_TRAIL =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

describe("CIS metric filter patterns", () => {
  it("recognises the benchmark's patterns, whatever the spacing and quoting", () => {
    expect(cisPatternsOf(CIS_UNAUTHORIZED)).toEqual(["unauthorized-api-calls"]);
    expect(cisPatternsOf(CIS_TRAIL.replaceAll(" ", ""))).toEqual(["cloudtrail-configuration-changes"]);
  });
  it("rejects a pattern that watches only some of the required events", () => {
    expect(
      cisPatternsOf(
        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }",
      ),
    ).toEqual([]);
    // CreatePolicy must not be satisfied by CreatePolicyVersion alone.
    expect(
      cisPatternsOf(
        "{ ($.eventSource = organizations.amazonaws.com) && ($.eventName = CreatePolicyVersion) }",
      ),
    ).toEqual([]);
  });
});

const bucket = (name: string): Asset => ({
  arn: `arn:aws:s3:::${name}`,
  type: "aws.s3.bucket",
  region: "us-east-1",
  accountId: "111122223333",
  tags: {},
  config: {
    serverSideEncryption: null,
    publicAccessBlock: null,
    accountPublicAccessBlock: null,
    versioning: { status: "Enabled", mfaDelete: "Disabled" },
    policy: null,
    publicAclGrants: [],
    aclGrantsToOthers: 0,
    loggingEnabled: true,
    lifecycleRulesEnabled: 0,
    objectLevelLogging: null,
  },
});
const trail = (over: Partial<TrailFacts>): TrailFacts => ({
  arn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/t",
  homeRegion: "us-east-1",
  isMultiRegionTrail: true,
  isLogging: true,
  cloudWatchLogsLogGroupArn: null,
  s3DataEvents: [],
  managementEvents: { read: true, write: true },
  ...over,
});
const ol = (assets: Asset[], name: string) =>
  (assets.find((a) => a.arn === `arn:aws:s3:::${name}`) as Extract<Asset, { type: "aws.s3.bucket" }>).config
    .objectLevelLogging;

describe("linkAssets", () => {
  it("object-level logging from the trails' S3 data event selectors", () => {
    const assets = [bucket("a"), bucket("b")];
    const denied = {
      call: "cloudtrail:DescribeTrails",
      kind: "denied" as const,
      code: "AccessDenied",
      message: "",
    };
    const link = (trails: TrailFacts[] | undefined) =>
      linkAssets({
        accountId: "111122223333",
        regions: ["us-east-1"],
        assets,
        trails: [
          trails === undefined
            ? { region: "us-east-1", trails: [], unread: denied }
            : { region: "us-east-1", trails },
        ],
        monitoring: [],
      });
    // Trails that could not be listed are not "no trails": the bucket's logging is not decided.
    const unknown = link(undefined).find((a) => a.arn === "arn:aws:s3:::a");
    expect(unknown?.unread?.objectLevelLogging).toEqual(denied);
    expect(ol(link(undefined), "a")).toBeUndefined();
    expect(
      ol(link([trail({ s3DataEvents: [{ arnPrefixes: ["arn:aws:s3"], read: true, write: false }] })]), "b"),
    ).toEqual({ read: true, write: false });
    const one = link([
      trail({ s3DataEvents: [{ arnPrefixes: ["arn:aws:s3:::a/"], read: true, write: true }] }),
    ]);
    expect(ol(one, "a")).toEqual({ read: true, write: true });
    expect(ol(one, "b")).toEqual({ read: false, write: false });
    // A trail that is not logging records nothing; unreadable selectors decide nothing.
    expect(
      ol(
        link([
          trail({
            isLogging: false,
            s3DataEvents: [{ arnPrefixes: ["arn:aws:s3"], read: true, write: true }],
          }),
        ]),
        "a",
      ),
    ).toEqual({ read: false, write: false });
    expect(
      ol(
        link([
          trail({
            s3DataEvents: null,
            managementEvents: null,
            selectorsUnread: { ...denied, call: "cloudtrail:GetEventSelectors" },
          }),
        ]),
        "a",
      ),
    ).toBeUndefined();
  });

  it("CIS monitoring: filters on the multi-region trail's log group whose metric alarms to SNS", () => {
    const group = "arn:aws:logs:eu-west-1:111122223333:log-group:trail-logs:*";
    const link = (alarmed: string[]) =>
      linkAssets({
        accountId: "111122223333",
        regions: ["us-east-1", "eu-west-1"],
        assets: [],
        trails: [{ region: "us-east-1", trails: [trail({ cloudWatchLogsLogGroupArn: group })] }],
        monitoring: [
          {
            region: "eu-west-1",
            filters: [
              { logGroupName: "trail-logs", pattern: CIS_UNAUTHORIZED, metrics: ["CIS/Unauthorized"] },
            ],
            alarmedMetrics: alarmed,
          },
          {
            region: "us-east-1",
            filters: [{ logGroupName: "trail-logs", pattern: CIS_TRAIL, metrics: ["CIS/Trail"] }],
            alarmedMetrics: ["CIS/Trail"],
          },
        ],
      });
    const [asset] = link(["CIS/Unauthorized"]);
    expect(asset?.arn).toBe("111122223333/eu-west-1");
    const patterns = (asset as Extract<Asset, { type: "aws.logs.cis-monitoring" }>).config.patterns;
    expect(
      Object.entries(patterns)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).toEqual(["unauthorized-api-calls"]);
    const [unalarmed] = link([]);
    expect(
      Object.values((unalarmed as Extract<Asset, { type: "aws.logs.cis-monitoring" }>).config.patterns).some(
        Boolean,
      ),
    ).toBe(false);
  });
});

describe("snapshot JSON", () => {
  it("prints SDK answers as the AWS CLI does: no metadata or tokens, ISO dates, base64 blobs, decoded IAM documents", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    expect(
      toCliJson(
        {
          $metadata: { httpStatusCode: 200 },
          NextToken: "abc",
          IsTruncated: true,
          When: new Date("2024-01-01T00:00:00Z"),
          Content: new Uint8Array([104, 105]),
          PolicyVersion: { Document: encodeURIComponent(JSON.stringify(doc)) },
        },
        "iam",
      ),
    ).toEqual({
      IsTruncated: false,
      When: "2024-01-01T00:00:00.000Z",
      Content: "aGk=",
      PolicyVersion: { Document: doc },
    });
  });

  it("merging pages keeps every list item in order", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer()), { minLength: 1, maxLength: 6 }), (pages) => {
        const merged = mergePages(pages.map((Items, i) => ({ Items, Page: i })));
        expect(merged.Items).toEqual(pages.flat());
        expect(merged.Page).toBe(0);
      }),
    );
  });
});

describe("event ARNs", () => {
  it("keeps real ARNs and names account-wide settings and AWS managed policies by ARN", () => {
    const h = { accountId: "111122223333", region: "global" };
    expect(eventArnOf({ ...h, arn: "arn:aws:s3:::b", type: "aws.s3.bucket" })).toBe("arn:aws:s3:::b");
    expect(eventArnOf({ ...h, arn: "111122223333", type: "aws.iam.password-policy" })).toBe(
      "arn:aws:iam::111122223333:password-policy",
    );
    expect(
      eventArnOf({
        ...h,
        region: "eu-west-1",
        arn: "111122223333/eu-west-1",
        type: "aws.ec2.account-settings",
      }),
    ).toBe("arn:aws:ec2:eu-west-1:111122223333:account-settings");
    expect(
      eventArnOf({ ...h, arn: "arn:aws:iam::aws:policy/AdministratorAccess", type: "aws.iam.policy" }),
    ).toBe("arn:aws:iam::aws:policy/AdministratorAccess");
    expect(arnSchema.safeParse("arn:aws:iam::aws:policy/AdministratorAccess").success).toBe(true);
  });

  it("names every type of settings the way findings name them, there and back", () => {
    const settings = RESOURCE_TYPES.filter((t) => t.endsWith(".account-settings"));
    expect(settings.length).toBeGreaterThan(10);
    for (const type of settings) {
      expect(SETTINGS_TYPES.has(type), type).toBe(true);
      const header = { accountId: "111122223333", region: "eu-west-1", arn: "111122223333/eu-west-1", type };
      expect(findingResourceOf({ ...header, arn: eventArnOf(header) })).toBe("111122223333/eu-west-1");
    }
  });
});

describe("AWS Backup resource assignments", () => {
  const ARN = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0a1b2c3d";
  const base = { SelectionName: "s", IamRoleArn: "arn:aws:iam::111122223333:role/backup" };
  const selects = (selection: object, tags: Record<string, string> = {}) =>
    assignmentSelects({ ...base, ...selection }, ARN, tags);

  it("selects by ARN pattern, and an assignment that names nothing selects everything", () => {
    expect(selects({ Resources: ["arn:aws:elasticfilesystem:*:*:file-system/*"] })).toBe(true);
    expect(selects({ Resources: ["*"] })).toBe(true);
    expect(selects({})).toBe(true);
    expect(selects({ Resources: ["arn:aws:ec2:*:*:volume/*"] })).toBe(false);
    expect(selects({ Resources: ["arn:aws:elasticfilesystem:*:*:file-system/fs-0a1b2c3d"] })).toBe(true);
    // A pattern's dots are literal.
    expect(
      selects({ Resources: ["arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system.fs-0a1b2c3d"] }),
    ).toBe(false);
  });

  it("applies Conditions to Resources (AND), ListOfTags beside them (OR), NotResources last", () => {
    const conditions = {
      Resources: ["*"],
      Conditions: {
        StringEquals: [{ ConditionKey: "aws:ResourceTag/backup", ConditionValue: "daily" }],
        StringNotEquals: [{ ConditionKey: "aws:ResourceTag/env", ConditionValue: "dev" }],
        StringLike: [{ ConditionKey: "aws:ResourceTag/team", ConditionValue: "data-*" }],
        StringNotLike: [{ ConditionKey: "aws:ResourceTag/tier", ConditionValue: "scratch?" }],
      },
    };
    expect(selects(conditions, { backup: "daily", team: "data-lake" })).toBe(true);
    expect(selects(conditions, { backup: "daily", team: "data-lake", env: "dev" })).toBe(false);
    expect(selects(conditions, { backup: "daily", team: "web" })).toBe(false);
    expect(selects(conditions, { backup: "daily" })).toBe(false); // StringLike needs the tag
    expect(selects(conditions, { backup: "daily", team: "data-x", tier: "scratch1" })).toBe(false);
    const tags = {
      Resources: ["arn:aws:ec2:*:*:volume/*"],
      ListOfTags: [
        { ConditionType: "STRINGEQUALS" as const, ConditionKey: "backup", ConditionValue: "daily" },
      ],
    };
    expect(selects(tags, { backup: "daily" })).toBe(true);
    expect(selects(tags, { backup: "weekly" })).toBe(false);
    expect(selects({ ...tags, NotResources: [ARN] }, { backup: "daily" })).toBe(false);
  });
});
