import {
  builtInPolicies,
  CATALOGUE,
  createAwsClients,
  EBS_CALLS,
  OPTIONAL_ENV,
  REQUIRED_ENV,
  runScan,
  SCAN_SHARD_KINDS,
  scannerGroupName,
} from "@vigil/agent";
import {
  agentEnvironment,
  DEFAULT_COST_INPUTS,
  discoveryActions,
  ebsScanningTemplate,
  POLICY_IDS,
  permissionSet,
  rootParameters,
} from "@vigil/infra";
import { createSimulatedAccount, generateAccount } from "@vigil/testkit";
import { describe, expect, it } from "vitest";

/** What the template hands the agent and what the agent reads must be the same names. */
describe("the template and the agent agree", () => {
  it("on the policy ids the Policies parameter accepts", () => {
    expect([...POLICY_IDS].sort()).toEqual(
      builtInPolicies(CATALOGUE)
        .map((p) => p.id)
        .sort(),
    );
    const pattern = new RegExp(rootParameters.Policies?.AllowedPattern ?? "^$");
    expect(pattern.test("vigil-default,cis-aws-5.0,aws-fsbp")).toBe(true);
    expect(pattern.test("cis-aws-5x0")).toBe(false);
    expect(pattern.test("vigil-default,pci")).toBe(false);
  });

  it("on the agent's environment variables (AWS_REGION is Lambda's own)", () => {
    const contract = [...REQUIRED_ENV, ...OPTIONAL_ENV].filter((name) => name !== "AWS_REGION");
    const given = Object.keys(agentEnvironment());
    // VIGIL_DEAD_LETTER_QUEUE_URL defaults to the DLQ beside the job queue, VIGIL_SCANNER_GROUP to the
    // nested stack's group name: the template need not set them.
    expect(contract.filter((name) => !given.includes(name))).toEqual([
      "VIGIL_DEAD_LETTER_QUEUE_URL",
      "VIGIL_SCANNER_GROUP",
    ]);
    expect(given.filter((name) => !(contract as string[]).includes(name))).toEqual([]);
  });

  it("on the checks DisabledChecks may name: every check id fits its pattern", () => {
    const pattern = new RegExp(rootParameters.DisabledChecks?.AllowedPattern ?? "^$");
    expect(pattern.test(CATALOGUE.map((c) => c.id).join(","))).toBe(true);
    expect(pattern.test("vigil.ec2.instance-no-public-ip, spaces")).toBe(false);
  });
});

/** The IAM action behind an SDK call, where it is not `<service>:<Operation>`. */
const IAM_ACTION: Record<string, string> = {
  "s3:ListBuckets": "s3:ListAllMyBuckets",
  "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
  "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
  "s3control:GetPublicAccessBlock": "s3:GetAccountPublicAccessBlock",
  "s3control:ListAccessPoints": "s3:ListAccessPoints",
  "s3control:GetAccessPoint": "s3:GetAccessPoint",
  "s3control:ListMultiRegionAccessPoints": "s3:ListMultiRegionAccessPoints",
  "accessanalyzer:ListAnalyzers": "access-analyzer:ListAnalyzers",
  "s3:GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration",
  "s3:ListDirectoryBuckets": "s3express:ListAllMyDirectoryBuckets",
};

describe("EBS scanning: the template and the agent agree", () => {
  it("on the scanner group's name", () => {
    const group = ebsScanningTemplate().Resources.ScannerGroup?.Properties as {
      AutoScalingGroupName: { "Fn::Sub": string };
    };
    expect(group.AutoScalingGroupName["Fn::Sub"].replace(/\$\{IntegrationId\}/, "int-1")).toBe(
      scannerGroupName("int-1"),
    );
  });

  it("on the calls an EBS scan makes: the permission set allows each", () => {
    const allowed = new Set(
      permissionSet().flatMap((p) =>
        p.document.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action),
      ),
    );
    expect(EBS_CALLS.filter((call) => !allowed.has(call))).toEqual([]);
  });
});
/** The IAM prefix of an SDK client whose actions are not authorised under its own name. */
const IAM_PREFIX: Record<string, string> = {
  efs: "elasticfilesystem",
  elb: "elasticloadbalancing",
  elbv2: "elasticloadbalancing",
  opensearch: "es",
  sfn: "states",
  networkfirewall: "network-firewall",
  applicationautoscaling: "application-autoscaling",
};

function iamActionOf(call: string): string {
  const mapped = IAM_ACTION[call];
  if (mapped !== undefined) return mapped;
  const [service = "", operation = ""] = call.split(":");
  // API Gateway's management API is authorised per HTTP method: every read is apigateway:GET.
  if ((service === "apigateway" || service === "apigatewayv2") && operation.startsWith("Get"))
    return "apigateway:GET";
  return `${IAM_PREFIX[service] ?? service}:${operation}`;
}

describe("the agent's permission set", () => {
  it("allows every call a scan makes, and nothing it does not make but the teardown's", async () => {
    const model = generateAccount({
      seed: 11,
      regionCount: 2,
      assetsPerRegion: 3,
      misconfigurationRate: 0.5,
    });
    const account = createSimulatedAccount(model, { throttling: false });
    const made = new Set<string>();
    const clients = createAwsClients({
      requestHandler: account.requestHandler,
      credentials: { accessKeyId: "AKIAWIRINGTEST000000", secretAccessKey: "x" },
      call: (family, fn) => {
        made.add(`${family.service}:${family.operation}`);
        return fn();
      },
    });
    try {
      await runScan({ clients, now: "2026-06-01T00:00:00Z" });
    } finally {
      clients.destroy();
    }
    const allowed = new Set(discoveryActions());
    const actions = [...new Set([...made].map(iamActionOf))];
    expect(actions.filter((a) => !allowed.has(a))).toEqual([]);
    // No action listed that a scan never makes: only the teardown's reads, and calls made only
    // when there is something to ask (an EKS cluster, no credential report).
    const unused = [...allowed].filter((a) => !actions.includes(a));
    const conditional = new Set([
      "ec2:DescribeLaunchTemplates",
      "autoscaling:DescribeAutoScalingGroups",
      "s3:GetBucketPolicyStatus",
      "eks:DescribeCluster",
      "iam:GetAccessKeyLastUsed",
      // A directory bucket's lifecycle: the same SDK call as a general purpose bucket's, authorised under s3express.
      "s3express:GetLifecycleConfiguration",
    ]);
    expect(unused.filter((a) => !conditional.has(a))).toEqual([]);
  });
});

describe("the cost model and the agent agree", () => {
  it("on the scan jobs of a scan: one per regional service group and region, one per account-wide group", () => {
    const regional = SCAN_SHARD_KINDS.filter((k) => k.scope === "regional").length;
    const global = SCAN_SHARD_KINDS.filter((k) => k.scope === "global").length;
    expect({
      serviceGroups: DEFAULT_COST_INPUTS.serviceGroups,
      globalShards: DEFAULT_COST_INPUTS.globalShards,
    }).toEqual({ serviceGroups: regional, globalShards: global });
  });
});
