import { generateAccount } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountReader,
  type Asset,
  type AwsClients,
  acmCertificatesCollector,
  type CollectContext,
  type Collector,
  cisMonitoringCollector,
  clientVpnEndpointsCollector,
  cloudFrontDistributionsCollector,
  cloudFrontWebAclsCollector,
  cloudTrailCollector,
  daxClustersCollector,
  dbClusterSnapshotsCollector,
  dbClustersCollector,
  dmsEndpointsCollector,
  dmsReplicationInstancesCollector,
  dmsReplicationTasksCollector,
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  ecsClustersCollector,
  efsAccessPointsCollector,
  efsFileSystemsCollector,
  eksClustersCollector,
  elastiCacheCacheClustersCollector,
  elbLoadBalancersCollector,
  elbv2LoadBalancersCollector,
  evaluate,
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamUsersCollector,
  kafkaClustersCollector,
  kafkaConnectConnectorsCollector,
  kinesisStreamsCollector,
  kmsKeysCollector,
  lambdaFunctionsCollector,
  networkAclsCollector,
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  networkFirewallsCollector,
  networkInterfacesCollector,
  openSearchDomainsCollector,
  parseAsset,
  rdsInstancesCollector,
  rdsProxiesCollector,
  rdsSettingsCollector,
  rdsSnapshotsCollector,
  redshiftClustersCollector,
  regionalWebAclsCollector,
  restApisCollector,
  s3AccessPointsCollector,
  s3BucketsCollector,
  s3DirectoryBucketsCollector,
  s3MultiRegionAccessPointsCollector,
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  sageMakerNotebookInstancesCollector,
  securityGroupsCollector,
  snapshotsCollector,
  spotFleetRequestsCollector,
  ssmAutomationLogSettingCollector,
  subnetsCollector,
  transitGatewaysCollector,
  v2ApisCollector,
  volumesCollector,
  vpcsCollector,
  vpnConnectionsCollector,
} from "../../src/index.ts";
import { file, list, simulated } from "../scan/sim.ts";

const model = generateAccount({
  seed: "collectors",
  regionCount: 2,
  assetsPerRegion: 6,
  misconfigurationRate: 0.5,
});
const region = model.regions[0] as string;
let clients: AwsClients;

beforeAll(() => {
  clients = simulated(model).clients;
});
afterAll(() => clients.destroy());

/** The inline policies the simulated account gives a principal that allow kms:Decrypt (or kms:*) on "*". */
function inlineDecryptingAll(kind: "user" | "role", principal: string, names: readonly unknown[]): string[] {
  return names.map(String).filter((name) => {
    const stored = file(model, `global/iam/get-${kind}-policy/${encodeURIComponent(`${principal}/${name}`)}`);
    const statements = (stored.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
      .Statement;
    return statements.some(
      (st) => ["kms:Decrypt", "kms:*"].some((a) => [st.Action].flat().includes(a)) && st.Resource === "*",
    );
  });
}

/** What a collector sees in region `r` of an account served by `sim`. */
function contextOf(
  sim: AwsClients,
  read: AccountReader,
  r = region,
  accountId = model.accountId,
): CollectContext {
  return {
    accountId,
    partition: "aws",
    region: r,
    clients: sim.forRegion(r),
    clientsFor: (x) => sim.forRegion(x),
    read,
  };
}

async function run(collector: Collector, r = region) {
  const read = new AccountReader();
  const out = await collector.collect(contextOf(clients, read, r));
  // Every asset a collector builds must satisfy its type's schema, and no call may fail.
  for (const asset of out.assets) expect(parseAsset(asset), asset.arn).toMatchObject({ ok: true });
  expect(read.failed).toEqual([]);
  expect(read.denied).toEqual([]);
  return { ...out, byArn: new Map(out.assets.map((a) => [a.arn, a])) };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read loosely typed AWS CLI JSON
type J = any;
const cfg = (a: Asset | undefined): Record<string, J> =>
  (a as { config: Record<string, J> } | undefined)?.config ?? {};
const R = (cmd: string) => `${region}/${cmd}`;

describe("collectors against the simulated account (real SDK clients)", () => {
  it("ec2 instances: one asset per instance, IMDS and public IP read from the instance", async () => {
    const instances = list(model, R("ec2/describe-instances"), "Reservations").flatMap(
      (r) => r.Instances as Record<string, unknown>[],
    );
    const out = await run(ec2InstancesCollector);
    expect(out.assets).toHaveLength(instances.length);
    for (const i of instances) {
      const asset = out.byArn.get(`arn:aws:ec2:${region}:${model.accountId}:instance/${i.InstanceId}`);
      expect(cfg(asset)).toMatchObject({
        hasPublicIpAddress: i.PublicIpAddress !== undefined,
        metadataOptions: {
          httpTokens: (i.MetadataOptions as { HttpTokens?: string } | undefined)?.HttpTokens ?? "optional",
        },
      });
    }
  });

  it("security groups: rules flattened to CIDRs", async () => {
    const groups = list(model, R("ec2/describe-security-groups"), "SecurityGroups");
    const out = await run(securityGroupsCollector);
    expect(out.assets).toHaveLength(groups.length);
    for (const g of groups) {
      const c = cfg(out.byArn.get(`arn:aws:ec2:${region}:${model.accountId}:security-group/${g.GroupId}`));
      const cidrs = (g.IpPermissions as { IpRanges?: { CidrIp: string }[] }[]).flatMap((p) =>
        (p.IpRanges ?? []).map((r) => r.CidrIp),
      );
      expect((c.ipPermissions as { ipRanges: string[] }[]).flatMap((p) => p.ipRanges)).toEqual(cidrs);
    }
  });

  it("volumes and snapshots: encryption, and public createVolumePermission", async () => {
    const volumes = list(model, R("ec2/describe-volumes"), "Volumes");
    const vols = await run(volumesCollector);
    expect(vols.assets).toHaveLength(volumes.length);
    for (const v of volumes)
      expect(
        cfg(vols.byArn.get(`arn:aws:ec2:${region}:${model.accountId}:volume/${v.VolumeId}`))?.encrypted,
      ).toBe(v.Encrypted);
    const snapshots = list(model, R("ec2/describe-snapshots"), "Snapshots");
    const snaps = await run(snapshotsCollector);
    expect(snaps.assets).toHaveLength(snapshots.length);
    for (const s of snapshots) {
      const attr = model.files.get(`${region}/ec2/describe-snapshot-attribute/${s.SnapshotId}`) as
        | { CreateVolumePermissions?: { Group?: string }[] }
        | undefined;
      const isPublic = (attr?.CreateVolumePermissions ?? []).some((p) => p.Group === "all");
      const c = cfg(snaps.byArn.get(`arn:aws:ec2:${region}::snapshot/${s.SnapshotId}`));
      expect((c.createVolumePermissions as { group?: string }[]).some((p) => p.group === "all")).toBe(
        isPublic,
      );
    }
  });

  it("vpcs carry their flow logs and endpoints; network ACLs their entries; EBS default encryption per region", async () => {
    const flowLogs = list(model, R("ec2/describe-flow-logs"), "FlowLogs");
    const endpoints = list(model, R("ec2/describe-vpc-endpoints"), "VpcEndpoints");
    const vpcs = await run(vpcsCollector);
    expect(vpcs.assets).toHaveLength(list(model, R("ec2/describe-vpcs"), "Vpcs").length);
    for (const a of vpcs.assets) {
      const id = cfg(a).vpcId;
      expect((cfg(a).flowLogs as unknown[]).length).toBe(flowLogs.filter((f) => f.ResourceId === id).length);
      expect(cfg(a).endpoints).toEqual(
        endpoints
          .filter((e) => e.VpcId === id)
          .map((e) => ({
            vpcEndpointId: e.VpcEndpointId,
            serviceName: e.ServiceName,
            type: e.VpcEndpointType,
            state: e.State,
          })),
      );
    }
    expect(endpoints.length).toBeGreaterThan(vpcs.assets.length); // a gateway endpoint and interface ones per VPC
    const nacls = list(model, R("ec2/describe-network-acls"), "NetworkAcls");
    const acls = await run(networkAclsCollector);
    expect(acls.assets.map((a) => (cfg(a).entries as unknown[]).length).sort()).toEqual(
      nacls.map((n) => (n.Entries as unknown[]).length).sort(),
    );
    const ebs = await run(ebsDefaultEncryptionCollector);
    expect(ebs.assets).toEqual([
      expect.objectContaining({
        arn: `${model.accountId}/${region}`,
        config: {
          ebsEncryptionByDefault: file(model, R("ec2/get-ebs-encryption-by-default")).EbsEncryptionByDefault,
          vpcBlockPublicAccessMode: (
            file(model, R("ec2/describe-vpc-block-public-access-options")).VpcBlockPublicAccessOptions as {
              InternetGatewayBlockMode: string;
            }
          ).InternetGatewayBlockMode,
        },
      }),
    ]);
  });

  it("s3 buckets: encryption, public access block, versioning, policy facts, ACL grants, logging", async () => {
    const buckets = list(model, "global/s3api/list-buckets", "Buckets");
    const out = await run(s3BucketsCollector);
    expect(out.assets).toHaveLength(buckets.length);
    for (const b of buckets) {
      const name = String(b.Name);
      const c = cfg(out.byArn.get(`arn:aws:s3:::${name}`));
      const at = (cmd: string) =>
        model.files.get(`global/s3api/${cmd}/${name}`) as Record<string, J> | undefined;
      expect(c.serverSideEncryption === null).toBe(at("get-bucket-encryption") === undefined);
      expect(c.publicAccessBlock === null).toBe(at("get-public-access-block") === undefined);
      expect((c.versioning as { status: string }).status).toBe(
        at("get-bucket-versioning")?.Status ?? "Disabled",
      );
      expect(c.policy === null).toBe(at("get-bucket-policy") === undefined);
      expect(c.loggingEnabled).toBe(at("get-bucket-logging")?.LoggingEnabled !== undefined);
      // No lifecycle file: S3's NoSuchLifecycleConfiguration through the XML protocol, read as none.
      expect(c.lifecycleRulesEnabled).toBe(
        ((at("get-bucket-lifecycle-configuration")?.Rules as J[] | undefined) ?? []).filter(
          (r) => r.Status === "Enabled",
        ).length,
      );
      const publicGrants = (at("get-bucket-acl")?.Grants ?? []).filter((g: J) =>
        String(g.Grantee?.URI ?? "").includes("/global/"),
      );
      expect((c.publicAclGrants as unknown[]).length).toBe(publicGrants.length);
    }
  });

  it("elasticache cache clusters: every node as listed, with its group, upgrades and subnet group", async () => {
    const clusters = list(model, R("elasticache/describe-cache-clusters"), "CacheClusters");
    expect(clusters.some((c) => c.ReplicationGroupId === undefined)).toBe(true); // a standalone one too
    const out = await run(elastiCacheCacheClustersCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a)]).sort()).toEqual(
      clusters
        .map((c) => [
          c.ARN,
          {
            cacheClusterId: c.CacheClusterId,
            engine: c.Engine,
            engineVersion: c.EngineVersion,
            replicationGroupId: c.ReplicationGroupId ?? null,
            autoMinorVersionUpgrade: c.AutoMinorVersionUpgrade,
            cacheSubnetGroupName: c.CacheSubnetGroupName,
            authTokenEnabled: c.AuthTokenEnabled === true,
          },
        ])
        .sort(),
    );
  });

  it("rds event subscriptions: one settings asset per region, every subscription as listed", async () => {
    const subscriptions = list(model, R("rds/describe-event-subscriptions"), "EventSubscriptionsList");
    const out = await run(rdsSettingsCollector);
    expect(out.assets.map((a) => a.arn)).toEqual([`${model.accountId}/${region}`]);
    expect(cfg(out.assets[0]).eventSubscriptions).toEqual(
      subscriptions.map((e) => ({
        subscriptionName: e.CustSubscriptionId,
        enabled: e.Enabled,
        sourceType: e.SourceType ?? null,
        eventCategories: e.EventCategoriesList,
        sourceIds: e.SourceIdsList,
      })),
    );
  });

  it("rds instances and snapshots", async () => {
    const dbs = list(model, R("rds/describe-db-instances"), "DBInstances");
    const out = await run(rdsInstancesCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).storageEncrypted, cfg(a).publiclyAccessible]).sort()).toEqual(
      dbs.map((d) => [d.DBInstanceArn, d.StorageEncrypted, d.PubliclyAccessible]).sort(),
    );
    // Monitoring, IAM authentication, tag copying, port and administrator name, as DescribeDBInstances gave them.
    const detail = (a: { arn: string; config: unknown }) => {
      const c = a.config as Record<string, unknown>;
      return [
        a.arn,
        c.monitoringInterval,
        c.iamDatabaseAuthenticationEnabled,
        c.copyTagsToSnapshot,
        c.port,
        c.masterUsername,
      ];
    };
    expect(out.assets.map(detail).sort()).toEqual(
      dbs
        .map((d) => [
          d.DBInstanceArn,
          d.MonitoringInterval ?? 0,
          d.IAMDatabaseAuthenticationEnabled,
          d.CopyTagsToSnapshot,
          (d.Endpoint as { Port?: number } | undefined)?.Port,
          d.MasterUsername,
        ])
        .sort(),
    );
    const snaps = list(model, R("rds/describe-db-snapshots"), "DBSnapshots");
    const s = await run(rdsSnapshotsCollector);
    expect(s.assets.map((a) => a.arn).sort()).toEqual(snaps.map((x) => x.DBSnapshotArn).sort());
  });

  it("iam users (with the credential report) and the root user", async () => {
    const users = list(model, "global/iam/list-users", "Users");
    const out = await run(iamUsersCollector);
    const userAssets = out.assets.filter((a) => a.type === "aws.iam.user");
    expect(userAssets).toHaveLength(users.length);
    for (const u of users) {
      const c = cfg(out.byArn.get(String(u.Arn)));
      const keys = list(model, `global/iam/list-access-keys/${u.UserName}`, "AccessKeyMetadata");
      expect((c.accessKeys as unknown[]).length).toBe(keys.length);
      expect(c.passwordEnabled).toBe(model.files.has(`global/iam/get-login-profile/${u.UserName}`));
      expect(c.mfaDeviceCount).toBe(
        list(model, `global/iam/list-mfa-devices/${u.UserName}`, "MFADevices").length,
      );
      expect(c.inlinePoliciesDecryptingAllKeys).toEqual(
        inlineDecryptingAll(
          "user",
          String(u.UserName),
          list(model, `global/iam/list-user-policies/${u.UserName}`, "PolicyNames"),
        ),
      );
    }
    const summary = file(model, "global/iam/get-account-summary").SummaryMap as Record<string, number>;
    expect(cfg(out.byArn.get(`arn:aws:iam::${model.accountId}:root`))).toMatchObject({
      accessKeysPresent: summary.AccountAccessKeysPresent === 1,
      mfaActive: summary.AccountMFAEnabled === 1,
    });
  });

  it("iam password policy, roles, attached policies and the support role", async () => {
    const pp = await run(iamPasswordPolicyCollector);
    const stored = model.files.get("global/iam/get-account-password-policy") as
      | { PasswordPolicy?: { MinimumPasswordLength?: number } }
      | undefined;
    expect(cfg(pp.assets[0])?.exists).toBe(stored?.PasswordPolicy !== undefined);
    expect(cfg(pp.assets[0])?.minimumPasswordLength).toBe(stored?.PasswordPolicy?.MinimumPasswordLength);
    const roles = await run(iamRolesCollector);
    expect(roles.assets.map((a) => a.arn).sort()).toEqual(
      list(model, "global/iam/list-roles", "Roles")
        .map((r) => r.Arn)
        .sort(),
    );
    for (const r of list(model, "global/iam/list-roles", "Roles")) {
      const names = model.files.has(`global/iam/list-role-policies/${r.RoleName}`)
        ? list(model, `global/iam/list-role-policies/${r.RoleName}`, "PolicyNames")
        : [];
      expect(cfg(roles.byArn.get(String(r.Arn))).inlinePoliciesDecryptingAllKeys, String(r.RoleName)).toEqual(
        inlineDecryptingAll("role", String(r.RoleName), names),
      );
    }
    // The simulated account holds both: a role decrypting with one key, one (or more) with every key.
    expect(roles.assets.some((a) => (cfg(a).inlinePoliciesDecryptingAllKeys as string[]).length > 0)).toBe(
      true,
    );
    const policies = await run(iamPoliciesCollector);
    const attached = list(model, "global/iam/list-policies", "Policies").filter(
      (p) => Number(p.AttachmentCount) > 0,
    );
    expect(
      policies.assets
        .filter((a) => a.type === "aws.iam.policy")
        .map((a) => a.arn)
        .sort(),
    ).toEqual(attached.map((p) => p.Arn).sort());
    const support = model.files.get("global/iam/list-entities-for-policy/AWSSupportAccess") as
      | { PolicyRoles?: unknown[] }
      | undefined;
    expect(cfg(policies.byArn.get(model.accountId))?.supportRoleExists).toBe(
      (support?.PolicyRoles ?? []).length > 0,
    );
  });

  it("cloudtrail trails (once, from the home region) with status and S3 data events", async () => {
    const trails = list(model, R("cloudtrail/describe-trails"), "trailList").filter(
      (t) => t.HomeRegion === region,
    );
    const out = await run(cloudTrailCollector);
    expect(out.assets.map((a) => a.arn).sort()).toEqual(trails.map((t) => t.TrailARN).sort());
    expect(out.trails?.trails.map((t) => t.arn).sort()).toEqual(trails.map((t) => t.TrailARN).sort());
    for (const t of trails) {
      const status = file(model, `${region}/cloudtrail/get-trail-status/${t.Name}`);
      expect(cfg(out.byArn.get(String(t.TrailARN)))?.isLogging).toBe(status.IsLogging);
    }
  });

  it("kms keys: rotation read for customer managed symmetric keys only", async () => {
    const keys = list(model, R("kms/list-keys"), "Keys");
    const out = await run(kmsKeysCollector);
    expect(out.assets).toHaveLength(keys.length);
    for (const a of out.assets) {
      const c = cfg(a);
      const rotation = model.files.get(`${region}/kms/get-key-rotation-status/${c.keyId}`) as
        | { KeyRotationEnabled?: boolean }
        | undefined;
      if (c.keyManager === "CUSTOMER") expect(c.keyRotationEnabled).toBe(rotation?.KeyRotationEnabled);
      else expect(c.keyRotationEnabled).toBeNull();
      const policy = model.files.get(`${region}/kms/get-key-policy/${c.keyId}`) as
        | { Policy: string }
        | undefined;
      if (c.keyManager === "CUSTOMER") expect(c.keyPolicyPublic).toBe(policy?.Policy.includes('"AWS":"*"'));
      else expect(c.keyPolicyPublic).toBeNull();
    }
  });

  it("ecs clusters and their services (ListServices, then DescribeServices 10 at a time)", async () => {
    const clusters = (file(model, R("ecs/list-clusters")).clusterArns as string[]) ?? [];
    const out = await run(ecsClustersCollector);
    const services: J[] = clusters.flatMap((arn) =>
      list(model, R(`ecs/describe-services/${arn.slice(arn.lastIndexOf("/") + 1)}`), "services"),
    );
    expect(services.length).toBeGreaterThan(0);
    expect(out.assets.filter((a) => a.type === "aws.ecs.cluster")).toHaveLength(clusters.length);
    expect(
      out.assets
        .filter((a) => a.type === "aws.ecs.service")
        .map((a) => [a.arn, cfg(a).fargate, cfg(a).platformVersion, cfg(a).assignPublicIp, cfg(a).taskSets])
        .sort(),
    ).toEqual(
      services
        .map((s) => [
          s.serviceArn,
          s.launchType === "FARGATE",
          s.launchType === "FARGATE" ? s.platformVersion : null,
          s.networkConfiguration?.awsvpcConfiguration?.assignPublicIp === "ENABLED",
          (s.taskSets ?? []).map((t: J) => ({
            id: t.id,
            assignPublicIp: t.networkConfiguration?.awsvpcConfiguration?.assignPublicIp === "ENABLED",
          })),
        ])
        .sort(),
    );
    // The simulated account deploys one service per region through an external controller.
    expect(services.some((s) => (s.taskSets ?? []).length > 0)).toBe(true);
  });

  it("s3 access points: listed per region, Block Public Access from GetAccessPoint", async () => {
    const points: J[] = list(model, R("s3control/list-access-points"), "AccessPointList");
    expect(points.length).toBeGreaterThan(0);
    const out = await run(s3AccessPointsCollector);
    expect(
      out.assets
        .map((a) => [a.arn, a.region, cfg(a).bucket, cfg(a).networkOrigin, cfg(a).publicAccessBlock])
        .sort(),
    ).toEqual(
      points
        .map((p) => {
          const b: J = file(model, R(`s3control/get-access-point/${p.Name}`)).PublicAccessBlockConfiguration;
          return [
            p.AccessPointArn,
            region,
            p.Bucket,
            p.NetworkOrigin,
            {
              blockPublicAcls: b.BlockPublicAcls,
              ignorePublicAcls: b.IgnorePublicAcls,
              blockPublicPolicy: b.BlockPublicPolicy,
              restrictPublicBuckets: b.RestrictPublicBuckets,
            },
          ];
        })
        .sort(),
    );
  });

  it("s3 directory buckets: listed on the region's S3 Express endpoint, enabled lifecycle rules counted", async () => {
    const buckets: J[] = list(model, R("s3api/list-directory-buckets"), "Buckets");
    expect(buckets.length).toBeGreaterThan(0);
    const out = await run(s3DirectoryBucketsCollector);
    expect(
      out.assets.map((a) => [a.arn, a.region, cfg(a).bucketName, cfg(a).lifecycleRulesEnabled]).sort(),
    ).toEqual(
      buckets
        .map((b) => {
          const rules: J[] = model.files.has(`global/s3api/get-bucket-lifecycle-configuration/${b.Name}`)
            ? list(model, `global/s3api/get-bucket-lifecycle-configuration/${b.Name}`, "Rules")
            : [];
          return [b.BucketArn, region, b.Name, rules.filter((r) => r.Status === "Enabled").length];
        })
        .sort(),
    );
  });

  it("s3 directory buckets: a bucket the listing names in another region is that region's, not collected here", async () => {
    const other = structuredClone(model);
    const listed: J[] = list(other, R("s3api/list-directory-buckets"), "Buckets");
    const elsewhere = {
      Name: "far-away--euw3-az1--x-s3",
      CreationDate: "2026-03-02T09:00:00+00:00",
      BucketRegion: "eu-west-3",
    };
    other.files.set(R("s3api/list-directory-buckets"), { Buckets: [...listed, elsewhere] });
    const sim = simulated(other).clients;
    try {
      const out = await s3DirectoryBucketsCollector.collect(
        contextOf(sim, new AccountReader(), region, other.accountId),
      );
      expect(out.assets.map((a) => cfg(a).bucketName).sort()).toEqual(listed.map((b) => b.Name).sort());
    } finally {
      sim.destroy();
    }
  });

  it("s3 multi-region access points: the account's, read in us-west-2, as global assets", async () => {
    const points: J[] = list(model, "global/s3control/list-multi-region-access-points", "AccessPoints");
    expect(points.length).toBe(1);
    const out = await run(s3MultiRegionAccessPointsCollector);
    expect(
      out.assets.map((a) => [a.arn, a.region, a.name, cfg(a).publicAccessBlock.blockPublicPolicy]),
    ).toEqual(
      points.map((p) => [
        `arn:aws:s3::${model.accountId}:accesspoint/${p.Alias}`,
        "global",
        p.Name,
        p.PublicAccessBlock.BlockPublicPolicy,
      ]),
    );
  });

  it("efs access points: root directory and POSIX user as listed", async () => {
    const points: J[] = list(model, R("efs/describe-access-points"), "AccessPoints");
    expect(points.length).toBeGreaterThan(0);
    const out = await run(efsAccessPointsCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).rootDirectory, cfg(a).enforcesUser]).sort()).toEqual(
      points.map((p) => [p.AccessPointArn, p.RootDirectory.Path, p.PosixUser !== undefined]).sort(),
    );
  });

  it("rds proxies: RequireTLS as listed", async () => {
    const proxies: J[] = list(model, R("rds/describe-db-proxies"), "DBProxies");
    expect(proxies.length).toBeGreaterThan(0);
    const out = await run(rdsProxiesCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).engineFamily, cfg(a).requireTls]).sort()).toEqual(
      proxies.map((p) => [p.DBProxyArn, p.EngineFamily, p.RequireTLS]).sort(),
    );
  });

  it("rds parameter groups: each instance's and cluster's group, sync state and checked parameters as listed", async () => {
    const checked = (group: string, command: string) =>
      Object.fromEntries(
        list(model, R(`rds/${command}/${group}`), "Parameters")
          .filter((p: J) =>
            [
              "rds.force_ssl",
              "require_secure_transport",
              "server_audit_logging",
              "server_audit_events",
              "tls",
            ].includes(p.ParameterName),
          )
          .map((p: J) => [p.ParameterName, p.ParameterValue ?? null]),
      );
    const instances: J[] = list(model, R("rds/describe-db-instances"), "DBInstances");
    expect(instances.map((i) => i.Engine)).toEqual(expect.arrayContaining(["sqlserver-se", "mariadb"]));
    const dbs = await run(rdsInstancesCollector);
    expect(dbs.assets.map((a) => [a.arn, cfg(a).parameterGroup]).sort()).toEqual(
      instances
        .map((i) => {
          const g = i.DBParameterGroups[0];
          const parameters = checked(g.DBParameterGroupName, "describe-db-parameters");
          return [
            i.DBInstanceArn,
            { name: g.DBParameterGroupName, inSync: g.ParameterApplyStatus === "in-sync", parameters },
          ];
        })
        .sort(),
    );
    const clusters: J[] = list(model, R("rds/describe-db-clusters"), "DBClusters");
    const out = await run(dbClustersCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).parameterGroup]).sort()).toEqual(
      clusters
        .map((c) => [
          c.DBClusterArn,
          {
            name: c.DBClusterParameterGroup,
            inSync: c.DBClusterMembers.every((m: J) => m.DBClusterParameterGroupStatus === "in-sync"),
            parameters: checked(c.DBClusterParameterGroup, "describe-db-cluster-parameters"),
          },
        ])
        .sort(),
    );
  });

  it("ec2 network: VPN connections, transit gateways, Client VPN endpoints, interfaces, Spot Fleets as listed", async () => {
    const vpns: J[] = list(model, R("ec2/describe-vpn-connections"), "VpnConnections");
    expect((await run(vpnConnectionsCollector)).assets.map((a) => cfg(a))).toEqual(
      vpns.map((v) => ({
        vpnConnectionId: v.VpnConnectionId,
        state: v.State,
        tunnelStatuses: v.VgwTelemetry.map((t: J) => t.Status),
        tunnelLogging: v.Options.TunnelOptions.map((t: J) => t.LogOptions.CloudWatchLogOptions.LogEnabled),
      })),
    );
    const gateways: J[] = list(model, R("ec2/describe-transit-gateways"), "TransitGateways");
    expect(
      (await run(transitGatewaysCollector)).assets.map((a) => [a.arn, cfg(a).autoAcceptSharedAttachments]),
    ).toEqual(gateways.map((t) => [t.TransitGatewayArn, t.Options.AutoAcceptSharedAttachments === "enable"]));
    const endpoints: J[] = list(model, R("ec2/describe-client-vpn-endpoints"), "ClientVpnEndpoints");
    expect((await run(clientVpnEndpointsCollector)).assets.map((a) => cfg(a))).toEqual(
      endpoints.map((e) => ({
        clientVpnEndpointId: e.ClientVpnEndpointId,
        connectionLogging: e.ConnectionLogOptions.Enabled,
      })),
    );
    const interfaces: J[] = list(model, R("ec2/describe-network-interfaces"), "NetworkInterfaces");
    const instances = list(model, R("ec2/describe-instances"), "Reservations").flatMap((r: J) => r.Instances);
    // Every instance's interfaces are listed, and more (a NAT gateway's, a NAT instance's).
    expect(interfaces.length).toBeGreaterThan(instances.length);
    expect(
      (await run(networkInterfacesCollector)).assets
        .map((a) => cfg(a))
        .sort((x, y) => x.networkInterfaceId.localeCompare(y.networkInterfaceId)),
    ).toEqual(
      interfaces
        .map((n) => ({
          networkInterfaceId: n.NetworkInterfaceId,
          interfaceType: n.InterfaceType,
          sourceDestCheck: n.SourceDestCheck,
        }))
        .sort((x, y) => x.networkInterfaceId.localeCompare(y.networkInterfaceId)),
    );
    const fleets: J[] = list(model, R("ec2/describe-spot-fleet-requests"), "SpotFleetRequestConfigs");
    expect(
      (await run(spotFleetRequestsCollector)).assets.map((a) => [
        cfg(a).spotFleetRequestId,
        cfg(a).hasLaunchSpecifications,
      ]),
    ).toEqual(
      fleets.map((f) => [f.SpotFleetRequestId, f.SpotFleetRequestConfig.LaunchSpecifications !== undefined]),
    );
  });

  it("ssm automation log setting: one per region, its value as GetServiceSetting answers", async () => {
    for (const r of model.regions) {
      const answer = file(model, `${r}/ssm/get-service-setting/customer-script-log-destination`) as J;
      const out = await run(ssmAutomationLogSettingCollector, r);
      expect(out.assets.map((a) => [a.arn, cfg(a).settingValue])).toEqual([
        [answer.ServiceSetting.ARN, answer.ServiceSetting.SettingValue],
      ]);
    }
  });

  it("dax clusters and MSK Connect connectors: encryption and logging as listed", async () => {
    const clusters: J[] = list(model, R("dax/describe-clusters"), "Clusters");
    expect((await run(daxClustersCollector)).assets.map((a) => [a.arn, cfg(a)])).toEqual(
      clusters.map((c) => [
        c.ClusterArn,
        {
          clusterName: c.ClusterName,
          encryptedAtRest: c.SSEDescription.Status === "ENABLED",
          endpointEncryption: c.ClusterEndpointEncryptionType,
        },
      ]),
    );
    const connectors: J[] = list(model, R("kafkaconnect/list-connectors"), "connectors");
    expect((await run(kafkaConnectConnectorsCollector)).assets.map((a) => [a.arn, cfg(a)])).toEqual(
      connectors.map((c) => [
        c.connectorArn,
        {
          connectorName: c.connectorName,
          encryptionInTransit: c.kafkaClusterEncryptionInTransit.encryptionType,
          logDestinations: c.logDelivery.workerLogDelivery.cloudWatchLogs.enabled ? ["cloudWatchLogs"] : [],
        },
      ]),
    );
  });

  it("lambda functions: a VPC function's zones are those of its subnets as the region lists them", async () => {
    const subnets: J[] = list(model, R("ec2/describe-subnets"), "Subnets");
    const functions: J[] = list(model, R("lambda/list-functions"), "Functions");
    expect(functions.some((f) => f.VpcConfig?.VpcId)).toBe(true);
    const out = await run(lambdaFunctionsCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).vpcAvailabilityZones]).sort()).toEqual(
      functions
        .map((f) => [
          f.FunctionArn,
          f.VpcConfig?.VpcId
            ? [
                ...new Set(
                  subnets
                    .filter((s) => f.VpcConfig.SubnetIds.includes(s.SubnetId))
                    .map((s) => s.AvailabilityZone),
                ),
              ].sort()
            : null,
        ])
        .sort(),
    );
  });

  it("efs file systems: mount targets in subnets that map public IPs on launch, from both listings", async () => {
    const subnets: J[] = list(model, R("ec2/describe-subnets"), "Subnets");
    const open = new Set(subnets.filter((n) => n.MapPublicIpOnLaunch).map((n) => n.SubnetId));
    const systems: J[] = list(model, R("efs/describe-file-systems"), "FileSystems");
    expect(systems.length).toBeGreaterThan(0);
    const out = await run(efsFileSystemsCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).mountTargetsInAutoPublicIpSubnets]).sort()).toEqual(
      systems
        .map((f) => [
          f.FileSystemArn,
          list(model, R(`efs/describe-mount-targets/${f.FileSystemId}`), "MountTargets")
            .filter((m: J) => open.has(m.SubnetId))
            .map((m: J) => m.SubnetId),
        ])
        .sort(),
    );
  });

  it("efs file systems: the backup plans whose resource assignments select them (by tag here)", async () => {
    const sides = new Set<boolean>();
    for (const r of model.regions) {
      const at = (path: string) => `${r}/${path}`;
      const systems: J[] = list(model, at("efs/describe-file-systems"), "FileSystems");
      const plans: J[] = list(model, at("backup/list-backup-plans"), "BackupPlansList");
      const out = await run(efsFileSystemsCollector, r);
      const expected = systems.map((f) => [
        f.FileSystemArn,
        f.Tags.some((t: J) => t.Key === "backup" && t.Value === "daily")
          ? plans.map((p) => p.BackupPlanName).sort()
          : [],
      ]);
      expect(out.assets.map((a) => [a.arn, cfg(a).backupPlans])).toEqual(expected);
      for (const [, p] of expected) sides.add((p as string[]).length > 0);
    }
    // Both sides occur: a file system in a plan and one in none.
    expect(sides).toEqual(new Set([true, false]));
  });

  it("redshift clusters: their security groups that admit the cluster port from anywhere", async () => {
    const groups: J[] = list(model, R("ec2/describe-security-groups"), "SecurityGroups");
    const clusters: J[] = list(model, R("redshift/describe-clusters"), "Clusters");
    const out = await run(redshiftClustersCollector);
    expect(out.assets.map((a) => [a.name, cfg(a).securityGroupsOpenOnPort]).sort()).toEqual(
      clusters
        .map((c) => [
          c.ClusterIdentifier,
          groups
            .filter((g) => c.VpcSecurityGroups.some((v: J) => v.VpcSecurityGroupId === g.GroupId))
            .filter((g) =>
              g.IpPermissions.some(
                (p: J) =>
                  p.FromPort <= c.Endpoint.Port &&
                  c.Endpoint.Port <= p.ToPort &&
                  p.IpRanges.some((r: J) => r.CidrIp === "0.0.0.0/0"),
              ),
            )
            .map((g) => g.GroupId),
        ])
        .sort(),
    );
  });

  it("rds instances: the subnets of their DB subnet group whose route table routes to an internet gateway", async () => {
    const seen = new Set<boolean>();
    for (const r of model.regions) {
      const tables: J[] = list(model, `${r}/ec2/describe-route-tables`, "RouteTables");
      const dbs: J[] = list(model, `${r}/rds/describe-db-instances`, "DBInstances");
      // The explicitly associated table, else the VPC's main one.
      const tableOf = (subnet: string, vpc: string): J =>
        tables.find((t) => t.Associations.some((a: J) => a.SubnetId === subnet)) ??
        tables.find((t) => t.VpcId === vpc && t.Associations.some((a: J) => a.Main === true));
      const expected = dbs
        .map((d) => [
          d.DBInstanceArn,
          (d.DBSubnetGroup?.Subnets ?? []).flatMap((s: J) => {
            const table = tableOf(s.SubnetIdentifier, d.DBSubnetGroup.VpcId);
            const igw = table?.Routes.find((x: J) => x.State === "active" && x.GatewayId?.startsWith("igw-"));
            return igw === undefined
              ? []
              : [
                  {
                    subnetId: s.SubnetIdentifier,
                    routeTableId: table.RouteTableId,
                    gatewayId: igw.GatewayId,
                  },
                ];
          }),
        ])
        .sort();
      const out = await run(rdsInstancesCollector, r);
      expect(out.assets.map((a) => [a.arn, cfg(a).subnetsRoutedToInternetGateway]).sort()).toEqual(expected);
      for (const [, routed] of expected) seen.add(routed.length > 0);
    }
    // Every simulated instance has a DB subnet group; some in private subnets, some in public ones.
    expect(list(model, R("rds/describe-db-instances"), "DBInstances").every((d) => d.DBSubnetGroup)).toBe(
      true,
    );
    expect([...seen].sort()).toEqual([false, true]);
  });

  it("ec2 subnets: every subnet as listed, with the default flag and MapPublicIpOnLaunch", async () => {
    const subnets = list(model, R("ec2/describe-subnets"), "Subnets");
    const out = await run(subnetsCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a)]).sort()).toEqual(
      subnets
        .map((n) => [
          n.SubnetArn,
          {
            subnetId: n.SubnetId,
            vpcId: n.VpcId,
            availabilityZone: n.AvailabilityZone,
            defaultForAz: n.DefaultForAz,
            mapPublicIpOnLaunch: n.MapPublicIpOnLaunch,
          },
        ])
        .sort(),
    );
  });

  it("efs file systems: automatic backups from the backup policy (no policy: PolicyNotFound, off)", async () => {
    const fileSystems = list(model, R("efs/describe-file-systems"), "FileSystems");
    const out = await run(efsFileSystemsCollector);
    expect(out.assets.map((a) => [cfg(a).fileSystemId, cfg(a).automaticBackups]).sort()).toEqual(
      fileSystems
        .map((f) => {
          const p = model.files.get(`${region}/efs/describe-backup-policy/${f.FileSystemId}`) as J;
          return [f.FileSystemId, p?.BackupPolicy?.Status === "ENABLED"];
        })
        .sort(),
    );
  });

  it("cloudwatch metric filters and SNS alarms become monitoring facts", async () => {
    const out = await run(cisMonitoringCollector);
    expect(out.assets).toEqual([]);
    expect(out.monitoring?.filters).toHaveLength(
      list(model, R("logs/describe-metric-filters"), "metricFilters").length,
    );
    const alarms = list(model, R("cloudwatch/describe-alarms"), "MetricAlarms").filter((a) =>
      ((a.AlarmActions as string[] | undefined) ?? []).some((x) => x.startsWith("arn:aws:sns:")),
    );
    expect(out.monitoring?.alarmedMetrics).toEqual(
      [...new Set(alarms.map((a) => `${a.Namespace}/${a.MetricName}`))].sort(),
    );
  });

  it("lambda functions and eks clusters", async () => {
    const fns = list(model, R("lambda/list-functions"), "Functions");
    const lambdas = await run(lambdaFunctionsCollector);
    expect(lambdas.assets.map((a) => [a.arn, cfg(a).runtime]).sort()).toEqual(
      fns.map((f) => [f.FunctionArn, f.Runtime]).sort(),
    );
    // GetPolicy per function: a public function URL policy, a scoped one, or none (not found).
    for (const a of lambdas.assets) {
      const policy = model.files.get(`${region}/lambda/get-policy/${a.name}`) as
        | { Policy: string }
        | undefined;
      expect(cfg(a).policyPublic, a.name).toBe(policy?.Policy.includes('"Principal":"*"') === true);
    }
    const names = (file(model, R("eks/list-clusters")).clusters as string[]) ?? [];
    const eks = await run(eksClustersCollector);
    expect(eks.assets.map((a) => a.name).sort()).toEqual([...names].sort());
    for (const a of eks.assets) {
      const cluster = file(model, `${region}/eks/describe-cluster/${a.name}`).cluster as Record<string, J>;
      expect(cfg(a).endpointPublicAccess).toBe(cluster.resourcesVpcConfig?.endpointPublicAccess === true);
    }
  });

  it("api gateway REST APIs with their stages; HTTP and WebSocket APIs with their stages and routes", async () => {
    const apis = list(model, R("apigateway/get-rest-apis"), "items");
    const rest = await run(restApisCollector);
    expect(rest.assets.map((a) => a.name).sort()).toEqual(apis.map((a) => a.name).sort());
    for (const a of rest.assets) {
      const stages = list(model, R(`apigateway/get-stages/${cfg(a).restApiId}`), "item");
      expect(cfg(a).stages.map((s: J) => [s.stageName, s.loggingLevel, s.tracingEnabled])).toEqual(
        stages.map((s: J) => [s.stageName, s.methodSettings["*/*"].loggingLevel ?? null, s.tracingEnabled]),
      );
    }
    const v2apis = list(model, R("apigatewayv2/get-apis"), "Items");
    const v2 = await run(v2ApisCollector);
    expect(v2.assets.map((a) => [a.name, cfg(a).protocolType]).sort()).toEqual(
      v2apis.map((a) => [a.Name, a.ProtocolType]).sort(),
    );
    for (const a of v2.assets) {
      const routes = list(model, R(`apigatewayv2/get-routes/${cfg(a).apiId}`), "Items");
      expect(cfg(a).routes.map((r: J) => [r.routeKey, r.authorizationType])).toEqual(
        routes.map((r) => [r.RouteKey, r.AuthorizationType]),
      );
      const stages = list(model, R(`apigatewayv2/get-stages/${cfg(a).apiId}`), "Items");
      expect(cfg(a).stages.map((s: J) => s.accessLogDestination)).toEqual(
        stages.map((s: J) => s.AccessLogSettings?.DestinationArn ?? null),
      );
    }
  });

  it("acm certificates of every key type, with their transparency logging preference", async () => {
    const summaries = list(model, R("acm/list-certificates"), "CertificateSummaryList");
    expect(summaries.some((s) => String(s.KeyAlgorithm).startsWith("EC"))).toBe(true);
    const acm = await run(acmCertificatesCollector);
    expect(acm.assets.map((a) => a.arn).sort()).toEqual(summaries.map((s) => s.CertificateArn).sort());
    for (const s of summaries) {
      const asset = acm.byArn.get(String(s.CertificateArn));
      const id = String(s.CertificateArn).split("/").at(-1);
      const options = (file(model, R(`acm/describe-certificate/${id}`)).Certificate as J).Options;
      expect(cfg(asset).keyAlgorithm).toBe(s.KeyAlgorithm);
      expect(cfg(asset).notAfter).toBe(new Date(String(s.NotAfter)).toISOString());
      expect(cfg(asset).transparencyLogging).toBe(
        options.CertificateTransparencyLoggingPreference === "ENABLED",
      );
    }
  });

  it("wafv2 web ACLs: regional ones per region, CloudFront ones from us-east-1 (global)", async () => {
    for (const [collector, scope] of [
      [regionalWebAclsCollector, region],
      [cloudFrontWebAclsCollector, "global"],
    ] as const) {
      const summaries = list(model, `${scope}/wafv2/list-web-acls`, "WebACLs");
      const out = await run(collector);
      expect(out.assets.map((a) => [a.arn, a.region]).sort()).toEqual(
        summaries.map((s) => [s.ARN, scope]).sort(),
      );
      for (const s of summaries) {
        const asset = out.byArn.get(String(s.ARN));
        const acl = file(model, `${scope}/wafv2/get-web-acl/${s.Id}`).WebACL as J;
        expect(cfg(asset).rules.map((r: J) => r.name)).toEqual(acl.Rules.map((r: J) => r.Name));
        expect(cfg(asset).loggingEnabled).toBe(
          model.files.has(`${scope}/wafv2/get-logging-configuration/${s.Id}`),
        );
      }
    }
  });

  it("cloudfront distributions (global) with their configuration", async () => {
    const items = (file(model, "global/cloudfront/list-distributions").DistributionList as J).Items as J[];
    const cf = await run(cloudFrontDistributionsCollector);
    expect(cf.assets.map((a) => a.arn).sort()).toEqual(items.map((d) => d.ARN).sort());
    for (const d of items) {
      const asset = cf.byArn.get(d.ARN);
      expect(asset?.region).toBe("global");
      const config = file(model, `global/cloudfront/get-distribution-config/${d.Id}`).DistributionConfig as J;
      expect(cfg(asset).defaultRootObject).toBe(config.DefaultRootObject || null);
      expect(cfg(asset).loggingEnabled).toBe(config.Logging.Enabled);
      expect(cfg(asset).webAclId).toBe(d.WebACLId || null);
      expect(cfg(asset).origins.map((x: J) => [x.id, x.s3])).toEqual(
        d.Origins.Items.map((x: J) => [x.Id, x.S3OriginConfig !== undefined]),
      );
      expect(cfg(asset).viewerProtocolPolicies).toEqual([d.DefaultCacheBehavior.ViewerProtocolPolicy]);
    }
  });

  it("elbv2 load balancers with their listeners and attributes; classic load balancers with theirs", async () => {
    const lbs = list(model, R("elbv2/describe-load-balancers"), "LoadBalancers");
    const v2 = await run(elbv2LoadBalancersCollector);
    expect(v2.assets.map((a) => a.arn).sort()).toEqual(lbs.map((l) => l.LoadBalancerArn).sort());
    for (const lb of lbs) {
      const asset = v2.byArn.get(String(lb.LoadBalancerArn));
      const listeners = list(model, R(`elbv2/describe-listeners/${lb.LoadBalancerName}`), "Listeners");
      expect(cfg(asset).listeners.map((l: J) => [l.port, l.protocol, l.sslPolicy])).toEqual(
        listeners.map((l) => [l.Port, l.Protocol, l.SslPolicy ?? null]),
      );
      const attrs = list(
        model,
        R(`elbv2/describe-load-balancer-attributes/${lb.LoadBalancerName}`),
        "Attributes",
      );
      const value = (key: string) => attrs.find((x) => x.Key === key)?.Value;
      expect(cfg(asset).deletionProtectionEnabled).toBe(value("deletion_protection.enabled") === "true");
      expect(cfg(asset).desyncMitigationMode).toBe(value("routing.http.desync_mitigation_mode") ?? null);
      expect(cfg(asset).availabilityZones).toHaveLength((lb.AvailabilityZones as J[]).length);
    }
    const classic = list(model, R("elb/describe-load-balancers"), "LoadBalancerDescriptions");
    const v1 = await run(elbLoadBalancersCollector);
    expect(v1.assets.map((a) => a.name).sort()).toEqual(classic.map((l) => l.LoadBalancerName).sort());
    for (const a of v1.assets) {
      const attrs = file(model, R(`elb/describe-load-balancer-attributes/${a.name}`))
        .LoadBalancerAttributes as J;
      expect(cfg(a).crossZoneLoadBalancingEnabled).toBe(attrs.CrossZoneLoadBalancing.Enabled);
      expect(cfg(a).connectionDrainingEnabled).toBe(attrs.ConnectionDraining.Enabled);
      expect(cfg(a).accessLogEnabled).toBe(attrs.AccessLog.Enabled);
    }
  });

  it("classic load balancers: each HTTPS/SSL listener's SSL negotiation policy, read only for those with one; a denied read leaves it unread", async () => {
    const ELB8 = "vigil.elb.ssl-listeners-use-predefined-tls12-policy";
    const tls = (d: J) => ["HTTPS", "SSL"].includes(d.Listener.Protocol);
    const classic: J[] = list(model, R("elb/describe-load-balancers"), "LoadBalancerDescriptions");
    const withTls = classic.filter((lb) => lb.ListenerDescriptions.some(tls));
    expect(withTls.length).toBeGreaterThan(0);
    expect(withTls.length).toBeLessThan(classic.length);
    const collect = async (m: typeof model) => {
      const { clients: sim } = simulated(m);
      const paths: string[] = [];
      const read = new AccountReader((path) => paths.push(path), { strict: true });
      try {
        const out = await elbLoadBalancersCollector.collect(contextOf(sim, read, region, m.accountId));
        return { assets: out.assets, paths, read };
      } finally {
        sim.destroy();
      }
    };

    const { assets, paths, read } = await collect(model);
    expect(read.denied).toEqual([]);
    // The policies are read for the load balancers with an HTTPS or SSL listener, and only for them.
    expect(paths.filter((p) => p.includes("/describe-load-balancer-policies/")).sort()).toEqual(
      withTls.map((lb) => `${R("elb/describe-load-balancer-policies")}/${lb.LoadBalancerName}`).sort(),
    );
    for (const lb of classic) {
      const asset = assets.find((a) => a.name === lb.LoadBalancerName);
      expect(parseAsset(asset), lb.LoadBalancerName).toMatchObject({ ok: true });
      const policies: J[] = lb.ListenerDescriptions.some(tls)
        ? list(model, R(`elb/describe-load-balancer-policies/${lb.LoadBalancerName}`), "PolicyDescriptions")
        : [];
      expect(cfg(asset).sslListenerPolicies).toEqual(
        lb.ListenerDescriptions.filter(tls).map((d: J) => {
          const p = policies.find(
            (x) => x.PolicyTypeName === "SSLNegotiationPolicyType" && d.PolicyNames.includes(x.PolicyName),
          );
          return {
            protocol: d.Listener.Protocol,
            loadBalancerPort: d.Listener.LoadBalancerPort,
            policyName: p?.PolicyName ?? null,
            referenceSecurityPolicy:
              p?.PolicyAttributeDescriptions.find((a: J) => a.AttributeName === "Reference-Security-Policy")
                ?.AttributeValue ?? null,
          };
        }),
      );
    }
    const verdicts = (found: Asset[]) =>
      evaluate(found, { now: "2026-06-01T00:00:00Z", selection: { enabledChecks: [ELB8] } }).reports.map(
        (r) => [r.asset.name, r.results.find((x) => x.checkId === ELB8)?.status],
      );
    expect(verdicts(assets).sort()).toEqual(
      classic
        .map((lb) => [
          lb.LoadBalancerName,
          lb.ListenerDescriptions.some(tls)
            ? cfg(assets.find((a) => a.name === lb.LoadBalancerName)).sslListenerPolicies.every(
                (l: J) => l.referenceSecurityPolicy === "ELBSecurityPolicy-TLS-1-2-2017-01",
              )
              ? "pass"
              : "fail"
            : undefined,
        ])
        .sort(),
    );

    // Denied for one of them: its policies are unread (not an empty list), its verdict an error.
    const victim = String(withTls[0].LoadBalancerName);
    const files = new Map(model.files);
    files.set(R(`elb/describe-load-balancer-policies/${victim}`), {
      Error: { Code: "AccessDenied", Message: "denied by the test" },
    });
    const denied = await collect({ ...model, files });
    expect(denied.read.denied.map((d) => d.path)).toEqual([
      `${R("elb/describe-load-balancer-policies")}/${victim}`,
    ]);
    const asset = denied.assets.find((a) => a.name === victim);
    expect(cfg(asset).sslListenerPolicies).toBeUndefined();
    expect(asset?.unread?.sslListenerPolicies).toMatchObject({
      kind: "denied",
      call: "elb:DescribeLoadBalancerPolicies",
    });
    expect(parseAsset(asset)).toMatchObject({ ok: true });
    expect(new Map(verdicts(denied.assets) as [string, string][]).get(victim)).toBe("error");
    // The other load balancers keep their verdicts.
    expect(verdicts(denied.assets).filter(([name]) => name !== victim)).toEqual(
      verdicts(assets).filter(([name]) => name !== victim),
    );
  });

  it("redshift clusters with their audit logging and their parameter group's require_ssl", async () => {
    const clusters: J[] = list(model, R("redshift/describe-clusters"), "Clusters");
    expect(clusters.length).toBeGreaterThan(0);
    const out = await run(redshiftClustersCollector);
    expect(out.assets.map((a) => a.name).sort()).toEqual(clusters.map((c) => c.ClusterIdentifier).sort());
    for (const c of clusters) {
      const asset = out.byArn.get(
        `arn:aws:redshift:${region}:${model.accountId}:cluster:${c.ClusterIdentifier}`,
      );
      const group = c.ClusterParameterGroups[0].ParameterGroupName;
      const ssl = list(model, R(`redshift/describe-cluster-parameters/${group}`), "Parameters").find(
        (p) => p.ParameterName === "require_ssl",
      );
      expect(cfg(asset)).toMatchObject({
        publiclyAccessible: c.PubliclyAccessible,
        encrypted: c.Encrypted,
        automatedSnapshotRetentionPeriod: c.AutomatedSnapshotRetentionPeriod,
        masterUsername: c.MasterUsername,
        dbName: c.DBName,
        loggingEnabled: file(model, R(`redshift/describe-logging-status/${c.ClusterIdentifier}`))
          .LoggingEnabled,
        requireSsl: ssl?.ParameterValue === "true",
      });
    }
  });

  it("dms replication instances, endpoints (with their engine settings) and tasks (their logging settings)", async () => {
    const instances = list(model, R("dms/describe-replication-instances"), "ReplicationInstances");
    const i = await run(dmsReplicationInstancesCollector);
    expect(i.assets.map((a) => [a.arn, cfg(a).publiclyAccessible, cfg(a).multiAz]).sort()).toEqual(
      instances.map((x) => [x.ReplicationInstanceArn, x.PubliclyAccessible, x.MultiAZ]).sort(),
    );
    const endpoints = list(model, R("dms/describe-endpoints"), "Endpoints");
    const e = await run(dmsEndpointsCollector);
    expect(e.assets.map((a) => [a.arn, cfg(a).engineName, cfg(a).sslMode]).sort()).toEqual(
      endpoints.map((x) => [x.EndpointArn, x.EngineName, x.SslMode]).sort(),
    );
    const tasks = list(model, R("dms/describe-replication-tasks"), "ReplicationTasks");
    const t = await run(dmsReplicationTasksCollector);
    expect(t.assets.map((a) => [a.arn, cfg(a).loggingEnabled]).sort()).toEqual(
      tasks
        .map((x) => [
          x.ReplicationTaskArn,
          JSON.parse(String(x.ReplicationTaskSettings)).Logging.EnableLogging,
        ])
        .sort(),
    );
  });

  it("opensearch domains as DescribeDomain describes them", async () => {
    const names: J[] = list(model, R("opensearch/list-domain-names"), "DomainNames");
    expect(names.length).toBeGreaterThan(0);
    const out = await run(openSearchDomainsCollector);
    expect(out.assets.map((a) => a.name).sort()).toEqual(names.map((d) => d.DomainName).sort());
    for (const { DomainName } of names) {
      const d = file(model, R(`opensearch/describe-domain/${DomainName}`)).DomainStatus as J;
      expect(cfg(out.byArn.get(d.ARN))).toMatchObject({
        encryptionAtRest: d.EncryptionAtRestOptions.Enabled,
        inVpc: d.VPCOptions !== undefined,
        instanceCount: d.ClusterConfig.InstanceCount,
        dedicatedMasterCount: d.ClusterConfig.DedicatedMasterCount ?? 0,
        auditLogs: d.LogPublishingOptions.AUDIT_LOGS?.Enabled === true,
        tlsSecurityPolicy: d.DomainEndpointOptions.TLSSecurityPolicy,
        softwareUpdateAvailable: d.ServiceSoftwareOptions.UpdateAvailable,
      });
    }
  });

  it("documentdb, neptune and rds clusters and cluster snapshots, through the RDS API (engine filter)", async () => {
    const clusters: J[] = list(model, R("rds/describe-db-clusters"), "DBClusters");
    const rdsEngines = ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"];
    expect(new Set(clusters.map((c) => c.Engine))).toEqual(new Set(["docdb", "neptune", ...rdsEngines]));
    const out = await run(dbClustersCollector);
    const typeOf = (engine: string) => (rdsEngines.includes(engine) ? "rds" : engine);
    expect(out.assets.map((a) => [a.arn, a.type]).sort()).toEqual(
      clusters.map((c) => [c.DBClusterArn, `aws.${typeOf(c.Engine)}.cluster`]).sort(),
    );
    for (const c of clusters) {
      expect(cfg(out.byArn.get(c.DBClusterArn))).toMatchObject({
        storageEncrypted: c.StorageEncrypted,
        backupRetentionPeriod: c.BackupRetentionPeriod,
        deletionProtection: c.DeletionProtection,
        cloudwatchLogsExports: c.EnabledCloudwatchLogsExports ?? [],
        multiAZ: c.MultiAZ,
        copyTagsToSnapshot: c.CopyTagsToSnapshot,
        iamDatabaseAuthentication: c.IAMDatabaseAuthenticationEnabled,
      });
      if (rdsEngines.includes(c.Engine)) {
        const config = cfg(out.byArn.get(c.DBClusterArn));
        expect(config).toMatchObject({
          masterUsername: c.MasterUsername,
          backtrackWindow: c.BacktrackWindow ?? 0,
        });
        // Only Multi-AZ DB clusters answer it; Aurora's is per instance and stays unset.
        expect(config.autoMinorVersionUpgrade).toBe(c.AutoMinorVersionUpgrade);
        expect("autoMinorVersionUpgrade" in config).toBe(!String(c.Engine).startsWith("aurora"));
      }
    }
    const snapshots: J[] = list(model, R("rds/describe-db-cluster-snapshots"), "DBClusterSnapshots");
    const snaps = await run(dbClusterSnapshotsCollector);
    expect(snaps.assets.map((a) => a.arn).sort()).toEqual(
      snapshots.map((s) => s.DBClusterSnapshotArn).sort(),
    );
    for (const s of snapshots) {
      const key = R(`rds/describe-db-cluster-snapshot-attributes/${s.DBClusterSnapshotIdentifier}`);
      const shared = model.files.has(key)
        ? (file(model, key).DBClusterSnapshotAttributesResult as J).DBClusterSnapshotAttributes[0]
            .AttributeValues
        : [];
      expect(cfg(snaps.byArn.get(s.DBClusterSnapshotArn)).restoreAttributeValues).toEqual(shared);
    }
  });

  it("msk clusters: provisioned settings read, serverless ones without them", async () => {
    const clusters = list(model, R("kafka/list-clusters-v2"), "ClusterInfoList");
    const out = await run(kafkaClustersCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).clusterType, cfg(a).publicAccessType]).sort()).toEqual(
      clusters
        .map((c) => [
          c.ClusterArn,
          c.ClusterType,
          c.ClusterType === "SERVERLESS"
            ? null
            : (c.Provisioned as J).BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type,
        ])
        .sort(),
    );
  });

  it("kinesis streams with their encryption and retention", async () => {
    const names = file(model, R("kinesis/list-streams")).StreamNames as string[];
    const out = await run(kinesisStreamsCollector);
    expect(out.assets.map((a) => [a.arn, cfg(a).encryptionType, cfg(a).retentionPeriodHours]).sort()).toEqual(
      names
        .map((name) => {
          const d = file(model, R(`kinesis/describe-stream-summary/${name}`)).StreamDescriptionSummary as J;
          return [d.StreamARN, d.EncryptionType, d.RetentionPeriodHours];
        })
        .sort(),
    );
  });

  it("sagemaker notebook instances, endpoint configurations and models, each described", async () => {
    const notebooks = list(model, R("sagemaker/list-notebook-instances"), "NotebookInstances");
    const n = await run(sageMakerNotebookInstancesCollector);
    expect(n.assets.map((a) => [a.arn, cfg(a).rootAccess]).sort()).toEqual(
      notebooks
        .map((x) => [
          x.NotebookInstanceArn,
          file(model, R(`sagemaker/describe-notebook-instance/${x.NotebookInstanceName}`)).RootAccess,
        ])
        .sort(),
    );
    const configs = list(model, R("sagemaker/list-endpoint-configs"), "EndpointConfigs");
    const e = await run(sageMakerEndpointConfigsCollector);
    expect(e.assets.map((a) => a.arn).sort()).toEqual(configs.map((x) => x.EndpointConfigArn).sort());
    const models = list(model, R("sagemaker/list-models"), "Models");
    const m = await run(sageMakerModelsCollector);
    expect(m.assets.map((a) => [a.arn, cfg(a).networkIsolation]).sort()).toEqual(
      models
        .map((x) => [
          x.ModelArn,
          file(model, R(`sagemaker/describe-model/${x.ModelName}`)).EnableNetworkIsolation,
        ])
        .sort(),
    );
  });

  it("network firewalls (with their logging), firewall policies and rule groups, each described", async () => {
    const firewalls = list(model, R("network-firewall/list-firewalls"), "Firewalls");
    const f = await run(networkFirewallsCollector);
    expect(f.assets.map((a) => [a.arn, cfg(a).logTypes.length > 0]).sort()).toEqual(
      firewalls
        .map((x) => [
          x.FirewallArn,
          model.files.has(R(`network-firewall/describe-logging-configuration/${x.FirewallName}`)),
        ])
        .sort(),
    );
    const policies = list(model, R("network-firewall/list-firewall-policies"), "FirewallPolicies");
    const p = await run(networkFirewallPoliciesCollector);
    expect(p.assets.map((a) => a.arn).sort()).toEqual(policies.map((x) => x.Arn).sort());
    const groups = list(model, R("network-firewall/list-rule-groups"), "RuleGroups");
    const g = await run(networkFirewallRuleGroupsCollector);
    expect(g.assets.map((a) => [a.arn, cfg(a).ruleGroupType]).sort()).toEqual(
      groups.map((x) => [x.Arn, "STATELESS"]).sort(),
    );
  });
});
