import * as appscaling from "@aws-sdk/client-application-auto-scaling";
import * as autoscaling from "@aws-sdk/client-auto-scaling";
import * as backup from "@aws-sdk/client-backup";
import * as cloudtrail from "@aws-sdk/client-cloudtrail";
import * as cloudwatch from "@aws-sdk/client-cloudwatch";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import * as ec2 from "@aws-sdk/client-ec2";
import * as eks from "@aws-sdk/client-eks";
import * as elb from "@aws-sdk/client-elastic-load-balancing";
import * as iam from "@aws-sdk/client-iam";
import * as kms from "@aws-sdk/client-kms";
import * as lambda from "@aws-sdk/client-lambda";
import * as rds from "@aws-sdk/client-rds";
import * as s3 from "@aws-sdk/client-s3";
import * as s3control from "@aws-sdk/client-s3-control";
import * as sts from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import {
  type AccountModel,
  createSimulatedAccount,
  generateAccount,
  type SimulatedAccount,
} from "../src/index.ts";

type J = Record<string, unknown>;

const model = generateAccount({
  seed: "sdk-suite",
  regions: ["us-east-1", "eu-west-1"],
  assetsPerRegion: 12,
  misconfigurationRate: 0.4,
});

function file(m: AccountModel, key: string): J {
  const v = m.files.get(key);
  if (v === undefined) throw new Error(`fixture has no ${key}`);
  return v as J;
}

function clients(account: SimulatedAccount, region = "eu-west-1") {
  const cfg = {
    region,
    credentials: { accessKeyId: "AKIASIMULATED", secretAccessKey: "sim" },
    requestHandler: account.requestHandler,
  };
  return {
    ec2: new ec2.EC2Client(cfg),
    s3: new s3.S3Client(cfg),
    iam: new iam.IAMClient(cfg),
    rds: new rds.RDSClient(cfg),
    sts: new sts.STSClient(cfg),
    cloudtrail: new cloudtrail.CloudTrailClient(cfg),
    kms: new kms.KMSClient(cfg),
    logs: new logs.CloudWatchLogsClient(cfg),
    cloudwatch: new cloudwatch.CloudWatchClient(cfg),
    lambda: new lambda.LambdaClient(cfg),
    eks: new eks.EKSClient(cfg),
    autoscaling: new autoscaling.AutoScalingClient(cfg),
    elb: new elb.ElasticLoadBalancingClient(cfg),
    backup: new backup.BackupClient(cfg),
    s3control: new s3control.S3ControlClient(cfg),
    appscaling: new appscaling.ApplicationAutoScalingClient(cfg),
  };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

describe("simulated account through the real SDK clients", () => {
  const account = createSimulatedAccount(model, { throttling: false });
  const c = clients(account);
  const region = "eu-west-1";

  it("answers STS GetCallerIdentity with the account id", async () => {
    const out = await c.sts.send(new sts.GetCallerIdentityCommand({}));
    expect(out.Account).toBe(model.accountId);
    expect(out.Arn).toMatch(/^arn:aws:sts::\d{12}:assumed-role\//);
  });

  it("serves EC2 describe calls, paginated, with ids and tag filters", async () => {
    const regions = await c.ec2.send(new ec2.DescribeRegionsCommand({}));
    expect(regions.Regions?.map((r) => r.RegionName)).toEqual(["us-east-1", "eu-west-1"]);

    const expected = (file(model, `${region}/ec2/describe-instances`).Reservations as J[]).flatMap(
      (r) => r.Instances as J[],
    );
    const pages = await collect(ec2.paginateDescribeInstances({ client: c.ec2, pageSize: 5 }, {}));
    expect(pages.length).toBe(Math.ceil(expected.length / 5));
    const instances = pages.flatMap((p) => p.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    expect(instances.map((i) => i.InstanceId)).toEqual(expected.map((i) => i.InstanceId));
    expect(instances[0]?.LaunchTime).toBeInstanceOf(Date);
    expect(instances[0]?.LaunchTime?.toISOString().slice(0, 19)).toBe(
      String(expected[0]?.LaunchTime).slice(0, 19),
    );
    expect(instances.map((i) => i.MetadataOptions?.HttpTokens)).toEqual(
      expected.map((i) => (i.MetadataOptions as J).HttpTokens),
    );

    const one = await c.ec2.send(
      new ec2.DescribeInstancesCommand({ InstanceIds: [String(expected[2]?.InstanceId)] }),
    );
    expect(one.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(expected[2]?.InstanceId);
    await expect(
      c.ec2.send(new ec2.DescribeInstancesCommand({ InstanceIds: ["i-0000000000000dead"] })),
    ).rejects.toMatchObject({
      name: "InvalidInstanceID.NotFound",
    });

    const vigil = (file(model, `${region}/ec2/describe-security-groups`).SecurityGroups as J[]).filter((g) =>
      ((g.Tags as J[]) ?? []).some((t) => t.Key === "Created By" && t.Value === "Vigil"),
    );
    const tagged = await c.ec2.send(
      new ec2.DescribeSecurityGroupsCommand({ Filters: [{ Name: "tag:Created By", Values: ["Vigil"] }] }),
    );
    expect(tagged.SecurityGroups?.map((g) => g.GroupId)).toEqual(vigil.map((g) => g.GroupId));
    const allGroups = await c.ec2.send(new ec2.DescribeSecurityGroupsCommand({}));
    const open = allGroups.SecurityGroups?.filter((g) =>
      g.IpPermissions?.some(
        (p) =>
          p.IpRanges?.some((r) => r.CidrIp === "0.0.0.0/0") && (p.FromPort === 22 || p.FromPort === 3389),
      ),
    );
    expect(open?.length).toBe(
      (file(model, `${region}/ec2/describe-security-groups`).SecurityGroups as J[]).filter((g) =>
        (g.IpPermissions as J[]).some(
          (p) =>
            (p.IpRanges as J[]).some((r) => r.CidrIp === "0.0.0.0/0") &&
            (p.FromPort === 22 || p.FromPort === 3389),
        ),
      ).length,
    );

    const volumes = await collect(ec2.paginateDescribeVolumes({ client: c.ec2, pageSize: 5 }, {}));
    expect(volumes.flatMap((p) => p.Volumes ?? []).length).toBe(
      (file(model, `${region}/ec2/describe-volumes`).Volumes as J[]).length,
    );
    expect(volumes.length).toBeGreaterThan(1);

    const snapshots = await c.ec2.send(new ec2.DescribeSnapshotsCommand({ OwnerIds: ["self"] }));
    const modelSnapshots = file(model, `${region}/ec2/describe-snapshots`).Snapshots as J[];
    expect(snapshots.Snapshots?.map((s) => s.SnapshotId)).toEqual(modelSnapshots.map((s) => s.SnapshotId));
    for (const s of modelSnapshots) {
      const attr = await c.ec2.send(
        new ec2.DescribeSnapshotAttributeCommand({
          SnapshotId: String(s.SnapshotId),
          Attribute: "createVolumePermission",
        }),
      );
      expect(attr.CreateVolumePermissions).toEqual(
        file(model, `${region}/ec2/describe-snapshot-attribute/${s.SnapshotId}`).CreateVolumePermissions,
      );
    }

    const vpcs = await c.ec2.send(new ec2.DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.length).toBe((file(model, `${region}/ec2/describe-vpcs`).Vpcs as J[]).length);
    const vpcId = String(vpcs.Vpcs?.[0]?.VpcId);
    const flowLogs = await c.ec2.send(
      new ec2.DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: [vpcId] }] }),
    );
    expect(flowLogs.FlowLogs?.map((f) => f.ResourceId)).toEqual(
      (file(model, `${region}/ec2/describe-flow-logs`).FlowLogs as J[])
        .filter((f) => f.ResourceId === vpcId)
        .map((f) => f.ResourceId),
    );
    const nacls = await c.ec2.send(
      new ec2.DescribeNetworkAclsCommand({ Filters: [{ Name: "default", Values: ["true"] }] }),
    );
    expect(nacls.NetworkAcls?.length).toBe(vpcs.Vpcs?.length);
    expect(nacls.NetworkAcls?.[0]?.Entries?.[0]?.RuleAction).toBe("allow");
    const ebs = await c.ec2.send(new ec2.GetEbsEncryptionByDefaultCommand({}));
    expect(ebs.EbsEncryptionByDefault).toBe(
      file(model, `${region}/ec2/get-ebs-encryption-by-default`).EbsEncryptionByDefault,
    );
    const templates = await c.ec2.send(new ec2.DescribeLaunchTemplatesCommand({}));
    expect(templates.LaunchTemplates?.map((t) => t.LaunchTemplateName)).toEqual(
      (file(model, `${region}/ec2/describe-launch-templates`).LaunchTemplates as J[]).map(
        (t) => t.LaunchTemplateName,
      ),
    );
  });

  it("serves S3 bucket settings, with the not-configured errors", async () => {
    const buckets = await c.s3.send(new s3.ListBucketsCommand({}));
    const modelBuckets = file(model, "global/s3api/list-buckets").Buckets as J[];
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(modelBuckets.map((b) => b.Name));
    for (const b of modelBuckets) {
      const Bucket = String(b.Name);
      const at = (cmd: string) => model.files.get(`global/s3api/${cmd}/${Bucket}`) as J | undefined;
      const location = await c.s3.send(new s3.GetBucketLocationCommand({ Bucket }));
      expect(location.LocationConstraint ?? null).toBe(at("get-bucket-location")?.LocationConstraint);
      const enc = c.s3.send(new s3.GetBucketEncryptionCommand({ Bucket }));
      if (at("get-bucket-encryption")) {
        expect((await enc).ServerSideEncryptionConfiguration).toEqual(
          at("get-bucket-encryption")?.ServerSideEncryptionConfiguration,
        );
      } else
        await expect(enc).rejects.toMatchObject({ name: "ServerSideEncryptionConfigurationNotFoundError" });
      const pab = c.s3.send(new s3.GetPublicAccessBlockCommand({ Bucket }));
      if (at("get-public-access-block"))
        expect((await pab).PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
      else await expect(pab).rejects.toMatchObject({ name: "NoSuchPublicAccessBlockConfiguration" });
      const policy = c.s3.send(new s3.GetBucketPolicyCommand({ Bucket }));
      const status = c.s3.send(new s3.GetBucketPolicyStatusCommand({ Bucket }));
      if (at("get-bucket-policy")) {
        expect(JSON.parse(String((await policy).Policy))).toEqual(
          JSON.parse(String(at("get-bucket-policy")?.Policy)),
        );
        expect((await status).PolicyStatus?.IsPublic).toBe(
          (at("get-bucket-policy-status")?.PolicyStatus as J | undefined)?.IsPublic,
        );
      } else {
        await expect(policy).rejects.toMatchObject({
          $metadata: { httpStatusCode: 404 },
          Code: "NoSuchBucketPolicy",
        });
        await expect(status).rejects.toMatchObject({ Code: "NoSuchBucketPolicy" });
      }
      const versioning = await c.s3.send(new s3.GetBucketVersioningCommand({ Bucket }));
      expect(versioning.Status).toBe(at("get-bucket-versioning")?.Status);
      const logging = await c.s3.send(new s3.GetBucketLoggingCommand({ Bucket }));
      expect(logging.LoggingEnabled).toEqual(at("get-bucket-logging")?.LoggingEnabled);
      const acl = await c.s3.send(new s3.GetBucketAclCommand({ Bucket }));
      expect(acl.Grants?.[0]?.Permission).toBe("FULL_CONTROL");
      const tagging = c.s3.send(new s3.GetBucketTaggingCommand({ Bucket }));
      if (at("get-bucket-tagging"))
        expect((await tagging).TagSet).toEqual([{ Key: "Created By", Value: "Vigil" }]);
      else await expect(tagging).rejects.toMatchObject({ Code: "NoSuchTagSet" });
    }
    await expect(
      c.s3.send(new s3.GetBucketAclCommand({ Bucket: "no-such-bucket-here" })),
    ).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("serves RDS instances, snapshots and snapshot attributes", async () => {
    const dbs = await c.rds.send(new rds.DescribeDBInstancesCommand({}));
    const modelDbs = file(model, `${region}/rds/describe-db-instances`).DBInstances as J[];
    expect(
      dbs.DBInstances?.map((d) => [d.DBInstanceIdentifier, d.PubliclyAccessible, d.StorageEncrypted]),
    ).toEqual(modelDbs.map((d) => [d.DBInstanceIdentifier, d.PubliclyAccessible, d.StorageEncrypted]));
    const snaps = await c.rds.send(new rds.DescribeDBSnapshotsCommand({}));
    const first = String(snaps.DBSnapshots?.[0]?.DBSnapshotIdentifier);
    const attrs = await c.rds.send(
      new rds.DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: first }),
    );
    expect(attrs.DBSnapshotAttributesResult).toEqual(
      file(model, `${region}/rds/describe-db-snapshot-attributes/${first}`).DBSnapshotAttributesResult,
    );
    await expect(
      c.rds.send(new rds.DescribeDBInstancesCommand({ DBInstanceIdentifier: "nope" })),
    ).rejects.toMatchObject({
      name: "DBInstanceNotFoundFault",
    });
  });

  it("serves IAM, including paginated users, policy documents and the credential report", async () => {
    const modelUsers = file(model, "global/iam/list-users").Users as J[];
    const pages = await collect(iam.paginateListUsers({ client: c.iam, pageSize: 3 }, {}));
    expect(pages.length).toBe(Math.ceil(modelUsers.length / 3));
    expect(pages.flatMap((p) => p.Users ?? []).map((u) => u.UserName)).toEqual(
      modelUsers.map((u) => u.UserName),
    );
    let inlineSeen = 0;
    for (const u of modelUsers) {
      const UserName = String(u.UserName);
      const keys = await c.iam.send(new iam.ListAccessKeysCommand({ UserName }));
      expect(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual(
        (file(model, `global/iam/list-access-keys/${UserName}`).AccessKeyMetadata as J[]).map(
          (k) => k.AccessKeyId,
        ),
      );
      for (const k of keys.AccessKeyMetadata ?? []) {
        const used = await c.iam.send(new iam.GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId }));
        expect(used.UserName).toBe(UserName);
      }
      const mfa = await c.iam.send(new iam.ListMFADevicesCommand({ UserName }));
      expect(mfa.MFADevices?.length).toBe(
        (file(model, `global/iam/list-mfa-devices/${UserName}`).MFADevices as J[]).length,
      );
      const profile = c.iam.send(new iam.GetLoginProfileCommand({ UserName }));
      if (model.files.has(`global/iam/get-login-profile/${UserName}`))
        expect((await profile).LoginProfile?.UserName).toBe(UserName);
      else await expect(profile).rejects.toMatchObject({ name: "NoSuchEntityException" });
      const attached = await c.iam.send(new iam.ListAttachedUserPoliciesCommand({ UserName }));
      expect(attached.AttachedPolicies).toEqual(
        file(model, `global/iam/list-attached-user-policies/${UserName}`).AttachedPolicies,
      );
      const inline = (await c.iam.send(new iam.ListUserPoliciesCommand({ UserName }))).PolicyNames ?? [];
      expect(inline).toEqual(file(model, `global/iam/list-user-policies/${UserName}`).PolicyNames);
      for (const PolicyName of inline) {
        const got = await c.iam.send(new iam.GetUserPolicyCommand({ UserName, PolicyName }));
        // IAM answers the document URL-encoded.
        expect(JSON.parse(decodeURIComponent(got.PolicyDocument ?? ""))).toEqual(
          file(model, `global/iam/get-user-policy/${encodeURIComponent(`${UserName}/${PolicyName}`)}`)
            .PolicyDocument,
        );
      }
      inlineSeen += inline.length;
    }
    expect(inlineSeen).toBeGreaterThan(0);
    const roleList = (await c.iam.send(new iam.ListRolesCommand({}))).Roles ?? [];
    const first = roleList[0]?.RoleName ?? "";
    const rolePolicies = (await c.iam.send(new iam.ListRolePoliciesCommand({ RoleName: first }))).PolicyNames;
    expect(rolePolicies).toEqual(["sim-read-config"]);
    await expect(
      c.iam.send(new iam.GetRolePolicyCommand({ RoleName: first, PolicyName: "absent" })),
    ).rejects.toMatchObject({ name: "NoSuchEntityException" });
    const policy = model.files.get("global/iam/get-account-password-policy") as J;
    const pp = c.iam.send(new iam.GetAccountPasswordPolicyCommand({}));
    if ("Error" in policy) await expect(pp).rejects.toMatchObject({ name: "NoSuchEntityException" });
    else
      expect((await pp).PasswordPolicy?.MinimumPasswordLength).toBe(
        (policy.PasswordPolicy as J).MinimumPasswordLength,
      );
    const summary = await c.iam.send(new iam.GetAccountSummaryCommand({}));
    expect(summary.SummaryMap?.Users).toBe(modelUsers.length);

    const roles = await c.iam.send(new iam.ListRolesCommand({}));
    const trust = JSON.parse(decodeURIComponent(String(roles.Roles?.[0]?.AssumeRolePolicyDocument)));
    expect(trust).toEqual((file(model, "global/iam/list-roles").Roles as J[])[0]?.AssumeRolePolicyDocument);

    expect((await c.iam.send(new iam.GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await c.iam.send(new iam.GetCredentialReportCommand({}));
    const csv = new TextDecoder().decode(report.Content);
    const rows = csv.split("\n");
    expect(rows[0]?.split(",").length).toBe(22);
    expect(rows[1]?.startsWith("<root_account>,")).toBe(true);
    expect(rows.slice(2).map((r) => r.split(",")[0])).toEqual(modelUsers.map((u) => u.UserName));

    const policies = await c.iam.send(new iam.ListPoliciesCommand({ OnlyAttached: true }));
    for (const p of policies.Policies ?? []) {
      const v = await c.iam.send(
        new iam.GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: p.DefaultVersionId }),
      );
      const doc = JSON.parse(decodeURIComponent(String(v.PolicyVersion?.Document)));
      expect(doc).toEqual(
        (file(model, `global/iam/get-policy-version/${p.PolicyName}`).PolicyVersion as J).Document,
      );
      const entities = await c.iam.send(new iam.ListEntitiesForPolicyCommand({ PolicyArn: p.Arn }));
      expect((entities.PolicyUsers?.length ?? 0) + (entities.PolicyRoles?.length ?? 0)).toBe(
        p.AttachmentCount,
      );
    }
    const support = await c.iam.send(
      new iam.ListEntitiesForPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/AWSSupportAccess" }),
    );
    expect(support.PolicyRoles).toEqual(
      file(model, "global/iam/list-entities-for-policy/AWSSupportAccess").PolicyRoles as J[],
    );
    const virtual = await c.iam.send(new iam.ListVirtualMFADevicesCommand({}));
    expect(virtual.VirtualMFADevices?.length).toBe(
      (file(model, "global/iam/list-virtual-mfa-devices").VirtualMFADevices as J[]).length,
    );
  });

  it("serves CloudTrail (shadow trails resolve to the home region), KMS, Logs, CloudWatch", async () => {
    const trails = await c.cloudtrail.send(new cloudtrail.DescribeTrailsCommand({}));
    const modelTrails = file(model, `${region}/cloudtrail/describe-trails`).trailList as J[];
    expect(trails.trailList?.map((t) => t.Name)).toEqual(modelTrails.map((t) => t.Name));
    for (const t of trails.trailList ?? []) {
      const status = await c.cloudtrail.send(new cloudtrail.GetTrailStatusCommand({ Name: t.TrailARN }));
      expect(status.IsLogging).toBe(
        file(model, `${t.HomeRegion}/cloudtrail/get-trail-status/${t.Name}`).IsLogging,
      );
      const selectors = await c.cloudtrail.send(
        new cloudtrail.GetEventSelectorsCommand({ TrailName: t.Name }),
      );
      expect(selectors.EventSelectors?.[0]?.ReadWriteType).toBeDefined();
    }
    const home = clients(account, "us-east-1");
    const homeTrails = await home.cloudtrail.send(new cloudtrail.DescribeTrailsCommand({}));
    expect(homeTrails.trailList?.length).toBe(
      (file(model, "us-east-1/cloudtrail/describe-trails").trailList as J[]).length,
    );

    const keys = await collect(kms.paginateListKeys({ client: c.kms, pageSize: 2 }, {}));
    const modelKeys = file(model, `${region}/kms/list-keys`).Keys as J[];
    expect(keys.flatMap((p) => p.Keys ?? []).map((k) => k.KeyId)).toEqual(modelKeys.map((k) => k.KeyId));
    for (const k of modelKeys) {
      const described = await c.kms.send(new kms.DescribeKeyCommand({ KeyId: String(k.KeyArn) }));
      expect(described.KeyMetadata?.KeyId).toBe(k.KeyId);
      expect(described.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
      const rotation = await c.kms.send(new kms.GetKeyRotationStatusCommand({ KeyId: String(k.KeyId) }));
      expect(rotation.KeyRotationEnabled).toBe(
        file(model, `${region}/kms/get-key-rotation-status/${k.KeyId}`).KeyRotationEnabled,
      );
    }
    await expect(c.kms.send(new kms.DescribeKeyCommand({ KeyId: "0000-nope" }))).rejects.toMatchObject({
      name: "NotFoundException",
    });

    const homeFilters = await collect(
      logs.paginateDescribeMetricFilters({ client: home.logs, pageSize: 2 }, {}),
    );
    expect(homeFilters.flatMap((p) => p.metricFilters ?? []).map((f) => f.filterName)).toEqual(
      (file(model, "us-east-1/logs/describe-metric-filters").metricFilters as J[]).map((f) => f.filterName),
    );
    const alarms = await collect(
      cloudwatch.paginateDescribeAlarms({ client: home.cloudwatch, pageSize: 2 }, {}),
    );
    expect(alarms.flatMap((p) => p.MetricAlarms ?? []).map((a) => a.AlarmName)).toEqual(
      (file(model, "us-east-1/cloudwatch/describe-alarms").MetricAlarms as J[]).map((a) => a.AlarmName),
    );
  });

  it("serves Lambda, EKS and Auto Scaling (restJson and query)", async () => {
    const fns = await collect(lambda.paginateListFunctions({ client: c.lambda, pageSize: 2 }, {}));
    expect(fns.flatMap((p) => p.Functions ?? []).map((f) => f.FunctionName)).toEqual(
      (file(model, `${region}/lambda/list-functions`).Functions as J[]).map((f) => f.FunctionName),
    );
    const clusters = await c.eks.send(new eks.ListClustersCommand({}));
    expect(clusters.clusters).toEqual(file(model, `${region}/eks/list-clusters`).clusters);
    for (const name of clusters.clusters ?? []) {
      const cluster = await c.eks.send(new eks.DescribeClusterCommand({ name }));
      expect(cluster.cluster?.resourcesVpcConfig?.endpointPublicAccess).toBe(
        ((file(model, `${region}/eks/describe-cluster/${name}`).cluster as J).resourcesVpcConfig as J)
          .endpointPublicAccess,
      );
      expect(cluster.cluster?.createdAt).toBeInstanceOf(Date);
    }
    await expect(c.eks.send(new eks.DescribeClusterCommand({ name: "nope" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    const groups = await c.autoscaling.send(new autoscaling.DescribeAutoScalingGroupsCommand({}));
    expect(groups.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(
      (file(model, `${region}/autoscaling/describe-auto-scaling-groups`).AutoScalingGroups as J[]).map(
        (g) => g.AutoScalingGroupName,
      ),
    );
  });

  it("serves Classic Load Balancers' policies: an HTTPS listener's SSL negotiation policy, none for HTTP only", async () => {
    const lbs = (file(model, `${region}/elb/describe-load-balancers`).LoadBalancerDescriptions as J[]).map(
      (lb) =>
        lb as { LoadBalancerName: string; ListenerDescriptions: { Listener: J; PolicyNames: string[] }[] },
    );
    for (const lb of lbs) {
      const LoadBalancerName = lb.LoadBalancerName;
      const out = await c.elb.send(new elb.DescribeLoadBalancerPoliciesCommand({ LoadBalancerName }));
      const https = lb.ListenerDescriptions.find((d) => d.Listener.Protocol === "HTTPS");
      if (https === undefined) {
        expect(out.PolicyDescriptions).toEqual([]);
        continue;
      }
      const [name] = https.PolicyNames;
      expect(out.PolicyDescriptions?.map((p) => [p.PolicyName, p.PolicyTypeName])).toEqual([
        [name, "SSLNegotiationPolicyType"],
      ]);
      expect(
        out.PolicyDescriptions?.[0]?.PolicyAttributeDescriptions?.find(
          (a) => a.AttributeName === "Reference-Security-Policy",
        )?.AttributeValue,
      ).toMatch(/^ELBSecurityPolicy-(TLS-1-2-2017-01|2016-08)$/);
      const named = await c.elb.send(
        new elb.DescribeLoadBalancerPoliciesCommand({ LoadBalancerName, PolicyNames: [String(name)] }),
      );
      expect(named.PolicyDescriptions).toEqual(out.PolicyDescriptions);
      await expect(
        c.elb.send(new elb.DescribeLoadBalancerPoliciesCommand({ LoadBalancerName, PolicyNames: ["nope"] })),
      ).rejects.toMatchObject({ name: "PolicyNotFoundException" });
    }
    expect(lbs.some((lb) => lb.ListenerDescriptions.some((d) => d.Listener.Protocol === "HTTPS"))).toBe(true);
    await expect(
      c.elb.send(new elb.DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: "nope" })),
    ).rejects.toMatchObject({ name: "AccessPointNotFoundException" });
  });

  it("serves backup plans' resource assignments: listed per plan, each by plan and selection id", async () => {
    let seen = 0;
    for (const r of model.regions) {
      const b = clients(account, r).backup;
      for (const plan of (await b.send(new backup.ListBackupPlansCommand({}))).BackupPlansList ?? []) {
        const BackupPlanId = String(plan.BackupPlanId);
        const listed = await b.send(new backup.ListBackupSelectionsCommand({ BackupPlanId }));
        expect(listed.BackupSelectionsList?.length).toBeGreaterThan(0);
        for (const s of listed.BackupSelectionsList ?? []) {
          const got = await b.send(
            new backup.GetBackupSelectionCommand({ BackupPlanId, SelectionId: String(s.SelectionId) }),
          );
          expect(got.BackupSelection?.SelectionName).toBe(s.SelectionName);
          expect(got.BackupSelection?.ListOfTags?.[0]).toMatchObject({ ConditionKey: "backup" });
          seen++;
        }
        await expect(
          b.send(new backup.GetBackupSelectionCommand({ BackupPlanId, SelectionId: "nope" })),
        ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
      }
    }
    expect(seen).toBeGreaterThan(0);
    await expect(
      c.backup.send(new backup.ListBackupSelectionsCommand({ BackupPlanId: "nope" })),
    ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("serves S3 access points (per region, paginated) and the account's Multi-Region Access Points", async () => {
    const AccountId = model.accountId;
    const first = await c.s3control.send(new s3control.ListAccessPointsCommand({ AccountId, MaxResults: 1 }));
    expect(first.AccessPointList).toHaveLength(1);
    expect(first.NextToken).toBeDefined();
    const rest = await c.s3control.send(
      new s3control.ListAccessPointsCommand({ AccountId, NextToken: first.NextToken }),
    );
    const names = [...(first.AccessPointList ?? []), ...(rest.AccessPointList ?? [])].map((p) => p.Name);
    expect(names).toEqual(
      (file(model, `${region}/s3control/list-access-points`).AccessPointList as J[]).map((p) => p.Name),
    );
    const bucket = String(first.AccessPointList?.[0]?.Bucket);
    const got = await c.s3control.send(new s3control.GetAccessPointCommand({ AccountId, Name: names[0] }));
    expect(got.Bucket).toBe(bucket);
    expect(Object.keys(got.PublicAccessBlockConfiguration ?? {}).sort()).toEqual([
      "BlockPublicAcls",
      "BlockPublicPolicy",
      "IgnorePublicAcls",
      "RestrictPublicBuckets",
    ]);
    await expect(
      c.s3control.send(new s3control.GetAccessPointCommand({ AccountId, Name: "no-such-point" })),
    ).rejects.toMatchObject({ name: "NoSuchAccessPoint" });
    await expect(
      c.s3control.send(new s3control.ListAccessPointsCommand({ AccountId: "999999999999" })),
    ).rejects.toMatchObject({ name: "AccessDenied" });
    const mrap = await clients(account, "us-west-2").s3control.send(
      new s3control.ListMultiRegionAccessPointsCommand({ AccountId }),
    );
    expect(mrap.AccessPoints?.[0]?.Name).toBe("sim-global-data");
    expect(mrap.AccessPoints?.[0]?.Regions?.map((r) => r.Region).sort()).toEqual([...model.regions].sort());
  });

  it("serves DynamoDB's scalable targets (paginated, filtered by resource and dimension) beside the provisioned table they scale", async () => {
    const dynamodb = { ServiceNamespace: "dynamodb" as const };
    const first = await c.appscaling.send(
      new appscaling.DescribeScalableTargetsCommand({ ...dynamodb, MaxResults: 1 }),
    );
    expect(first.ScalableTargets).toHaveLength(1);
    expect(first.NextToken).toBeDefined();
    const pages = await collect(
      // The SDK's paginator writes its token into the input it is given: its own object.
      appscaling.paginateDescribeScalableTargets({ client: c.appscaling, pageSize: 1 }, { ...dynamodb }),
    );
    const all = pages.flatMap((p) => p.ScalableTargets ?? []);
    expect(all.map((t) => `${t.ResourceId} ${t.ScalableDimension}`)).toEqual(
      (file(model, `${region}/application-autoscaling/describe-scalable-targets`).ScalableTargets as J[]).map(
        (t) => `${t.ResourceId} ${t.ScalableDimension}`,
      ),
    );
    expect(all.map((t) => t.ResourceId)).toContain("table/sim-sessions");
    const table = file(model, `${region}/dynamodb/describe-table/sim-sessions`).Table as J;
    expect((table.BillingModeSummary as J).BillingMode).toBe("PROVISIONED");
    const write = await c.appscaling.send(
      new appscaling.DescribeScalableTargetsCommand({
        ...dynamodb,
        ResourceIds: ["table/sim-sessions"],
        ScalableDimension: "dynamodb:table:WriteCapacityUnits",
      }),
    );
    expect(write.ScalableTargets?.map((t) => t.ScalableDimension)).toEqual([
      "dynamodb:table:WriteCapacityUnits",
    ]);
    const none = await c.appscaling.send(
      new appscaling.DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }),
    );
    expect(none.ScalableTargets).toEqual([]);
    await expect(
      c.appscaling.send(new appscaling.DescribeScalableTargetsCommand({ ...dynamodb, MaxResults: 51 })),
    ).rejects.toMatchObject({ name: "ValidationException" });
  });

  it("names an unknown operation in an AWS-shaped error", async () => {
    await expect(c.ec2.send(new ec2.DescribeAddressesCommand({}))).rejects.toMatchObject({
      name: "UnsupportedOperation",
      message: expect.stringContaining("DescribeAddresses"),
    });
    await expect(c.lambda.send(new lambda.GetFunctionCommand({ FunctionName: "x" }))).rejects.toMatchObject({
      message: expect.stringContaining("GetFunction"),
    });
    await expect(c.cloudwatch.send(new cloudwatch.ListDashboardsCommand({}))).rejects.toMatchObject({
      message: expect.stringContaining("ListDashboards"),
    });
  });
});

describe("writes for teardown", () => {
  it("change the live model, record an audit entry, and leave the source model untouched", async () => {
    let now = 1_000;
    const account = createSimulatedAccount(model, { throttling: false, clock: { now: () => now } });
    const c = clients(account);
    const region = "eu-west-1";
    const before = (file(model, `${region}/ec2/describe-snapshots`).Snapshots as J[]).length;
    const snapshotId = String(
      (file(model, `${region}/ec2/describe-snapshots`).Snapshots as J[])[0]?.SnapshotId,
    );
    now = 2_000;
    await c.ec2.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snapshotId }));
    const after = await c.ec2.send(new ec2.DescribeSnapshotsCommand({ OwnerIds: ["self"] }));
    expect(after.Snapshots?.length).toBe(before - 1);
    await expect(c.ec2.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snapshotId }))).rejects.toMatchObject(
      {
        name: "InvalidSnapshot.NotFound",
      },
    );

    const free = (file(model, `${region}/ec2/describe-volumes`).Volumes as J[]).find(
      (v) => v.State === "available",
    );
    const attached = (file(model, `${region}/ec2/describe-volumes`).Volumes as J[]).find(
      (v) => v.State === "in-use",
    );
    await expect(
      c.ec2.send(new ec2.DeleteVolumeCommand({ VolumeId: String(attached?.VolumeId) })),
    ).rejects.toMatchObject({ name: "VolumeInUse" });
    await c.ec2.send(new ec2.DeleteVolumeCommand({ VolumeId: String(free?.VolumeId) }));

    const firstReservation = (file(model, `${region}/ec2/describe-instances`).Reservations as J[])[0] ?? {};
    const instanceId = String((firstReservation.Instances as J[])[0]?.InstanceId);
    const term = await c.ec2.send(new ec2.TerminateInstancesCommand({ InstanceIds: [instanceId] }));
    expect(term.TerminatingInstances?.[0]?.PreviousState?.Name).toBe("running");
    const gone = await c.ec2.send(
      new ec2.DescribeInstancesCommand({
        Filters: [{ Name: "instance-state-name", Values: ["terminated"] }],
      }),
    );
    expect(gone.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId)).toEqual([
      instanceId,
    ]);
    const vols = await c.ec2.send(
      new ec2.DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }),
    );
    expect(vols.Volumes).toEqual([]);

    const template = (file(model, `${region}/ec2/describe-launch-templates`).LaunchTemplates as J[])[0];
    await c.ec2.send(
      new ec2.DeleteLaunchTemplateCommand({ LaunchTemplateId: String(template?.LaunchTemplateId) }),
    );
    const asg = (
      file(model, `${region}/autoscaling/describe-auto-scaling-groups`).AutoScalingGroups as J[]
    )[0];
    await c.autoscaling.send(
      new autoscaling.DeleteAutoScalingGroupCommand({
        AutoScalingGroupName: String(asg?.AutoScalingGroupName),
      }),
    );

    expect(account.audit().map((a) => [a.operation, a.outcome, a.region])).toEqual([
      ["DeleteSnapshot", "ok", region],
      ["DeleteSnapshot", "InvalidSnapshot.NotFound", region],
      ["DeleteVolume", "VolumeInUse", region],
      ["DeleteVolume", "ok", region],
      ["TerminateInstances", "ok", region],
      ["DeleteLaunchTemplate", "ok", region],
      ["DeleteAutoScalingGroup", "ok", region],
    ]);
    expect(account.audit()[0]).toMatchObject({
      at: 2_000,
      service: "ec2",
      input: { SnapshotId: snapshotId },
    });
    expect((file(model, `${region}/ec2/describe-snapshots`).Snapshots as J[]).length).toBe(before);
    expect(account.stats().calls["ec2:DeleteSnapshot"]).toBe(2);
  });
});

describe("throttling", () => {
  it("answers a burst above the EC2 bucket with RequestLimitExceeded, on a frozen clock", async () => {
    const account = createSimulatedAccount(model, { clock: { now: () => 0 } });
    const c = new ec2.EC2Client({
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      requestHandler: account.requestHandler,
      maxAttempts: 1,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, () => c.send(new ec2.DescribeRegionsCommand({}))),
    );
    const rejected = results.filter((r) => r.status === "rejected");
    expect(results.length - rejected.length).toBe(100);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      name: "RequestLimitExceeded",
      $metadata: { httpStatusCode: 503 },
    });
    expect(account.stats().throttled["ec2:DescribeRegions"]).toBe(20);
    // The unfiltered, unpaginated DescribeInstances bucket is separate and smaller (50).
    const heavy = await Promise.allSettled(
      Array.from({ length: 60 }, () => c.send(new ec2.DescribeInstancesCommand({}))),
    );
    expect(heavy.filter((r) => r.status === "fulfilled").length).toBe(50);
  });

  it("lets the SDK's standard retry succeed once the bucket refills", async () => {
    const account = createSimulatedAccount(model);
    const c = new ec2.EC2Client({
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      requestHandler: account.requestHandler,
      retryMode: "standard",
      maxAttempts: 5,
    });
    const burst = await Promise.all(
      Array.from({ length: 130 }, () => c.send(new ec2.DescribeRegionsCommand({}))),
    );
    expect(burst.every((r) => r.Regions?.length === 2)).toBe(true);
    expect(Math.max(...burst.map((r) => r.$metadata.attempts ?? 0))).toBeGreaterThan(1);
    expect(account.stats().totalThrottled).toBeGreaterThan(0);
  });

  it("scales buckets, spends a share for a noisy neighbour, and can be turned off", async () => {
    const frozen = { now: () => 0 };
    const burst = async (account: SimulatedAccount, n: number) => {
      const c = new rds.RDSClient({
        region: "us-east-1",
        credentials: { accessKeyId: "a", secretAccessKey: "b" },
        requestHandler: account.requestHandler,
        maxAttempts: 1,
      });
      const r = await Promise.allSettled(
        Array.from({ length: n }, () => c.send(new rds.DescribeDBInstancesCommand({}))),
      );
      return r.filter((x) => x.status === "fulfilled").length;
    };
    expect(await burst(createSimulatedAccount(model, { clock: frozen }), 320)).toBe(300);
    expect(
      await burst(createSimulatedAccount(model, { clock: frozen, throttling: { scale: 0.1 } }), 50),
    ).toBe(30);
    expect(
      await burst(createSimulatedAccount(model, { clock: frozen, noisyNeighbour: { fraction: 0.5 } }), 320),
    ).toBe(150);
    expect(await burst(createSimulatedAccount(model, { clock: frozen, throttling: false }), 400)).toBe(400);
  });
});
