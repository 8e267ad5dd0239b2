import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BotocoreModelsNotFoundError,
  botocoreVersionOf,
  INSTALL_BOTOCORE_COMMAND,
  inMemoryModels,
  loadBotocoreModels,
  locateBotocoreModels,
  MIN_BOTOCORE_VERSION,
  olderVersion,
  parseCsv,
  pythonBotocoreData,
  type ServiceDefinition,
  type SnapshotValidation,
  validateSnapshot,
  validateSnapshotFiles,
} from "../src/index.ts";

const FIXTURE = join(import.meta.dirname, "fixtures/snapshots/minimal");
const ACCOUNT = JSON.stringify({ accountId: "123456789012", regions: ["us-east-1", "eu-west-1"] });

const errors = (r: SnapshotValidation) =>
  r.issues.filter((i) => i.severity === "error").map((i) => `${i.file}: ${i.where}: ${i.message}`);
const warnings = (r: SnapshotValidation) =>
  r.issues.filter((i) => i.severity === "warning").map((i) => `${i.file}: ${i.where}: ${i.message}`);

/** A few shapes in botocore's format: enough to reach every branch of the checker. */
const IAM: ServiceDefinition = {
  operations: {
    ListUsers: { output: { shape: "ListUsersResponse" } },
    GetAccountSummary: { output: { shape: "GetAccountSummaryResponse" } },
    GetPolicyVersion: { output: { shape: "GetPolicyVersionResponse" } },
    GetCredentialReport: { output: { shape: "GetCredentialReportResponse" } },
    DeleteUser: {},
  },
  shapes: {
    ListUsersResponse: {
      type: "structure",
      required: ["Users"],
      members: { Users: { shape: "userListType" }, IsTruncated: { shape: "booleanType" } },
    },
    userListType: { type: "list", member: { shape: "User" } },
    User: {
      type: "structure",
      required: ["UserName", "CreateDate"],
      members: {
        UserName: { shape: "userNameType" },
        CreateDate: { shape: "dateType" },
        Size: { shape: "integerType" },
        Score: { shape: "doubleType" },
        Kind: { shape: "kindType" },
      },
    },
    userNameType: { type: "string" },
    dateType: { type: "timestamp" },
    integerType: { type: "integer" },
    doubleType: { type: "double" },
    booleanType: { type: "boolean" },
    kindType: { type: "string", enum: ["human", "robot"] },
    GetAccountSummaryResponse: { type: "structure", members: { SummaryMap: { shape: "summaryMapType" } } },
    summaryMapType: { type: "map", key: { shape: "kindType" }, value: { shape: "integerType" } },
    GetPolicyVersionResponse: { type: "structure", members: { Document: { shape: "policyDocumentType" } } },
    policyDocumentType: { type: "string" },
    GetCredentialReportResponse: {
      type: "structure",
      members: {
        Content: { shape: "ReportContentType" },
        ReportFormat: { shape: "ReportFormatType" },
        GeneratedTime: { shape: "dateType" },
      },
    },
    ReportContentType: { type: "blob" },
    ReportFormatType: { type: "string", enum: ["text/csv"] },
  },
};
const S3: ServiceDefinition = {
  operations: {
    GetBucketLocation: { output: { shape: "GetBucketLocationOutput" } },
    GetBucketPolicy: { output: { shape: "GetBucketPolicyOutput" } },
  },
  shapes: {
    GetBucketLocationOutput: {
      type: "structure",
      members: { LocationConstraint: { shape: "BucketLocationConstraint" } },
    },
    BucketLocationConstraint: { type: "string", enum: ["eu-west-1", "EU"] },
    GetBucketPolicyOutput: { type: "structure", members: { Policy: { shape: "Policy" } } },
    Policy: { type: "string" },
  },
};
const models = inMemoryModels({ iam: IAM, s3: S3 });

const GOOD_USER = { UserName: "alice", CreateDate: "2024-01-15T09:30:00+00:00" };
const HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
const ROOT_ROW =
  "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** A snapshot with account.json and the given files (values are JSON-encoded unless strings). */
function check(files: Record<string, unknown>, options: { strictEnums?: boolean } = {}) {
  const texts: Record<string, string> = { "account.json": ACCOUNT };
  for (const [k, v] of Object.entries(files)) texts[k] = typeof v === "string" ? v : JSON.stringify(v);
  return validateSnapshotFiles(texts, { models, ...options });
}

describe("the snapshot validator, on small models", () => {
  it("passes a snapshot that has the models' shapes", () => {
    const r = check({
      "global/iam/list-users.json": {
        Users: [{ ...GOOD_USER, Size: 3, Score: 0.5, Kind: "robot" }, GOOD_USER],
        IsTruncated: false,
      },
      "global/iam/get-account-summary.json": { SummaryMap: { human: 1, robot: 2 } },
      "global/iam/get-policy-version/p.json": { Document: { Version: "2012-10-17", Statement: [] } },
      "global/iam/delete-user/alice.json": {},
      "global/iam/get-credential-report.json": {
        Content: b64(`${HEADER}\n${ROOT_ROW}`),
        ReportFormat: "text/csv",
        GeneratedTime: "2026-06-01T00:00:00Z",
      },
      "global/s3api/get-bucket-location/a.json": { LocationConstraint: null },
      "global/s3api/get-bucket-location/b.json": { LocationConstraint: "EU" },
      "global/s3api/get-bucket-policy/b.json": { Policy: JSON.stringify({ Statement: [] }) },
      "us-east-1/iam/list-users.json": { Users: [] },
      "eu-west-1/iam/list-users.json": { Error: { Code: "AccessDenied", Message: "no" } },
    });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({ files: 10, errorFiles: 1, errors: 0, warnings: 0 });
  });

  it("fails a wrong member name, naming the member and the shape's members", () => {
    const r = check({ "global/iam/list-users.json": { Users: [{ ...GOOD_USER, Username: "x" }] } });
    expect(r.ok).toBe(false);
    expect(errors(r)).toEqual([
      "global/iam/list-users.json: $.Users[0]: unknown member 'Username' in User (members: CreateDate, Kind, Score, Size, UserName)",
    ]);
  });

  it("fails a wrong type, at every kind of shape", () => {
    const r = check({
      "global/iam/list-users.json": {
        Users: [{ ...GOOD_USER, Size: "3" }, { ...GOOD_USER, UserName: 7, Score: "0.5" }, "alice"],
        IsTruncated: "false",
      },
      "global/iam/get-account-summary.json": { SummaryMap: [] },
      "global/iam/get-policy-version/p.json": { Document: [1] },
      "global/iam/get-credential-report.json": { Content: 5 },
    });
    expect(errors(r)).toEqual([
      "global/iam/get-account-summary.json: $.SummaryMap: expected map (summaryMapType), got array",
      "global/iam/get-credential-report.json: $.Content: expected base64 string (ReportContentType), got integer",
      "global/iam/get-credential-report.json: $.Content: not base64 of UTF-8 text",
      "global/iam/list-users.json: $.Users[0].Size: expected integer (integerType), got string",
      "global/iam/list-users.json: $.Users[1].UserName: expected string (userNameType), got integer",
      "global/iam/list-users.json: $.Users[1].Score: expected double (doubleType), got string",
      "global/iam/list-users.json: $.Users[2]: expected structure (User), got string",
      "global/iam/list-users.json: $.IsTruncated: expected boolean (booleanType), got string",
      "global/iam/get-policy-version/p.json: $.Document: expected policy document object (policyDocumentType), got array",
    ]);
  });

  it("fails a number written with a fraction where the model has an integer", () => {
    const r = check({
      "global/iam/list-users.json": `{"Users": [{"UserName": "a", "CreateDate": "2024-01-01T00:00:00Z", "Size": 3.0, "Score": 3}]}`,
      "global/iam/get-account-summary.json": `{"SummaryMap": {"human": 1e3}}`,
    });
    expect(errors(r)).toEqual([
      "global/iam/get-account-summary.json: $.SummaryMap.human: expected integer (integerType), got float",
      "global/iam/list-users.json: $.Users[0].Size: expected integer (integerType), got float",
    ]);
  });

  it("fails a missing required member, at the top and nested", () => {
    const r = check({
      "global/iam/list-users.json": { IsTruncated: false },
      "us-east-1/iam/list-users.json": { Users: [{ UserName: "bob" }] },
    });
    expect(errors(r)).toEqual([
      "global/iam/list-users.json: $: required member 'Users' of ListUsersResponse missing",
      "us-east-1/iam/list-users.json: $.Users[0]: required member 'CreateDate' of User missing",
    ]);
  });

  it("fails nulls, bad timestamps and bad base64; null only where the CLI prints it", () => {
    const r = check({
      "global/iam/list-users.json": {
        Users: [
          { UserName: null, CreateDate: "2024-01-15 09:30:00" },
          { UserName: "a", CreateDate: 1705311000 },
        ],
      },
      "global/iam/get-credential-report.json": { Content: "QQ=" },
      "global/s3api/get-bucket-policy/b.json": { Policy: null },
    });
    expect(errors(r)).toEqual([
      "global/iam/get-credential-report.json: $.Content: blob is not valid base64",
      "global/iam/get-credential-report.json: $.Content: not base64 of UTF-8 text",
      "global/iam/list-users.json: $.Users[0].UserName: null where string (userNameType) expected",
      `global/iam/list-users.json: $.Users[0].CreateDate: timestamp must be an ISO-8601 string, got "2024-01-15 09:30:00"`,
      "global/iam/list-users.json: $.Users[1].CreateDate: timestamp must be an ISO-8601 string, got 1705311000",
      "global/s3api/get-bucket-policy/b.json: $.Policy: null where string (Policy) expected",
    ]);
  });

  it("warns on an enum value the model lacks, and fails it with strictEnums", () => {
    const files = {
      "global/iam/list-users.json": { Users: [{ ...GOOD_USER, Kind: "alien" }] },
      "global/iam/get-account-summary.json": { SummaryMap: { Aliens: 1 } },
    };
    const lax = check(files);
    expect(lax.ok).toBe(true);
    expect(warnings(lax)).toEqual([
      "global/iam/get-account-summary.json: $.SummaryMap<key Aliens>: 'Aliens' not in enum kindType of this model (newer value, or a typo)",
      "global/iam/list-users.json: $.Users[0].Kind: 'alien' not in enum kindType of this model (newer value, or a typo)",
    ]);
    const strict = check(files, { strictEnums: true });
    expect(strict.ok).toBe(false);
    expect(errors(strict)).toHaveLength(2);
  });

  it("checks AWS-error files and operations without output", () => {
    const r = check({
      "global/iam/list-users.json": { Error: { Code: "", Message: 3, Detail: "x" } },
      "us-east-1/iam/list-users.json": { Error: "denied" },
      "global/iam/delete-user/bob.json": { Deleted: true },
    });
    expect(errors(r)).toEqual([
      "global/iam/list-users.json: $.Error.Code: must be a non-empty string",
      "global/iam/list-users.json: $.Error.Message: must be a non-empty string",
      "global/iam/delete-user/bob.json: $: DeleteUser has no output; expected {}",
      "us-east-1/iam/list-users.json: $.Error: must be an object with Code and Message",
    ]);
    expect(warnings(r)).toEqual([
      "global/iam/list-users.json: $.Error.Detail: unexpected key in error object",
    ]);
    expect(r).toMatchObject({ files: 3, errorFiles: 2 });
  });

  it("checks the layout: file names, depth, scope, service and command", () => {
    const r = check({
      "notes.txt": "x",
      "README.json": {},
      "global/iam/list-users/alice/extra.json": {},
      "ap-south-9/iam/list-users.json": { Users: [] },
      "global/lambda/list-functions.json": {},
      "global/iam/list-nothing.json": {},
      "global/iam/list-users.json": "{bad",
    });
    expect(errors(r)).toEqual([
      "README.json: $: path must be <scope>/<cli-service>/<cli-command>.json or <scope>/<cli-service>/<cli-command>/<resource>.json",
      "notes.txt: $: unexpected non-JSON file in snapshot",
      "ap-south-9/iam/list-users.json: $: scope 'ap-south-9' is neither 'global' nor a region in account.json",
      "global/iam/list-nothing.json: $: CLI command 'list-nothing' matches 0 operations of iam 2000-01-01",
      "global/iam/list-users.json: $: invalid JSON: expected a property name in double quotes at line 1 column 2 (char 1)",
      "global/iam/list-users/alice/extra.json: $: path must be <scope>/<cli-service>/<cli-command>.json or <scope>/<cli-service>/<cli-command>/<resource>.json",
      "global/lambda/list-functions.json: $: no botocore model for CLI service 'lambda' (model 'lambda')",
    ]);
  });

  it("checks account.json", () => {
    const bad = validateSnapshotFiles(
      { "account.json": JSON.stringify({ accountId: 123456789012, regions: [], owner: "x" }) },
      { models },
    );
    expect(errors(bad)).toEqual([
      "account.json: $.owner: unknown key",
      "account.json: $.accountId: must be a 12-digit string",
      "account.json: $.regions: must be a non-empty list of region names",
    ]);
    expect(errors(validateSnapshotFiles({}, { models }))).toEqual(["account.json: $: missing account.json"]);
    expect(errors(validateSnapshotFiles({ "account.json": "[]" }, { models }))).toEqual([
      "account.json: $: not valid JSON object: not an object",
    ]);
  });

  it("checks the credential report's CSV and the bucket policy's JSON", () => {
    const r = check({
      "global/iam/get-credential-report.json": {
        Content: b64(
          `${HEADER}\n${ROOT_ROW}\n${ROOT_ROW.replace("2020-01-01T00:00:00+00:00", "yesterday")}\na,b`,
        ),
        ReportFormat: "text/plain",
      },
      "us-east-1/iam/get-credential-report.json": { Content: b64(HEADER.replace("user,", "User,")) },
      "global/s3api/get-bucket-policy/a.json": { Policy: "{" },
      "global/s3api/get-bucket-policy/b.json": { Policy: JSON.stringify({ Version: "2012-10-17" }) },
    });
    expect(errors(r)).toEqual([
      `global/iam/get-credential-report.json: $.Content: CSV line 3 user_creation_time: bad date "yesterday"`,
      "global/iam/get-credential-report.json: $.Content: CSV line 4 has 2 fields, expected 22",
      "global/iam/get-credential-report.json: $.ReportFormat: expected text/csv",
      "global/s3api/get-bucket-policy/a.json: $.Policy: policy string is not JSON: expected a property name in double quotes at line 1 column 2 (char 1)",
      "global/s3api/get-bucket-policy/b.json: $.Policy: policy JSON has no Statement",
      "us-east-1/iam/get-credential-report.json: $.Content: CSV header differs from AWS's credential report header",
    ]);
    // A warning, not an error: text/plain is outside the model's enum as well.
    expect(warnings(r)).toHaveLength(1);
  });

  it("reads CSV as Python's csv module does", () => {
    expect(parseCsv('a,"b,c"\n\n"x""y"z,\r\nlast')).toEqual([["a", "b,c"], [], ['x"yz', ""], ["last"]]);
    expect(parseCsv('a,"open\nstill')).toEqual([["a", "open\nstill"]]);
    expect(() => parseCsv("a\rb\n")).toThrow(/new-line character seen in unquoted field/);
  });
});

describe("the snapshot validator, on AWS's models (botocore, as moto brings it)", () => {
  // Throws, saying what to run, when the models are not there: never skipped.
  const real = loadBotocoreModels(locateBotocoreModels());
  const fixtureFiles = () => {
    const files = new Map<string, string>();
    for (const e of readdirSync(FIXTURE, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      files.set(relative(FIXTURE, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
    return files;
  };
  const edit = (path: string, change: (data: Record<string, unknown>) => void) => {
    const files = fixtureFiles();
    const data = JSON.parse(files.get(path) as string);
    change(data);
    files.set(path, JSON.stringify(data));
    return validateSnapshotFiles(files, { models: real });
  };
  const users = (d: Record<string, unknown>) => d.Users as Record<string, unknown>[];

  it("passes the hand-written fixture, read from disk and from memory", () => {
    const onDisk = validateSnapshot(FIXTURE, { models: real });
    expect(onDisk.issues).toEqual([]);
    expect(onDisk).toMatchObject({ ok: true, files: 14, errorFiles: 2 });
    expect(validateSnapshotFiles(fixtureFiles(), { models: real }).issues).toEqual([]);
  });

  it("fails a wrong member name", () => {
    const r = edit("global/iam/list-users.json", (d) => {
      const alice = users(d)[0] as Record<string, unknown>;
      alice.Username = alice.UserName;
      delete alice.UserName;
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(
        /^global\/iam\/list-users\.json: \$\.Users\[0\]: unknown member 'Username' in User \(/,
      ),
      "global/iam/list-users.json: $.Users[0]: required member 'UserName' of User missing",
    ]);
  });

  it("fails a wrong type", () => {
    const r = edit("eu-west-1/ec2/describe-security-groups.json", (d) => {
      const group = (d.SecurityGroups as { IpPermissions: Record<string, unknown>[] }[])[0];
      (group?.IpPermissions[0] as Record<string, unknown>).FromPort = "22";
    });
    expect(errors(r)).toEqual([
      "eu-west-1/ec2/describe-security-groups.json: $.SecurityGroups[0].IpPermissions[0].FromPort: expected integer (Integer), got string",
    ]);
    const t = edit("us-east-1/cloudtrail/get-trail-status/main.json", (d) => {
      d.IsLogging = "true";
      d.LatestDeliveryTime = "yesterday";
    });
    expect(errors(t)).toEqual([
      "us-east-1/cloudtrail/get-trail-status/main.json: $.IsLogging: expected boolean (Boolean), got string",
      `us-east-1/cloudtrail/get-trail-status/main.json: $.LatestDeliveryTime: timestamp must be an ISO-8601 string, got "yesterday"`,
    ]);
  });

  it("fails a missing required member", () => {
    const r = edit("global/iam/list-users.json", (d) => {
      delete (users(d)[1] as Record<string, unknown>).Arn;
    });
    expect(errors(r)).toEqual([
      "global/iam/list-users.json: $.Users[1]: required member 'Arn' of User missing",
    ]);
    const top = edit("global/iam/list-users.json", (d) => {
      delete d.Users;
    });
    expect(errors(top)).toEqual([
      "global/iam/list-users.json: $: required member 'Users' of ListUsersResponse missing",
    ]);
  });

  it("maps the CLI's service names to the models' (s3api is s3)", () => {
    const r = edit("global/s3api/list-buckets.json", (d) => {
      d.Bucket = [];
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(
        /^global\/s3api\/list-buckets\.json: \$: unknown member 'Bucket' in ListBucketsOutput/,
      ),
    ]);
  });
});

describe("finding the models", () => {
  const empty = mkdtempSync(join(tmpdir(), "vigil-no-models-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));
  const none = () => undefined;
  /** A botocore package directory at `version` with a data directory holding an `iam` model. */
  const botocoreAt = (version: string): string => {
    const pkg = join(empty, `botocore-${version}`);
    mkdirSync(join(pkg, "data/iam/2010-05-08"), { recursive: true });
    writeFileSync(join(pkg, "__init__.py"), `import logging\n__version__ = '${version}'\n`);
    return join(pkg, "data");
  };

  it("uses --models, else BOTOCORE_DATA, else the botocore Python imports", () => {
    const current = botocoreAt("1.43.11");
    const other = botocoreAt("1.36.0");
    expect(locateBotocoreModels(current, { BOTOCORE_DATA: other }, () => other)).toBe(current);
    expect(locateBotocoreModels(undefined, { BOTOCORE_DATA: other }, () => current)).toBe(other);
    expect(locateBotocoreModels(undefined, {}, () => current)).toBe(current);
    const data = join(empty, "data");
    expect(() => locateBotocoreModels(undefined, { BOTOCORE_DATA: data }, none)).toThrow(
      BotocoreModelsNotFoundError,
    );
    expect(() => locateBotocoreModels(undefined, { BOTOCORE_DATA: data }, none)).toThrow(
      `BOTOCORE_DATA=${data} holds no botocore models`,
    );
  });

  it("refuses models older than the API the simulated account answers with (Debian's 1.29)", () => {
    const debian = botocoreAt("1.29.27");
    expect(olderVersion("1.29.27", MIN_BOTOCORE_VERSION)).toBe(true);
    expect(olderVersion("1.36.0", MIN_BOTOCORE_VERSION)).toBe(false);
    expect(olderVersion("1.100.0", MIN_BOTOCORE_VERSION)).toBe(false);
    expect(() => locateBotocoreModels(undefined, { BOTOCORE_DATA: debian }, none)).toThrow(
      `holds botocore 1.29.27's models, older than the API the simulated account answers with`,
    );
    expect(() => locateBotocoreModels(undefined, {}, () => debian)).toThrow(INSTALL_BOTOCORE_COMMAND);
  });

  it("says exactly what to run when there are none", () => {
    let message = "";
    try {
      locateBotocoreModels(undefined, {}, none);
    } catch (e) {
      expect(e).toBeInstanceOf(BotocoreModelsNotFoundError);
      message = (e as Error).message;
    }
    expect(INSTALL_BOTOCORE_COMMAND).toBe(
      `pip install 'moto[server]>=5.2,<6' 'botocore>=${MIN_BOTOCORE_VERSION}'`,
    );
    expect(message).toContain("python3 cannot import botocore");
    expect(message).toContain(INSTALL_BOTOCORE_COMMAND);
    expect(() => validateSnapshot(FIXTURE, { models: join(empty, "nope") })).toThrow(
      INSTALL_BOTOCORE_COMMAND,
    );
  });

  it("finds the botocore this machine's Python imports, and it is current", () => {
    const dir = pythonBotocoreData();
    expect(dir, `python3 cannot import botocore: ${INSTALL_BOTOCORE_COMMAND}`).toBeDefined();
    const version = botocoreVersionOf(dir as string);
    expect(version).toMatch(/^1\.\d+\.\d+$/);
    expect(olderVersion(version as string, MIN_BOTOCORE_VERSION)).toBe(false);
  });
});
