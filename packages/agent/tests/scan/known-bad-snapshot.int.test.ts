import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSnapshot } from "@vigil/testkit";
import { describe, expect, it } from "vitest";
import { findingsOf, runScan } from "../../src/index.ts";
import { simulated } from "./sim.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/snapshots");
const NOW = "2026-06-01T00:00:00Z";

async function scanSnapshot(dir: string) {
  const model = await loadSnapshot(dir);
  const { clients } = simulated(model);
  try {
    const result = await runScan({ clients, now: NOW, scanId: "fixture" });
    return { result, ...findingsOf(result.reports) };
  } finally {
    clients.destroy();
  }
}

const pairs = (findings: { status: string; checkId: string; resource: string }[], status: string) =>
  findings
    .filter((f) => f.status === status)
    .map((f) => `${f.checkId} ${f.resource}`)
    .sort();

/**
 * known-bad: one account (us-east-1) written by hand, every misconfiguration deliberate; the
 * well-configured twins (i-0good…, vol-0crypt…, sg-0https…) must produce no failure.
 */
const ALB =
  "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/known-bad-alb/50dc6c495c0c9188";
const DISTRIBUTION = "arn:aws:cloudfront::111122223333:distribution/E0KNOWNBAD0001";
const KNOWN_BAD: readonly (readonly [checkId: string, resource: string])[] = [
  // EC2's network resources: one of each, each misconfigured.
  [
    "vigil.ec2.client-vpn-connection-logging",
    "arn:aws:ec2:us-east-1:111122223333:client-vpn-endpoint/cvpn-endpoint-0bad00000000001",
  ],
  [
    "vigil.ec2.network-interface-source-dest-check",
    "arn:aws:ec2:us-east-1:111122223333:network-interface/eni-0bad0000000000002",
  ],
  [
    "vigil.ec2.spot-fleet-ebs-encrypted",
    "arn:aws:ec2:us-east-1:111122223333:spot-fleet-request/sfr-0bad0000-0000-4000-8000-000000000001",
  ],
  [
    "vigil.ec2.transit-gateway-no-auto-accept",
    "arn:aws:ec2:us-east-1:111122223333:transit-gateway/tgw-0bad0000000000001",
  ],
  ["vigil.ec2.vpn-tunnels-up", "arn:aws:ec2:us-east-1:111122223333:vpn-connection/vpn-0bad0000000000001"],
  ["vigil.ec2.vpn-tunnel-logging", "arn:aws:ec2:us-east-1:111122223333:vpn-connection/vpn-0bad0000000000001"],
  [
    "vigil.ssm.automation-cloudwatch-logging",
    "arn:aws:ssm:us-east-1:111122223333:servicesetting/ssm/automation/customer-script-log-destination",
  ],
  ["vigil.accessanalyzer.analyzer-enabled", "111122223333/us-east-1"],
  ["vigil.config.recorder-enabled", "111122223333/us-east-1"],
  ["vigil.securityhub.hub-enabled", "111122223333/us-east-1"],
  ["vigil.s3.account-public-access-blocked", "111122223333"],
  // An access point with public policies allowed (its VPC twin blocks all), and a Multi-Region
  // Access Point honouring public ACLs.
  [
    "vigil.s3.access-point-public-access-blocked",
    "arn:aws:s3:us-east-1:111122223333:accesspoint/known-bad-open",
  ],
  [
    "vigil.s3.multi-region-access-point-public-access-blocked",
    "arn:aws:s3::111122223333:accesspoint/mknownbad0001.mrap",
  ],
  [
    "vigil.s3.directory-bucket-lifecycle-configured",
    "arn:aws:s3express:us-east-1:111122223333:bucket/known-bad-scratch--use1-az4--x-s3",
  ],
  [
    "vigil.efs.file-system-encrypted",
    "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0plain000000001",
  ],
  // No backup policy file: AWS's PolicyNotFound, automatic backups off.
  [
    "vigil.efs.file-system-automatic-backups",
    "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0plain000000001",
  ],
  [
    "vigil.efs.file-system-in-backup-plan",
    "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0plain000000001",
  ],
  [
    "vigil.iam.server-certificate-not-expired",
    "arn:aws:iam::111122223333:server-certificate/known-bad-expired",
  ],
  ["vigil.iam.support-role-exists", "111122223333"],
  ["vigil.iam.password-policy-min-length", "111122223333"],
  ["vigil.iam.password-policy-prevents-reuse", "111122223333"],
  ["vigil.iam.policy-no-full-admin-attached", "arn:aws:iam::111122223333:policy/admin-all"],
  ["vigil.iam.policy-no-kms-decrypt-on-all-keys", "arn:aws:iam::111122223333:policy/admin-all"],
  ["vigil.iam.role-trust-not-public", "arn:aws:iam::111122223333:role/anyone-can-assume"],
  [
    "vigil.iam.role-inline-policies-no-kms-decrypt-on-all-keys",
    "arn:aws:iam::111122223333:role/anyone-can-assume",
  ],
  ["vigil.iam.root-hardware-mfa-enabled", "arn:aws:iam::111122223333:root"],
  ["vigil.iam.root-mfa-enabled", "arn:aws:iam::111122223333:root"],
  ["vigil.iam.root-no-access-keys", "arn:aws:iam::111122223333:root"],
  ["vigil.iam.root-not-used-recently", "arn:aws:iam::111122223333:root"],
  ["vigil.iam.user-access-keys-rotated", "arn:aws:iam::111122223333:user/bob"],
  ["vigil.iam.user-mfa-enabled-for-console", "arn:aws:iam::111122223333:user/bob"],
  ["vigil.iam.user-permissions-through-groups", "arn:aws:iam::111122223333:user/bob"],
  [
    "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
    "arn:aws:cloudtrail:us-east-1:111122223333:trail/main",
  ],
  ["vigil.cloudtrail.trail-kms-encrypted", "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"],
  [
    "vigil.cloudtrail.trail-log-file-validation-enabled",
    "arn:aws:cloudtrail:us-east-1:111122223333:trail/main",
  ],
  ["vigil.ec2.ebs-encryption-by-default", "111122223333/us-east-1"],
  ["vigil.ec2.vpc-block-public-access-igw", "111122223333/us-east-1"],
  ["vigil.ec2.instance-imdsv2-required", "arn:aws:ec2:us-east-1:111122223333:instance/i-0bad000000000001"],
  ["vigil.ec2.instance-no-public-ip", "arn:aws:ec2:us-east-1:111122223333:instance/i-0bad000000000001"],
  ["vigil.ec2.instance-uses-iam-role", "arn:aws:ec2:us-east-1:111122223333:instance/i-0bad000000000001"],
  ["vigil.ec2.instance-single-eni", "arn:aws:ec2:us-east-1:111122223333:instance/i-0bad000000000001"],
  ["vigil.ec2.subnet-no-auto-public-ip", "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0a1"],
  [
    "vigil.ec2.network-acl-admin-ports-restricted",
    "arn:aws:ec2:us-east-1:111122223333:network-acl/acl-0default000001",
  ],
  [
    "vigil.ec2.default-security-group-restricts-all",
    "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0default0000001",
  ],
  [
    "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0ssh00000000001",
  ],
  [
    "vigil.ec2.security-group-high-risk-ports-restricted",
    "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0ssh00000000001",
  ],
  [
    "vigil.ec2.security-group-only-authorized-ports-public",
    "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0ssh00000000001",
  ],
  ["vigil.ec2.snapshot-not-public", "arn:aws:ec2:us-east-1::snapshot/snap-0public000001"],
  ["vigil.ec2.volume-encrypted", "arn:aws:ec2:us-east-1:111122223333:volume/vol-0plain00000001"],
  ["vigil.ec2.vpc-flow-logs-enabled", "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0bad0001"],
  // No VPC endpoint at all: none of FSBP's interface endpoints.
  ...[
    "vpc-endpoint-for-ec2",
    "vpc-interface-endpoint-ecr-api",
    "vpc-interface-endpoint-ecr-dkr",
    "vpc-interface-endpoint-ssm",
    "vpc-interface-endpoint-ssm-contacts",
    "vpc-interface-endpoint-ssm-incidents",
  ].map((id) => [`vigil.ec2.${id}`, "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0bad0001"] as const),
  // No RDS event subscription in the region (RDS.19 and RDS.20 are about existing ones: not assessed).
  ["vigil.rds.parameter-group-event-subscription", "111122223333/us-east-1"],
  ["vigil.rds.db-proxy-requires-tls", "arn:aws:rds:us-east-1:111122223333:db-proxy:prx-0bad00000000000001"],
  ["vigil.rds.security-group-event-subscription", "111122223333/us-east-1"],
  [
    "vigil.kms.key-rotation-enabled",
    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  ],
  [
    "vigil.kms.key-policy-not-public",
    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  ],
  [
    "vigil.lambda.function-policy-not-public",
    "arn:aws:lambda:us-east-1:111122223333:function:legacy-thumbnailer",
  ],
  [
    "vigil.lambda.function-runtime-supported",
    "arn:aws:lambda:us-east-1:111122223333:function:legacy-thumbnailer",
  ],
  ["vigil.lambda.function-in-vpc", "arn:aws:lambda:us-east-1:111122223333:function:legacy-thumbnailer"],
  [
    "vigil.ssm.instance-managed",
    "arn:aws:ssm:us-east-1:111122223333:managed-instance-inventory/i-0bad000000000001",
  ],
  [
    "vigil.ssm.document-public-sharing-blocked",
    "arn:aws:ssm:us-east-1:111122223333:servicesetting/ssm/documents/console/public-sharing-permission",
  ],
  ["vigil.logs.metric-filter-unauthorized-api-calls", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-console-signin-without-mfa", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-root-account-usage", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-iam-policy-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-cloudtrail-configuration-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-console-authentication-failures", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-cmk-disable-or-scheduled-deletion", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-s3-bucket-policy-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-aws-config-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-security-group-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-nacl-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-network-gateway-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-route-table-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-vpc-changes", "111122223333/us-east-1"],
  ["vigil.logs.metric-filter-organizations-changes", "111122223333/us-east-1"],
  ["vigil.rds.instance-logs-to-cloudwatch", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  // ledger (MariaDB): audit log not exported, require_secure_transport OFF in its group.
  ["vigil.rds.instance-logs-to-cloudwatch", "arn:aws:rds:us-east-1:111122223333:db:ledger"],
  ["vigil.rds.mariadb-logs-to-cloudwatch", "arn:aws:rds:us-east-1:111122223333:db:ledger"],
  ["vigil.rds.mariadb-requires-tls", "arn:aws:rds:us-east-1:111122223333:db:ledger"],
  ["vigil.rds.postgresql-logs-to-cloudwatch", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-auto-minor-version-upgrade", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-backups-enabled", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-deletion-protection", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-storage-encrypted", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-multi-az", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-not-publicly-accessible", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-enhanced-monitoring", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-iam-authentication", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-copy-tags-to-snapshots", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-custom-port", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.rds.instance-custom-admin-username", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  // orders' subnet group holds subnet-0a1, on the VPC's main route table (0.0.0.0/0 to the internet
  // gateway); ledger's subnets are both explicitly on the private table (0.0.0.0/0 to a NAT gateway).
  ["vigil.rds.instance-not-in-public-subnet", "arn:aws:rds:us-east-1:111122223333:db:orders"],
  ["vigil.s3.bucket-acls-not-used", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-access-logging-enabled", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-denies-insecure-transport", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-encryption-enabled", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-mfa-delete-enabled", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-object-level-logging-read", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-object-level-logging-write", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-level-public-access-block-enabled", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-public-access-blocked", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-public-read-prohibited", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-versioning-enabled", "arn:aws:s3:::known-bad-public"],
  ["vigil.s3.bucket-lifecycle-configured", "arn:aws:s3:::known-bad-public"],
  ["vigil.elbv2.alb-http-redirects-to-https", ALB],
  ["vigil.elbv2.alb-drops-invalid-headers", ALB],
  ["vigil.elbv2.alb-access-logging-enabled", ALB],
  ["vigil.elbv2.alb-deletion-protection-enabled", ALB],
  ["vigil.elbv2.alb-desync-mitigation-defensive", ALB],
  ["vigil.elbv2.load-balancer-multiple-azs", ALB],
  ["vigil.elbv2.listeners-use-secure-tls-policy", ALB],
  ["vigil.elbv2.listeners-use-recommended-tls-policy", ALB],
  ["vigil.elbv2.listeners-encrypt-in-transit", ALB],
  ["vigil.cloudfront.default-root-object", DISTRIBUTION],
  ["vigil.cloudfront.viewer-https-required", DISTRIBUTION],
  ["vigil.cloudfront.origin-failover-configured", DISTRIBUTION],
  ["vigil.cloudfront.logging-enabled", DISTRIBUTION],
  ["vigil.cloudfront.waf-enabled", DISTRIBUTION],
  ["vigil.cloudfront.custom-certificate", DISTRIBUTION],
  ["vigil.cloudfront.s3-origin-access-control", DISTRIBUTION],
  ["vigil.iam.password-policy-strong", "111122223333"],
  ["vigil.iam.password-policy-pci-strength", "111122223333"],
  ["vigil.iam.password-policy-expires-passwords", "111122223333"],
  ["vigil.guardduty.detector-enabled", "111122223333/us-east-1"],
  ["vigil.inspector2.ec2-scanning-enabled", "111122223333/us-east-1"],
  ["vigil.inspector2.ecr-scanning-enabled", "111122223333/us-east-1"],
  ["vigil.inspector2.lambda-standard-scanning-enabled", "111122223333/us-east-1"],
  ["vigil.inspector2.lambda-code-scanning-enabled", "111122223333/us-east-1"],
  ["vigil.macie2.enabled", "111122223333/us-east-1"],
  ["vigil.organizations.account-in-organization", "111122223333"],
];

describe("account snapshot fixtures", () => {
  it("known-bad produces exactly the expected failing (checkId, resource) pairs", async () => {
    const { result, findings, errors } = await scanSnapshot(join(FIXTURES, "known-bad"));
    expect(errors).toEqual([]);
    expect(result.discovery.failedCalls).toEqual([]);
    expect(pairs(findings, "FAIL")).toEqual(KNOWN_BAD.map(([c, r]) => `${c} ${r}`).sort());
    // The passes exist too (a scan that decided nothing would have no failures to compare).
    expect(pairs(findings, "PASS")).toContain(
      "vigil.ec2.instance-imdsv2-required arn:aws:ec2:us-east-1:111122223333:instance/i-0good00000000001",
    );
    expect(pairs(findings, "PASS")).toContain(
      "vigil.s3.directory-bucket-lifecycle-configured arn:aws:s3express:us-east-1:111122223333:bucket/known-good-scratch--use1-az5--x-s3",
    );
  });

  // Snapshots others add: <name>/ with <name>.expected.json = [[checkId, resource], ...] failing pairs.
  const others = readdirSync(FIXTURES).filter(
    (n) => n !== "known-bad" && existsSync(join(FIXTURES, `${n}.expected.json`)),
  );
  it.each(others.map((n) => [n]))("%s produces exactly its expected failures", async (name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as [
      string,
      string,
    ][];
    const { findings } = await scanSnapshot(join(FIXTURES, name));
    expect(pairs(findings, "FAIL")).toEqual(expected.map(([c, r]) => `${c} ${r}`).sort());
  });
});
