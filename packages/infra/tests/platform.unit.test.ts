import { describe, expect, it } from "vitest";
import type { Release } from "../src/build/release.ts";
import {
  type ChangeSetRequest,
  type DeployTarget,
  deployPlatform,
  PLATFORM_ARTIFACTS,
  platformTemplate,
  type SecretStore,
} from "../src/index.ts";

type Resource = { Type: string; Properties: Record<string, unknown>; Condition?: string };
const template = platformTemplate({ releaseVersion: "1.2.3" });
const resources = template.Resources as Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe("the platform stack template", () => {
  it("keeps its state in on-demand tables with point-in-time recovery and encryption", () => {
    const tables = ofType("AWS::DynamoDB::Table");
    expect(tables.map(([id]) => id).sort()).toEqual(["EventTable", "ProjectionTable", "ReplayTable"]);
    for (const [id, t] of tables) {
      expect(t.Properties.BillingMode, id).toBe("PAY_PER_REQUEST");
      expect(t.Properties.PointInTimeRecoverySpecification, id).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(t.Properties.SSESpecification, id).toEqual({ SSEEnabled: true });
    }
    expect(resources.ReplayTable?.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: "expiresAt",
      Enabled: true,
    });
  });

  it("serves the API from a Lambda function URL; ingest is bus → rule → queue (with a DLQ) → function", () => {
    expect(resources.ApiUrl?.Type).toBe("AWS::Lambda::Url");
    expect(resources.ApiUrl?.Properties.TargetFunctionArn).toEqual({ "Fn::GetAtt": ["ApiFunction", "Arn"] });
    expect(resources.ApiFunction?.Properties.Handler).toBe("index.handler");
    expect(resources.IngestFunction?.Properties.Handler).toBe("index.ingestHandler");
    const rule = resources.IngestRule?.Properties as { Targets: { Arn: unknown }[] };
    expect(rule.Targets).toEqual([
      // The whole envelope: the ingest checks its `account` (the sender) against the integration's.
      { Id: "ingest-queue", Arn: { "Fn::GetAtt": ["IngestQueue", "Arn"] } },
    ]);
    expect(resources.IngestQueue?.Properties.RedrivePolicy).toMatchObject({ maxReceiveCount: 5 });
    expect(resources.IngestEventSourceMapping?.Properties).toMatchObject({
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    // Only the organization (when given) may put events on the bus.
    expect(resources.EventBusPolicy?.Condition).toBe("HasOrganization");
  });

  it("keeps every secret out of the template and the functions' environment", () => {
    const text = JSON.stringify(template);
    expect(text).not.toContain("VIGIL_ADMIN_TOKEN");
    expect(Object.keys(template.Parameters ?? {})).not.toContain("AdminToken");
    const variables = (id: string) =>
      (resources[id]?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)
        ?.Variables ?? {};
    const env = variables("ApiFunction");
    expect(env.VIGIL_SECRETS_PARAMETER).toEqual({ Ref: "ProtectedSettingsParameter" });
    const ingestEnv = variables("IngestFunction");
    expect(ingestEnv.VIGIL_SECRETS_PARAMETER).toBeUndefined();
  });

  it("grants least privilege: no wildcard action or resource, the secret to the API only", () => {
    const statements = ofType("AWS::IAM::Role").flatMap(([id, role]) =>
      (
        role.Properties.Policies as {
          PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
        }[]
      ).flatMap((p) => p.PolicyDocument.Statement.map((s) => ({ id, ...s }))),
    );
    for (const s of statements) {
      for (const action of [s.Action].flat()) expect(action, s.id).not.toMatch(/\*/);
      expect(JSON.stringify(s.Resource), s.id).not.toBe('"*"');
    }
    const secretReaders = statements
      .filter((s) => [s.Action].flat().includes("ssm:GetParameter"))
      .map((s) => s.id);
    expect(secretReaders).toEqual(["ApiRole"]);
    const writers = statements.filter((s) => [s.Action].flat().includes("dynamodb:DeleteItem"));
    expect(writers).toEqual([]); // the log is append-only
  });
});

describe("vigil deploy platform", () => {
  const artifact = (name: string) => ({ name, data: Buffer.from(name) });
  const release = {
    version: "1.2.3",
    artifacts: [
      artifact("agent.zip"),
      artifact(PLATFORM_ARTIFACTS.zip),
      artifact(PLATFORM_ARTIFACTS.template),
    ],
  } as unknown as Release;

  function fakes(existing: boolean) {
    const calls: {
      uploads: string[];
      changeSets: ChangeSetRequest[];
      executed: string[];
      secrets: string[];
    } = {
      uploads: [],
      changeSets: [],
      executed: [],
      secrets: [],
    };
    const target: DeployTarget = {
      uploadArtifact: async (_b, key) => void calls.uploads.push(key),
      updateFunctionCode: async () => ({ codeSha256: "" }),
      publishToAlias: async () => ({ functionVersion: "1" }),
      createChangeSet: async (r) => {
        calls.changeSets.push(r);
        return { changeSetId: "cs-1", changes: [] };
      },
      executeChangeSet: async (id) => {
        calls.executed.push(id);
        return { stackStatus: "CREATE_COMPLETE" };
      },
      deleteChangeSet: async () => {},
    };
    const secrets: SecretStore = {
      ensureSecureString: async (name, value) => {
        if (existing) return "kept";
        calls.secrets.push(`${name}=${value()}`);
        return "created";
      },
    };
    return { calls, target, secrets };
  }

  const DEPLOY = {
    release,
    bucket: "rel",
    region: "eu-west-1",
    stackName: "vigil-platform",
    secretsParameter: "/vigil/platform/secrets",
    dryRun: false,
  };

  it("creates the secret once, uploads the platform's zip and template, and runs a change set", async () => {
    const { calls, target, secrets } = fakes(false);
    const tokens: string[] = [];
    const report = await deployPlatform({
      target,
      secrets,
      ...DEPLOY,
      onAdminToken: (t) => tokens.push(t),
    });
    expect(report.secret).toBe("created");
    expect(tokens).toHaveLength(1);
    expect(calls.secrets[0]).toContain(tokens[0]);
    expect(calls.uploads.sort()).toEqual([
      "releases/1.2.3/platform.zip",
      "releases/1.2.3/vigil-platform.template.json",
    ]);
    expect(calls.changeSets[0]).toMatchObject({
      templateUrl: "https://rel.s3.eu-west-1.amazonaws.com/releases/1.2.3/vigil-platform.template.json",
      parameters: { ProtectedSettingsParameter: "/vigil/platform/secrets", ArtifactPrefix: "releases/1.2.3" },
    });
    // The token is nowhere in what the deploy reports.
    expect(JSON.stringify(report)).not.toContain(tokens[0]);
    expect(calls.executed).toEqual(["cs-1"]);
  });

  it("says which upload AWS refused and what to do, as the agent's stack deploy does", async () => {
    const { target, secrets, calls } = fakes(true);
    target.uploadArtifact = async () => {
      throw Object.assign(new Error("The specified bucket does not exist"), { name: "NoSuchBucket" });
    };
    await expect(
      deployPlatform({
        target,
        secrets,
        ...DEPLOY,
      }),
    ).rejects.toThrow(
      /^uploading s3:\/\/rel\/releases\/1\.2\.3\/\S+ failed: NoSuchBucket: The specified bucket does not exist; create the bucket rel/,
    );
    expect(calls.changeSets).toEqual([]);
  });

  it("keeps an existing secret (no new admin token)", async () => {
    const { target, secrets } = fakes(true);
    const tokens: string[] = [];
    const report = await deployPlatform({
      target,
      secrets,
      ...DEPLOY,
      onAdminToken: (t) => tokens.push(t),
    });
    expect(report.secret).toBe("kept");
    expect(tokens).toEqual([]);
  });
});
