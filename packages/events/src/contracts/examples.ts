import type { DataOf, EventType, LegacyEvent, VigilEvent } from "./catalogue.ts";
import { createEvent } from "./create.ts";

/**
 * One realistic example of every event type: documentation (AsyncAPI message examples), test
 * fixtures and benchmark load. Kept valid by a test that parses each one.
 */
const account = "123456789012";
const scanId = "scan-2025-01-15T06-00-00Z";
const asset = {
  arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc1234def567890",
  type: "aws.ec2.instance",
  region: "eu-west-1",
  accountId: account,
  name: "bastion",
  tags: { env: "prod", team: "platform" },
};
const stack = {
  stackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil/5f1e0d10-0000-4000-8000-000000000001",
  stackName: "vigil",
  region: "eu-west-1",
  templateVersion: "1.4.0",
};
const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export const exampleData: { [T in EventType]: DataOf<T> } = {
  "vigil.integration.registration-requested.v1": {
    accountId: account,
    homeRegion: "eu-west-1",
    deployment: "single-account",
    registrationTokenSha256: sha,
    registrationTokenExpiresAt: "2025-01-15T06:00:00.000Z",
  },
  "vigil.integration.credentials-issued.v1": {
    accountId: account,
    credentialId: "cred-01",
    issuedAt: "2025-01-15T05:00:00.000Z",
    parameterName: "/vigil/platform/credentials",
  },
  "vigil.integration.credentials-revoked.v1": {
    accountId: account,
    credentialId: "cred-01",
    revokedAt: "2025-01-15T05:01:00.000Z",
    reason:
      "The stack's Create failed after the token exchange: AccessDeniedException writing /vigil/int-01/service-key-id",
  },
  "vigil.integration.stack-created.v1": {
    accountId: account,
    stack,
    enabledRegions: ["eu-west-1", "us-east-1"],
  },
  "vigil.integration.stack-updated.v1": {
    accountId: account,
    stack: { ...stack, templateVersion: "1.5.0" },
    previousTemplateVersion: "1.4.0",
    enabledRegions: ["eu-west-1", "us-east-1"],
  },
  "vigil.integration.delete-requested.v1": { accountId: account, requestedBy: "stack-deletion" },
  "vigil.integration.resources-cleaned-up.v1": {
    accountId: account,
    removed: { snapshots: 3, parameters: 2 },
    failures: [],
  },
  "vigil.integration.deleted.v1": { accountId: account, deletedAt: "2025-01-20T10:00:00.000Z" },
  "vigil.integration.heartbeat.v2": {
    accountId: account,
    components: { agent: "1.4.0", updater: "1.1.0" },
    enabledRegions: ["eu-west-1", "us-east-1"],
    lastScan: { scanId, status: "completed" },
  },
  "vigil.organization.registered.v1": {
    organizationId: "o-a1b2c3d4e5",
    homeRegion: "eu-west-1",
    managementAccountId: "111111111111",
    registeredBy: "admin",
  },
  "vigil.organization.enrollment-secret-issued.v1": {
    organizationId: "o-a1b2c3d4e5",
    secretId: "k3x9q2m7",
    secretSha256: sha,
    expiresAt: "2025-07-15T06:00:00.000Z",
    issuedBy: "admin",
  },
  "vigil.organization.enrollment-secret-revoked.v1": {
    organizationId: "o-a1b2c3d4e5",
    secretId: "k3x9q2m7",
    revokedAt: "2025-02-01T09:00:00.000Z",
    revokedBy: "admin",
    reason: "rotated after the StackSet was updated with a new secret",
  },
  "vigil.organization.account-enrolled.v1": {
    organizationId: "o-a1b2c3d4e5",
    organizationIntegrationId: "org-4f2a9c1d7b3e",
    accountId: account,
    homeRegion: "eu-west-1",
    callerArn: `arn:aws:sts::${account}:assumed-role/vigil-agent-role/vigil-agent-org-4f2a9c1d7b3e-${account}`,
    secretId: "k3x9q2m7",
  },
  "vigil.organization.scan-requested.v1": {
    organizationId: "o-a1b2c3d4e5",
    scanId: "org-scan-2025-01-15T06-00-00Z",
    accounts: [
      { accountId: account, notBefore: "2025-01-15T06:00:00.000Z" },
      { accountId: "210987654321", notBefore: "2025-01-15T06:01:30.000Z" },
    ],
    requestedBy: "admin",
  },
  "vigil.scan.requested.v1": {
    scanId,
    trigger: "schedule",
    regions: ["eu-west-1"],
    filters: { assetTypes: ["aws.ec2.instance"] },
  },
  "vigil.scan.started.v1": {
    scanId,
    regions: ["eu-west-1", "us-east-1"],
    checkCount: 57,
    agentVersion: "1.4.0",
    shardCount: 11,
  },
  "vigil.scan.region-discovered.v1": { scanId, region: "eu-west-1", status: "enabled", shardCount: 12 },
  "vigil.scan.asset-discovered.v1": { scanId, shardId: "eu-west-1/aws.ec2.instance/0", asset },
  "vigil.scan.asset-assessed.v1": {
    scanId,
    shardId: "eu-west-1/aws.ec2.instance/0",
    assessedAt: "2025-01-15T06:03:12.000Z",
    asset,
    results: [
      {
        checkId: "cis-5.0-5.7",
        status: "fail",
        severity: "high",
        title: "EC2 instance uses IMDSv2",
        evidence: "HttpTokens is optional",
        remediation: "aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required",
        frameworks: ["cis-aws-5.0:5.7", "aws-fsbp:EC2.8"],
      },
      { checkId: "cis-5.0-5.1.1", status: "pass", severity: "medium", title: "EBS volumes are encrypted" },
    ],
  },
  "vigil.scan.settings-changed.v1": {
    policies: ["vigil-default", "cis-aws-5.0"],
    enabledChecks: [],
    disabledChecks: ["vigil.ec2.instance-no-public-ip"],
    mutes: [
      {
        id: "mute-bastion",
        owner: "secops@example.com",
        reason: "The bastion host is public by design",
        expiresAt: "2025-06-30T00:00:00.000Z",
        match: {
          checkId: "vigil.ec2.security-group-admin-ports-ipv4",
          tag: { key: "role", value: "bastion" },
        },
      },
    ],
    changedBy: "admin@example.com",
  },
  "vigil.scan.shard-completed.v1": {
    scanId,
    shardId: "eu-west-1/aws.ec2.instance/0",
    region: "eu-west-1",
    assetType: "aws.ec2.instance",
    assetCount: 40,
    apiCalls: 3,
    throttledCalls: 0,
    durationMs: 812,
  },
  "vigil.scan.shard-digest.v1": {
    scanId,
    shardId: "eu-west-1/ec2",
    seenAt: "2025-01-15T06:03:12.000Z",
    part: 1,
    parts: 1,
    assets: [
      {
        arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc1234def567890",
        fingerprint: "3f1c2b9a8d7e6f50",
        reported: false,
        reportedAt: "2025-01-14T18:03:12.000Z",
      },
    ],
  },

  "vigil.scan.completed.v1": {
    scanId,
    assetCount: 412,
    results: { pass: 2140, fail: 63, muted: 4, error: 1 },
    failedBySeverity: { high: 12, medium: 51 },
    durationMs: 95_000,
    coverage: { regions: ["eu-west-1", "us-east-1", "global"] },
  },
  "vigil.scan.paused-for-rate-limit.v1": {
    scanId,
    until: "2025-01-15T06:05:00.000Z",
    reason: "RequestLimitExceeded after 5 retries",
    api: "ec2:DescribeInstances",
    region: "eu-west-1",
  },
  "vigil.scan.resumed.v1": { scanId, pausedMs: 30_000, remainingShards: 7 },
  "vigil.scan.failed.v1": {
    scanId,
    error: { code: "AccessDenied", message: "sts:AssumeRole denied for vigil-scan role", retryable: false },
    completedShards: 3,
    failedShards: ["us-east-1/aws.s3.bucket/0"],
  },
  "vigil.counts.resource-counts-reported.v1": {
    scanId,
    counts: { "aws.ec2.instance": { "eu-west-1": 40, "us-east-1": 2 }, "aws.s3.bucket": { global: 17 } },
    total: 59,
  },
  "vigil.update.check-started.v1": {
    component: "agent",
    currentVersion: "1.4.0",
    channel: "stable",
    manifestUrl: "https://releases.example.org/vigil/manifest.json",
  },
  "vigil.update.available.v1": {
    component: "agent",
    currentVersion: "1.4.0",
    availableVersion: "1.5.0",
    sha256: sha,
    releasedAt: "2025-01-14T12:00:00.000Z",
  },
  "vigil.update.applied.v1": {
    component: "agent",
    fromVersion: "1.4.0",
    toVersion: "1.5.0",
    sha256: sha,
    signatureVerified: true,
  },
  "vigil.update.refused.v1": {
    component: "agent",
    version: "1.5.1",
    reason: "sha256-mismatch",
    detail: "agent.zip: SHA-256 1b4f… differs from the 9f86… recorded at release",
  },
  "vigil.update.rolled-back.v1": {
    component: "agent",
    fromVersion: "1.5.0",
    toVersion: "1.4.0",
    healthCheck: "3 of 3 post-update invocations failed",
  },
  "vigil.update.alert-raised.v1": {
    component: "agent",
    severity: "high",
    message: "update rolled back; staying on 1.4.0",
    version: "1.5.0",
  },
  "vigil.update.check-failed.v1": {
    component: "updater",
    currentVersion: "1.4.0",
    reason: "platform-unreachable",
    detail: "platform answered 503 for https://vigil.example.com/releases/1.5.0/hashes (after 3 attempts)",
    attempts: 3,
  },
  "vigil.update.requested.v1": { version: "1.5.0", requestedBy: "admin" },
  "vigil.release.hashes-recorded.v1": {
    version: "1.5.0",
    files: { "agent.zip": { sha256: sha, size: 734_002 }, "updater.zip": { sha256: sha, size: 201_117 } },
    template: { sha256: sha, size: 48_210 },
    recordedBy: "admin",
  },
  "vigil.ebs.volumes-planned.v1": {
    scanId,
    region: "eu-west-1",
    scannerGroup: "vigil-ebs-scanner-int-0001",
    volumes: [
      {
        instanceId: "i-0abc1234def567890",
        volumeId: "vol-0abc1234def567890",
        device: "/dev/xvda",
        root: true,
        sizeGiB: 8,
        encrypted: true,
        kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
    ],
    instances: [{ instanceId: "i-0abc1234def567890", tags: { Name: "bastion", env: "prod" } }],
    optedOut: ["i-0abc1234def567899"],
  },
  "vigil.ebs.snapshot-created.v1": {
    scanId,
    region: "eu-west-1",
    sourceVolumeArn: "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc1234def567890",
    snapshotId: "snap-0abc1234def567890",
    sizeGiB: 8,
    encrypted: true,
    instanceId: "i-0abc1234def567890",
  },
  "vigil.ebs.volume-created.v1": {
    scanId,
    region: "eu-west-1",
    snapshotId: "snap-0abc1234def567890",
    scanVolumeId: "vol-0fff1234def567890",
    availabilityZone: "eu-west-1b",
  },
  "vigil.ebs.volume-attached.v1": {
    scanId,
    region: "eu-west-1",
    snapshotId: "snap-0abc1234def567890",
    scanVolumeId: "vol-0fff1234def567890",
    scannerInstanceId: "i-0abc1234def567891",
    device: "/dev/sdf",
  },
  "vigil.ebs.scanned.v1": {
    scanId,
    region: "eu-west-1",
    sourceVolumeArn: "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc1234def567890",
    snapshotId: "snap-0abc1234def567890",
    filesScanned: 48_211,
    results: [
      {
        checkId: "vigil.os.sshd-root-login-disabled",
        status: "fail",
        severity: "high",
        title: "sshd should not permit root to log in",
        evidence: "PermitRootLogin is yes",
      },
    ],
    durationMs: 61_000,
    instanceId: "i-0abc1234def567890",
    volumeRole: "root",
    os: {
      id: "amzn",
      name: "Amazon Linux",
      versionId: "2023",
      prettyName: "Amazon Linux 2023.4.20240528",
      kernels: ["6.1.91-99.172.amzn2023.x86_64"],
    },
    packages: {
      manager: "rpm",
      items: [{ name: "openssh-server", version: "8.7p1-8.amzn2023.0.10", arch: "x86_64" }],
    },
  },
  "vigil.ebs.volume-detached.v1": {
    scanId,
    region: "eu-west-1",
    snapshotId: "snap-0abc1234def567890",
    scanVolumeId: "vol-0fff1234def567890",
    scannerInstanceId: "i-0abc1234def567891",
  },
  "vigil.ebs.cleaned.v1": {
    scanId,
    region: "eu-west-1",
    snapshotId: "snap-0abc1234def567890",
    deleted: ["snapshot", "volume"],
  },
  "vigil.ebs.volume-skipped.v1": {
    scanId,
    region: "eu-west-1",
    instanceId: "i-0abc1234def567892",
    sourceVolumeArn: "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc1234def567892",
    reason: "kms-key-unusable",
    detail:
      "encrypted with KMS key 1234abcd-12ab-34cd-56ef-1234567890ab, whose key policy does not let the agent's role use it through EC2 (kms:CreateGrant, kms:Decrypt)",
  },
  "vigil.ebs.scanner-scaled.v1": {
    scanId,
    region: "eu-west-1",
    groupName: "vigil-ebs-scanner-int-0001",
    desiredCapacity: 1,
    reason: "volumes-waiting",
  },
  "vigil.ebs.leftover-deleted.v1": {
    scanId,
    region: "eu-west-1",
    resource: "volume",
    resourceId: "vol-0eee1234def567890",
    createdForScan: "scan-2025-01-14T18-00-00Z",
  },
};

export const EXAMPLE_INTEGRATION_ID = "int-0001";

/** A valid example event of `type`. */
export function exampleEvent<T extends EventType>(type: T, overrides: { id?: string; time?: string } = {}) {
  return createEvent(type, exampleData[type] as unknown as DataOf<T>, {
    source: `urn:vigil:agent:${account}`,
    subject: type.startsWith("vigil.scan.") ? scanId : undefined,
    integrationId: EXAMPLE_INTEGRATION_ID,
    id: overrides.id ?? `example-${type}`,
    time: overrides.time ?? "2025-01-15T06:00:00.000Z",
  });
}

export function exampleEvents(): VigilEvent[] {
  return (Object.keys(exampleData) as EventType[]).map((type) => exampleEvent(type));
}

/** A heartbeat as v1 producers wrote it, for upcaster tests and docs. */
export function exampleHeartbeatV1(id = "example-heartbeat-v1"): LegacyEvent {
  return {
    specversion: "1.0",
    id,
    source: `urn:vigil:agent:${account}`,
    type: "vigil.integration.heartbeat.v1",
    time: "2024-11-01T00:00:00.000Z",
    integrationid: EXAMPLE_INTEGRATION_ID,
    data: { accountId: account, agentVersion: "1.2.0", regions: ["eu-west-1"] },
  };
}
