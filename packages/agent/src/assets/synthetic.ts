import type { Asset, AssetOf, ResourceType } from "./index.ts";
import { CIS_MONITORING_PATTERNS, type CisMonitoringPattern } from "./other.ts";

/**
 * Deterministic synthetic assets of every resource type, roughly half misconfigured, for
 * benchmarks and property tests. Not a simulation of AWS responses (testkit owns that).
 */

type Rng = () => number;

/** mulberry32: tiny, fast, good enough to spread configurations. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const BASE_TIME = Date.parse("2025-06-01T00:00:00Z");

function daysAgo(rng: Rng, maxDays: number): string {
  return new Date(BASE_TIME - Math.floor(rng() * maxDays) * 86_400_000).toISOString();
}

type Maker<T extends ResourceType> = (rng: Rng, id: string) => AssetOf<T>["config"];

const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
const coin = (rng: Rng) => rng() < 0.5;

function permission(rng: Rng) {
  const port = pick(rng, [22, 80, 443, 445, 3389, 5432]);
  return {
    ipProtocol: pick(rng, ["tcp", "tcp", "-1"]),
    fromPort: port,
    toPort: port,
    ipRanges: coin(rng) ? ["0.0.0.0/0"] : ["10.0.0.0/8"],
    ipv6Ranges: coin(rng) ? ["::/0"] : [],
    userIdGroupPairs: [],
    prefixListIds: [],
  };
}

function block(rng: Rng) {
  return coin(rng)
    ? null
    : {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: coin(rng),
        restrictPublicBuckets: true,
      };
}

const makers: { [T in ResourceType]: Maker<T> } = {
  "aws.ec2.instance": (rng, id) => {
    const instance: AssetOf<"aws.ec2.instance">["config"] = {
      instanceId: `i-${id}`,
      state: pick(rng, ["running", "stopped"] as const),
      metadataOptions: { httpTokens: pick(rng, ["optional", "required"] as const), httpEndpoint: "enabled" },
      hasPublicIpAddress: coin(rng),
      iamInstanceProfileArn: coin(rng) ? "arn:aws:iam::123456789012:instance-profile/app" : undefined,
      vpcId: "vpc-1",
      virtualizationType: rng() < 0.05 ? "paravirtual" : "hvm",
      networkInterfaceCount: 1,
    };
    // Drawn for every instance (the draws after it stay where they were); only a stopped one has it.
    const stoppedAt = new Date(BASE_TIME - rng() * 90 * 86_400_000).toISOString();
    instance.networkInterfaceCount = rng() < 0.1 ? 2 : 1;
    return instance.state === "stopped" ? { ...instance, stoppedAt } : instance;
  },
  "aws.ec2.security-group": (rng, id) => ({
    groupId: `sg-${id}`,
    groupName: rng() < 0.2 ? "default" : `app-${id}`,
    vpcId: "vpc-1",
    ipPermissions: Array.from({ length: Math.floor(rng() * 4) }, () => permission(rng)),
    ipPermissionsEgress: coin(rng) ? [] : [permission(rng)],
  }),
  "aws.ec2.volume": (rng, id) => ({
    volumeId: `vol-${id}`,
    encrypted: coin(rng),
    state: "in-use",
    attachedInstanceIds: coin(rng) ? ["i-1"] : [],
  }),
  "aws.ec2.snapshot": (rng, id) => ({
    snapshotId: `snap-${id}`,
    encrypted: coin(rng),
    createVolumePermissions: rng() < 0.2 ? [{ group: "all" }] : [],
  }),
  "aws.ec2.vpc": (rng, id) => ({
    vpcId: `vpc-${id}`,
    isDefault: coin(rng),
    flowLogs: coin(rng) ? [{ flowLogId: `fl-${id}`, flowLogStatus: "ACTIVE", trafficType: "ALL" }] : [],
    endpoints: ["ec2", "ecr.api", "ecr.dkr", "ssm", "ssm-contacts", "ssm-incidents"]
      .filter(() => coin(rng))
      .map((service, i) => ({
        vpcEndpointId: `vpce-${id}${i}`,
        serviceName: `com.amazonaws.us-east-1.${service}`,
        type: "Interface",
        state: "available",
      })),
  }),
  "aws.ec2.vpn-connection": (rng, id) => ({
    vpnConnectionId: `vpn-${id}`,
    state: "available",
    tunnelStatuses: [pick(rng, ["UP", "DOWN"]), "UP"],
    tunnelLogging: [coin(rng), coin(rng)],
  }),
  "aws.ec2.transit-gateway": (rng, id) => ({
    transitGatewayId: `tgw-${id}`,
    state: "available",
    autoAcceptSharedAttachments: coin(rng),
  }),
  "aws.ec2.client-vpn-endpoint": (rng, id) => ({
    clientVpnEndpointId: `cvpn-endpoint-${id}`,
    connectionLogging: coin(rng),
  }),
  "aws.ec2.network-interface": (rng, id) => ({
    networkInterfaceId: `eni-${id}`,
    interfaceType: pick(rng, ["interface", "natGateway", "lambda"]),
    sourceDestCheck: coin(rng),
  }),
  "aws.ec2.spot-fleet-request": (rng, id) => ({
    spotFleetRequestId: `sfr-${id}`,
    state: "active",
    hasLaunchSpecifications: coin(rng),
    unencryptedVolumes: coin(rng) ? ["/dev/xvda"] : [],
  }),
  "aws.ec2.subnet": (rng, id) => ({
    subnetId: `subnet-${id}`,
    vpcId: "vpc-1",
    availabilityZone: "us-east-1a",
    defaultForAz: false,
    mapPublicIpOnLaunch: rng() < 0.2,
  }),
  "aws.ec2.network-acl": (rng, id) => ({
    networkAclId: `acl-${id}`,
    vpcId: "vpc-1",
    isDefault: true,
    entries: [
      {
        ruleNumber: 100,
        protocol: "-1",
        ruleAction: coin(rng) ? "allow" : "deny",
        egress: false,
        cidrBlock: "0.0.0.0/0",
      },
      { ruleNumber: 32767, protocol: "-1", ruleAction: "deny", egress: false, cidrBlock: "0.0.0.0/0" },
    ],
    subnetIds: coin(rng) ? [`subnet-${id}`] : [],
  }),
  "aws.ec2.account-settings": (rng) => ({
    ebsEncryptionByDefault: coin(rng),
    vpcBlockPublicAccessMode: pick(rng, ["off", "block-bidirectional", "block-ingress"]),
  }),
  "aws.s3.bucket": (rng) => ({
    serverSideEncryption: coin(rng)
      ? { sseAlgorithm: "AES256" }
      : { sseAlgorithm: "aws:kms", bucketKeyEnabled: true },
    publicAccessBlock: block(rng),
    accountPublicAccessBlock: block(rng),
    versioning: { status: pick(rng, ["Enabled", "Suspended", "Disabled"] as const), mfaDelete: "Disabled" },
    policy: coin(rng)
      ? null
      : {
          deniesInsecureTransport: coin(rng),
          isPublic: false,
          allowsPublicRead: false,
          allowsPublicWrite: false,
          otherAccountsBlockedActions: [],
        },
    publicAclGrants: rng() < 0.2 ? [{ grantee: "AllUsers", permission: "READ" }] : [],
    aclGrantsToOthers: rng() < 0.2 ? 1 : 0,
    loggingEnabled: coin(rng),
    lifecycleRulesEnabled: coin(rng) ? 1 : 0,
    objectLevelLogging: { read: coin(rng), write: coin(rng) },
  }),
  "aws.s3.account-settings": (rng) => ({ publicAccessBlock: block(rng) }),
  "aws.s3.access-point": (rng, id) => ({
    accessPointName: `ap-${id}`,
    bucket: `bucket-${id}`,
    networkOrigin: pick(rng, ["Internet", "VPC"]),
    publicAccessBlock: block(rng),
  }),
  "aws.s3.directory-bucket": (rng, id) => ({
    bucketName: `express-${id}--use1-az4--x-s3`,
    lifecycleRulesEnabled: coin(rng) ? 1 : 0,
  }),
  "aws.s3.multi-region-access-point": (rng, id) => ({
    accessPointName: `mrap-${id}`,
    alias: `mfzwi23gnjvgw.mrap`,
    publicAccessBlock: block(rng),
  }),
  "aws.rds.instance": (rng, id) => ({
    dbInstanceIdentifier: `db-${id}`,
    engine: "postgres",
    engineVersion: "16.3",
    publiclyAccessible: coin(rng),
    storageEncrypted: coin(rng),
    backupRetentionPeriod: pick(rng, [0, 1, 7, 14]),
    autoMinorVersionUpgrade: coin(rng),
    multiAZ: coin(rng),
    deletionProtection: coin(rng),
    monitoringInterval: pick(rng, [0, 60]),
    iamDatabaseAuthenticationEnabled: coin(rng),
    copyTagsToSnapshot: coin(rng),
    port: pick(rng, [5432, 6543]),
    masterUsername: pick(rng, ["postgres", "orders_admin"]),
    cloudwatchLogsExports: pick(rng, [[], ["postgresql"], ["postgresql", "upgrade"]]),
    parameterGroup: parameterGroup(rng, "default.postgres16"),
    subnetsRoutedToInternetGateway: [],
  }),
  "aws.rds.snapshot": (rng, id) => ({
    dbSnapshotIdentifier: `snap-${id}`,
    encrypted: coin(rng),
    restoreAttributeValues: rng() < 0.2 ? ["all"] : [],
  }),
  "aws.iam.user": (rng, id) => ({
    userName: `user-${id}`,
    createDate: daysAgo(rng, 900),
    passwordEnabled: coin(rng),
    passwordLastUsed: coin(rng) ? daysAgo(rng, 120) : null,
    mfaActive: coin(rng),
    mfaDeviceCount: 1,
    accessKeys: Array.from({ length: Math.floor(rng() * 3) }, () => ({
      status: pick(rng, ["Active", "Inactive"] as const),
      lastRotated: daysAgo(rng, 400),
      lastUsedDate: coin(rng) ? daysAgo(rng, 100) : null,
    })),
    attachedPolicyArns: coin(rng) ? [] : ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    inlinePolicyNames: [],
    inlinePoliciesDecryptingAllKeys: [],
    groupNames: ["developers"],
  }),
  "aws.iam.root": (rng) => ({
    accessKeysPresent: coin(rng),
    mfaActive: coin(rng),
    hardwareMfaActive: coin(rng),
    lastUsedDate: coin(rng) ? daysAgo(rng, 30) : null,
  }),
  "aws.iam.password-policy": (rng) => ({
    exists: rng() < 0.8,
    minimumPasswordLength: pick(rng, [8, 14, 16]),
    passwordReusePrevention: pick(rng, [0, 5, 24]),
  }),
  "aws.iam.role": (rng, id) => ({
    roleName: `role-${id}`,
    path: "/",
    trustAllowsAnyPrincipal: rng() < 0.1,
    attachedPolicyArns: [],
    inlinePoliciesDecryptingAllKeys: [],
    roleLastUsedDate: null,
  }),
  "aws.iam.policy": (rng, id) => ({
    policyName: `policy-${id}`,
    awsManaged: false,
    attachmentCount: Math.floor(rng() * 3),
    allowsFullAdmin: rng() < 0.2,
    serviceWildcards: rng() < 0.3 ? ["s3"] : [],
    allowsKmsDecryptOnAllKeys: rng() < 0.2,
  }),
  "aws.iam.account": (rng) => ({ supportRoleExists: coin(rng) }),
  "aws.iam.server-certificate": (rng, id) => ({
    serverCertificateName: `cert-${id}`,
    expiration: new Date(BASE_TIME + (rng() - 0.5) * 400 * 86_400_000).toISOString(),
  }),
  "aws.accessanalyzer.account-settings": (rng) => ({
    analyzers: coin(rng) ? [{ name: "external", type: "ACCOUNT", status: "ACTIVE" }] : [],
  }),
  "aws.cloudtrail.trail": (rng) => ({
    homeRegion: "us-east-1",
    isMultiRegionTrail: coin(rng),
    isOrganizationTrail: false,
    logFileValidationEnabled: coin(rng),
    kmsKeyId: coin(rng) ? "arn:aws:kms:us-east-1:123456789012:key/abc" : null,
    isLogging: rng() < 0.9,
    cloudWatchLogsLogGroupArn: coin(rng) ? "arn:aws:logs:us-east-1:123456789012:log-group:trail" : null,
  }),
  "aws.kms.key": (rng, id) => ({
    keyId: id,
    keyManager: pick(rng, ["AWS", "CUSTOMER", "CUSTOMER"] as const),
    keySpec: "SYMMETRIC_DEFAULT",
    keyState: "Enabled",
    origin: "AWS_KMS",
    keyRotationEnabled: coin(rng),
    keyPolicyPublic: rng() < 0.1,
  }),
  "aws.cloudtrail.account-settings": (rng) => ({
    multiRegionManagementTrails: coin(rng) ? ["arn:aws:cloudtrail:us-east-1:123456789012:trail/main"] : [],
  }),
  "aws.logs.cis-monitoring": (rng) => {
    const patterns = {} as Record<CisMonitoringPattern, boolean>;
    for (const p of CIS_MONITORING_PATTERNS) patterns[p] = coin(rng);
    return { patterns };
  },
  "aws.lambda.function": (rng, id) => ({
    functionName: `fn-${id}`,
    runtime: pick(rng, ["nodejs22.x", "nodejs16.x", "python3.12", "python3.7", "java21"]),
    packageType: "Zip",
    ...(coin(rng)
      ? {
          vpcId: "vpc-0a1b2c3d",
          vpcAvailabilityZones: coin(rng) ? ["us-east-1a", "us-east-1b"] : ["us-east-1a"],
        }
      : { vpcId: null, vpcAvailabilityZones: null }),
    policyPublic: rng() < 0.1,
  }),
  "aws.eks.cluster": (rng) => ({
    version: pick(rng, ["1.24", "1.30", "1.33"]),
    endpointPublicAccess: coin(rng),
    publicAccessCidrs: ["0.0.0.0/0"],
    secretsEncrypted: coin(rng),
    enabledLogTypes: coin(rng) ? ["api", "audit"] : [],
  }),
  "aws.efs.file-system": (rng, id) => ({
    fileSystemId: `fs-${id}`,
    encrypted: coin(rng),
    automaticBackups: coin(rng),
    mountTargetsInAutoPublicIpSubnets: coin(rng) ? [] : [`subnet-${id}`],
    backupPlans: ["daily"],
  }),
  "aws.efs.access-point": (rng, id) => ({
    accessPointId: `fsap-${id}`,
    fileSystemId: "fs-1",
    rootDirectory: coin(rng) ? "/" : "/app",
    enforcesUser: coin(rng),
  }),
  "aws.config.account-settings": (rng) => ({
    recorders: coin(rng)
      ? [{ name: "default", allSupported: true, recording: coin(rng), lastStatus: "Success" }]
      : [],
  }),
  "aws.securityhub.account-settings": (rng) => ({
    hubEnabled: coin(rng),
    subscribedAt: null,
  }),
  "aws.ec2.instance-os": (rng, id) => {
    const file = (mode: number) => ({ kind: "file" as const, mode, uid: 0, gid: 0 });
    const flag = (good: string, bad: string) => (coin(rng) ? good : bad);
    return {
      instanceId: `i-${id}`,
      os: {
        id: "debian",
        idLike: [],
        name: "Debian GNU/Linux",
        versionId: "12",
        prettyName: "Debian GNU/Linux 12",
      },
      kernels: ["6.1.0-18-cloud-amd64"],
      packages: {
        manager: "dpkg" as const,
        items: [
          { name: "openssh-server", version: "1:9.2p1-2", arch: "amd64" },
          ...(coin(rng) ? [{ name: "auditd", version: "1:3.0.9-1", arch: "amd64" }] : []),
          ...(coin(rng) ? [{ name: "telnet", version: "0.17+2.4-2", arch: "amd64" }] : []),
        ],
      },
      accounts: [
        {
          name: "root",
          uid: 0,
          gid: 0,
          home: "/root",
          shell: "/bin/bash",
          passwordField: "shadowed" as const,
        },
        {
          name: "daemon",
          uid: 1,
          gid: 1,
          home: "/",
          shell: flag("/usr/sbin/nologin", "/bin/sh"),
          passwordField: "shadowed" as const,
        },
      ],
      shadow: [
        {
          name: "root",
          password: "locked" as const,
          algorithm: null,
          lastChange: 19700,
          minDays: 1,
          maxDays: 365,
          warnDays: 7,
          inactiveDays: 30,
        },
      ],
      groups: [{ name: "root", gid: 0, members: [] }],
      loginDefs: {
        PASS_MAX_DAYS: flag("365", "99999"),
        PASS_MIN_DAYS: "1",
        PASS_WARN_AGE: "7",
        ENCRYPT_METHOD: "SHA512",
      },
      useraddDefaults: { INACTIVE: flag("30", "-1") },
      pwquality: { minlen: flag("14", "8") },
      faillock: null,
      pam: [],
      sshd: {
        settings: { permitrootlogin: flag("no", "yes"), maxauthtries: flag("4", "10") },
        accessLists: [],
      },
      sshHostKeys: [],
      files: {
        "/etc/passwd": file(0o644),
        "/etc/shadow": file(flag("640", "644") === "640" ? 0o640 : 0o644),
      },
      worldWritable: {
        files: [],
        fileCount: 0,
        dirsWithoutSticky: [],
        dirsWithoutStickyCount: 0,
        entries: 1000,
      },
      sysctl: [{ key: "net.ipv4.ip_forward", value: flag("0", "1"), source: "/etc/sysctl.conf" }],
      auditd: null,
      auditRules: 0,
      journald: {},
      rsyslog: null,
      services: { enabled: coin(rng) ? ["ssh.service", "cups.service"] : ["ssh.service"], masked: [] },
      fstab: [],
      packageSigning: {
        tools: ["apt" as const],
        mainGpgcheck: null,
        reposWithoutGpgcheck: [],
        aptAllowUnauthenticated: false,
      },
      coreDumpHardLimit: null,
    };
  },
  "aws.elbv2.load-balancer": (rng, id) => {
    const https = coin(rng);
    return {
      loadBalancerName: `alb-${id}`,
      loadBalancerType: pick(rng, ["application", "application", "network"]),
      scheme: pick(rng, ["internet-facing", "internal"]),
      availabilityZones: coin(rng) ? ["us-east-1a", "us-east-1b"] : ["us-east-1a"],
      listeners: [
        {
          port: 80,
          protocol: "HTTP",
          sslPolicy: null,
          defaultActions: [https ? { type: "redirect", redirectProtocol: "HTTPS" } : { type: "forward" }],
        },
        {
          port: 443,
          protocol: "HTTPS",
          sslPolicy: pick(rng, ["ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-2-2021-06"]),
          defaultActions: [{ type: "forward" }],
        },
      ],
      accessLogsEnabled: coin(rng),
      deletionProtectionEnabled: coin(rng),
      dropInvalidHeaderFields: coin(rng),
      desyncMitigationMode: pick(rng, ["monitor", "defensive", "strictest"]),
    };
  },
  "aws.elb.load-balancer": (rng, id) => {
    const config = {
      loadBalancerName: `clb-${id}`,
      scheme: "internet-facing",
      availabilityZones: coin(rng) ? ["us-east-1a", "us-east-1b"] : ["us-east-1a"],
      listeners: [
        coin(rng)
          ? { protocol: "HTTP", loadBalancerPort: 80, sslCertificateId: null }
          : {
              protocol: "HTTPS",
              loadBalancerPort: 443,
              sslCertificateId: "arn:aws:acm:us-east-1:123456789012:certificate/synthetic",
            },
      ],
      accessLogEnabled: coin(rng),
      connectionDrainingEnabled: coin(rng),
      crossZoneLoadBalancingEnabled: coin(rng),
      desyncMitigationMode: pick(rng, ["monitor", "defensive"]),
    };
    // No draw of its own (the assets after this one stay as they were): the policy follows the
    // desync mode drawn above.
    const policy =
      config.desyncMitigationMode === "defensive"
        ? "ELBSecurityPolicy-TLS-1-2-2017-01"
        : "ELBSecurityPolicy-2016-08";
    return {
      ...config,
      sslListenerPolicies: config.listeners.flatMap((l) =>
        l.protocol === "HTTPS"
          ? [
              {
                protocol: l.protocol,
                loadBalancerPort: l.loadBalancerPort,
                policyName: policy,
                referenceSecurityPolicy: policy,
              },
            ]
          : [],
      ),
    };
  },
  "aws.cloudfront.distribution": (rng, id) => {
    const custom = coin(rng);
    const defaultCertificate = coin(rng);
    return {
      distributionId: `E${id.toUpperCase()}`,
      enabled: true,
      origins: [
        custom
          ? {
              id: "api",
              domainName: "api.example.com",
              s3: false,
              originAccessControlId: null,
              custom: {
                originProtocolPolicy: pick(rng, ["https-only", "http-only", "match-viewer"]),
                originSslProtocols: coin(rng) ? ["TLSv1.2"] : ["SSLv3", "TLSv1"],
              },
            }
          : {
              id: "site",
              domainName: "site.s3.us-east-1.amazonaws.com",
              s3: true,
              originAccessControlId: coin(rng) ? "E2QWRUHAPOMQZL" : null,
              custom: null,
            },
      ],
      originGroupSizes: coin(rng) ? [2] : [],
      viewerProtocolPolicies: [pick(rng, ["redirect-to-https", "https-only", "allow-all"])],
      viewerCertificate: {
        cloudFrontDefaultCertificate: defaultCertificate,
        sslSupportMethod: defaultCertificate ? null : pick(rng, ["sni-only", "vip"]),
        minimumProtocolVersion: defaultCertificate ? "TLSv1" : "TLSv1.2_2021",
      },
      webAclId: coin(rng) ? "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1" : null,
      defaultRootObject: coin(rng) ? "index.html" : null,
      loggingEnabled: coin(rng),
    };
  },
  "aws.apigateway.rest-api": (rng, id) => ({
    restApiId: id,
    endpointTypes: [pick(rng, ["EDGE", "REGIONAL", "PRIVATE"])],
    stages: [
      {
        stageName: "prod",
        loggingLevel: pick(rng, ["OFF", "ERROR", "INFO", null]),
        clientCertificateId: coin(rng) ? "abc123" : null,
        tracingEnabled: coin(rng),
        webAclArn: coin(rng) ? "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1" : null,
        cachedMethods: coin(rng) ? [{ key: "*/*", cacheDataEncrypted: coin(rng) }] : [],
      },
    ],
  }),
  "aws.apigatewayv2.api": (rng, id) => ({
    apiId: id,
    protocolType: pick(rng, ["HTTP", "WEBSOCKET"]),
    stages: [
      {
        stageName: "$default",
        accessLogDestination: coin(rng) ? "arn:aws:logs:us-east-1:123456789012:log-group:api" : null,
        loggingLevel: pick(rng, ["OFF", "ERROR", null]),
      },
    ],
    routes: [
      { routeKey: "$connect", authorizationType: pick(rng, ["NONE", "AWS_IAM"]) },
      { routeKey: "GET /items", authorizationType: pick(rng, ["NONE", "JWT"]) },
    ],
  }),
  "aws.acm.certificate": (rng, id) => ({
    domainName: `${id}.example.com`,
    certificateType: pick(rng, ["AMAZON_ISSUED", "IMPORTED"]),
    status: pick(rng, ["ISSUED", "ISSUED", "EXPIRED"]),
    keyAlgorithm: pick(rng, ["RSA_2048", "RSA_1024", "EC_prime256v1"]),
    notAfter: daysAgo(rng, 400),
    inUse: coin(rng),
    transparencyLogging: coin(rng),
  }),
  "aws.wafv2.web-acl": (rng, id) => ({
    webAclId: id,
    scope: pick(rng, ["REGIONAL", "CLOUDFRONT"]),
    rules: coin(rng) ? [{ name: "AWSManagedRulesCommonRuleSet", cloudWatchMetricsEnabled: coin(rng) }] : [],
    cloudWatchMetricsEnabled: coin(rng),
    loggingEnabled: coin(rng),
  }),
  "aws.dynamodb.table": (rng, id) => ({
    tableName: `table-${id}`,
    deletionProtectionEnabled: coin(rng),
    sseType: coin(rng) ? "KMS" : "AWS_OWNED",
    pointInTimeRecoveryEnabled: coin(rng),
    ...(coin(rng)
      ? { billingMode: "PAY_PER_REQUEST" as const, capacityWithoutAutoScaling: [] }
      : {
          billingMode: "PROVISIONED" as const,
          capacityWithoutAutoScaling: coin(rng) ? [] : [`table/table-${id}:write`],
        }),
  }),
  "aws.sqs.queue": (rng, id) => ({
    queueName: `queue-${id}`,
    sqsManagedSse: coin(rng),
    kmsMasterKeyId: coin(rng) ? "alias/aws/sqs" : null,
    policyPublic: coin(rng),
  }),
  "aws.sns.topic": (rng, id) => ({
    topicName: `topic-${id}`,
    kmsMasterKeyId: coin(rng) ? "alias/aws/sns" : null,
    policyPublic: coin(rng),
    deliveryStatusLogging: coin(rng) ? ["Lambda"] : [],
  }),
  "aws.secretsmanager.secret": (rng, id) => ({
    secretName: `secret-${id}`,
    createdDate: daysAgo(rng, 400),
    rotationEnabled: coin(rng),
    rotationIntervalDays: coin(rng) ? 30 : null,
    lastRotatedDate: coin(rng) ? daysAgo(rng, 120) : null,
    nextRotationDate: null,
    lastAccessedDate: coin(rng) ? daysAgo(rng, 200) : null,
  }),
  "aws.ecr.repository": (rng, id) => ({
    repositoryName: `repo-${id}`,
    imageScanning: coin(rng),
    imageTagMutability: pick(rng, ["MUTABLE", "IMMUTABLE"]),
    hasLifecyclePolicy: coin(rng),
    policyPublic: coin(rng),
  }),
  "aws.ecs.task-definition": (rng, id) => ({
    family: `family-${id}`,
    revision: 1 + Math.floor(rng() * 20),
    networkMode: pick(rng, ["awsvpc", "bridge", "host"]),
    pidMode: coin(rng) ? "host" : null,
    containers: [
      {
        name: "app",
        privileged: coin(rng),
        user: coin(rng) ? "1000" : null,
        readonlyRootFilesystem: coin(rng),
        logging: coin(rng),
        environmentNames: coin(rng) ? ["AWS_ACCESS_KEY_ID"] : ["PORT"],
      },
    ],
  }),
  "aws.ecs.cluster": (rng, id) => ({
    clusterName: `cluster-${id}`,
    containerInsights: pick(rng, ["enabled", "disabled", "enhanced"]),
  }),
  "aws.ecs.service": (rng, id) => ({
    serviceName: `service-${id}`,
    clusterName: "cluster-1",
    fargate: coin(rng),
    platformVersion: pick(rng, ["LATEST", "1.4.0", "1.3.0"]),
    platformFamily: "Linux",
    assignPublicIp: rng() < 0.2,
    taskSets: coin(rng) ? [] : [{ id: `ecs-svc/${id}`, assignPublicIp: rng() < 0.2 }],
  }),
  "aws.elasticache.replication-group": (rng, id) => ({
    replicationGroupId: `cache-${id}`,
    snapshotRetentionLimit: coin(rng) ? 7 : 0,
    automaticFailover: pick(rng, ["enabled", "disabled"]),
    atRestEncryptionEnabled: coin(rng),
    transitEncryptionEnabled: coin(rng),
  }),
  "aws.elasticache.cache-cluster": (rng, id) => ({
    cacheClusterId: `cache-${id}-001`,
    engine: pick(rng, ["redis", "valkey", "memcached"]),
    engineVersion: pick(rng, ["7.1.0", "5.0.6"]),
    replicationGroupId: coin(rng) ? `cache-${id}` : null,
    autoMinorVersionUpgrade: coin(rng),
    cacheSubnetGroupName: coin(rng) ? "default" : "cache-subnets",
    authTokenEnabled: coin(rng),
  }),
  "aws.redshift.cluster": (rng, id) => ({
    clusterIdentifier: `warehouse-${id}`,
    publiclyAccessible: coin(rng),
    encrypted: coin(rng),
    automatedSnapshotRetentionPeriod: coin(rng) ? 7 : 1,
    allowVersionUpgrade: coin(rng),
    enhancedVpcRouting: coin(rng),
    masterUsername: coin(rng) ? "awsuser" : "warehouse_admin",
    dbName: coin(rng) ? "dev" : "analytics",
    loggingEnabled: coin(rng),
    requireSsl: coin(rng),
    securityGroupsOpenOnPort: coin(rng) ? [] : [`sg-${id}`],
    multiAz: coin(rng),
  }),
  "aws.dms.replication-instance": (rng, id) => ({
    replicationInstanceIdentifier: `dms-${id}`,
    publiclyAccessible: coin(rng),
    autoMinorVersionUpgrade: coin(rng),
    multiAz: coin(rng),
  }),
  "aws.dms.endpoint": (rng, id) => ({
    endpointIdentifier: `endpoint-${id}`,
    engineName: pick(rng, ["mysql", "neptune", "mongodb", "redis"]),
    sslMode: pick(rng, ["none", "require", "verify-full"]),
    neptuneIamAuthEnabled: coin(rng),
    mongoDbAuthType: pick(rng, ["no", "password", null]),
    redisSslSecurityProtocol: pick(rng, ["plaintext", "ssl-encryption", null]),
  }),
  "aws.dms.replication-task": (rng, id) => ({
    replicationTaskIdentifier: `task-${id}`,
    loggingEnabled: coin(rng),
    logSeverities: {
      SOURCE_UNLOAD: pick(rng, ["LOGGER_SEVERITY_DEFAULT", "LOGGER_SEVERITY_ERROR"]),
      TARGET_APPLY: pick(rng, ["LOGGER_SEVERITY_DEFAULT", "LOGGER_SEVERITY_WARNING"]),
    },
  }),
  "aws.opensearch.domain": (rng, id) => ({
    domainName: `search-${id}`,
    encryptionAtRest: coin(rng),
    inVpc: coin(rng),
    nodeToNodeEncryption: coin(rng),
    errorLogsToCloudWatch: coin(rng),
    auditLogs: coin(rng),
    instanceCount: pick(rng, [1, 3]),
    zoneAwareness: coin(rng),
    dedicatedMasterCount: pick(rng, [0, 3]),
    fineGrainedAccessControl: coin(rng),
    enforceHttps: coin(rng),
    tlsSecurityPolicy: pick(rng, ["Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"]),
    softwareUpdateAvailable: coin(rng),
  }),
  "aws.docdb.cluster": (rng, id) => dbCluster(rng, `docs-${id}`, "docdb"),
  "aws.docdb.cluster-snapshot": (rng, id) => dbClusterSnapshot(rng, `docs-${id}`),
  "aws.neptune.cluster": (rng, id) => dbCluster(rng, `graph-${id}`, "neptune"),
  "aws.rds.db-proxy": (rng, id) => ({
    dbProxyName: `proxy-${id}`,
    engineFamily: pick(rng, ["MYSQL", "POSTGRESQL"]),
    requireTls: coin(rng),
  }),
  "aws.rds.account-settings": (rng) => ({
    eventSubscriptions: coin(rng)
      ? []
      : [
          {
            subscriptionName: "db-events",
            enabled: coin(rng),
            sourceType: pick(rng, ["db-instance", "db-cluster", "db-parameter-group", "db-security-group"]),
            eventCategories: coin(rng) ? [] : ["failure", "maintenance"],
            sourceIds: [],
          },
        ],
  }),
  "aws.rds.cluster": (rng, id) => {
    const engine = pick(rng, ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"] as const);
    return {
      ...dbCluster(rng, `orders-${id}`, engine),
      masterUsername: pick(rng, ["admin", "postgres", "orders_owner"]),
      backtrackWindow: engine === "aurora-mysql" && coin(rng) ? 86_400 : 0,
      ...(engine.startsWith("aurora") ? {} : { autoMinorVersionUpgrade: coin(rng) }),
    };
  },
  "aws.neptune.cluster-snapshot": (rng, id) => dbClusterSnapshot(rng, `graph-${id}`),
  "aws.kafka.cluster": (rng, id) => ({
    clusterName: `kafka-${id}`,
    clusterType: "PROVISIONED",
    inClusterEncryption: coin(rng),
    enhancedMonitoring: pick(rng, ["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER"]),
    publicAccessType: pick(rng, ["DISABLED", "SERVICE_PROVIDED_EIPS"]),
    unauthenticatedAccess: coin(rng),
  }),
  "aws.kinesis.stream": (rng, id) => ({
    streamName: `stream-${id}`,
    encryptionType: pick(rng, ["NONE", "KMS"]),
    retentionPeriodHours: pick(rng, [24, 168, 720]),
  }),
  "aws.guardduty.account-settings": (rng, id) => {
    const on = (name: string) => (coin(rng) ? { [name]: "ENABLED" } : { [name]: "DISABLED" });
    return {
      detectorId: coin(rng) ? `d${id}` : null,
      status: "ENABLED",
      features: {
        ...on("S3_DATA_EVENTS"),
        ...on("EKS_AUDIT_LOGS"),
        ...on("EBS_MALWARE_PROTECTION"),
        ...on("RDS_LOGIN_EVENTS"),
        ...on("LAMBDA_NETWORK_LOGS"),
        ...on("RUNTIME_MONITORING"),
        ...on("RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"),
        ...on("RUNTIME_MONITORING/ECS_FARGATE_AGENT_MANAGEMENT"),
        ...on("RUNTIME_MONITORING/EC2_AGENT_MANAGEMENT"),
      },
    };
  },
  "aws.inspector2.account-settings": (rng) => ({
    status: pick(rng, ["ENABLED", "DISABLED"]),
    ec2Status: pick(rng, ["ENABLED", "DISABLED"]),
    ecrStatus: pick(rng, ["ENABLED", "DISABLED"]),
    lambdaStatus: pick(rng, ["ENABLED", "DISABLED"]),
    lambdaCodeStatus: pick(rng, ["ENABLED", "DISABLED", null]),
  }),
  "aws.macie2.account-settings": (rng) => ({
    status: pick(rng, ["ENABLED", "PAUSED", null]),
    automatedDiscoveryStatus: pick(rng, ["ENABLED", "DISABLED"]),
  }),
  "aws.backup.vault": (rng, id) => ({
    vaultName: `vault-${id}`,
    encryptionKeyArn: coin(rng) ? `arn:aws:kms:us-east-1:123456789012:key/${id}` : null,
  }),
  "aws.backup.recovery-point": (rng, id) => ({ vaultName: `vault-${id}`, isEncrypted: coin(rng) }),
  "aws.backup.account-settings": (rng) => ({
    backupPlans: pick(rng, [0, 1, 3]),
    backupVaults: pick(rng, [0, 1, 2]),
    reportPlans: pick(rng, [0, 1]),
  }),
  "aws.organizations.account": (rng, id) => ({
    organizationId: coin(rng) ? `o-${id}` : null,
    featureSet: pick(rng, ["ALL", "CONSOLIDATED_BILLING"]),
  }),
  "aws.autoscaling.group": (rng, id) => ({
    groupName: `asg-${id}`,
    healthCheckType: pick(rng, ["EC2", "ELB"]),
    loadBalancerAttached: coin(rng),
    availabilityZones: coin(rng) ? ["us-east-1a", "us-east-1b"] : ["us-east-1a"],
    usesLaunchTemplate: coin(rng),
    launchConfigurationName: coin(rng) ? `lc-${id}` : null,
    mixedInstanceTypes: coin(rng) ? ["m6i.large", "m5.large"] : [],
  }),
  "aws.autoscaling.launch-configuration": (rng, id) => ({
    launchConfigurationName: `lc-${id}`,
    metadataHttpTokens: pick(rng, ["required", "optional", null]),
    metadataHttpEndpoint: pick(rng, ["enabled", null]),
    metadataHopLimit: pick(rng, [1, 2, null]),
    associatePublicIpAddress: coin(rng),
  }),
  "aws.codebuild.project": (rng, id) => ({
    projectName: `project-${id}`,
    sourceUrlHasCredentials: coin(rng),
    plaintextCredentialVariables: coin(rng) ? ["AWS_SECRET_ACCESS_KEY"] : [],
    privilegedMode: coin(rng),
    cloudWatchLogsEnabled: coin(rng),
    s3LogsEnabled: coin(rng),
    s3LogsEncryptionDisabled: coin(rng),
  }),
  "aws.codebuild.report-group": (rng, id) => ({
    reportGroupName: `reports-${id}`,
    exportConfigType: pick(rng, ["S3", "NO_EXPORT"]),
    exportEncryptionDisabled: coin(rng),
  }),
  "aws.stepfunctions.state-machine": (rng, id) => ({
    stateMachineName: `machine-${id}`,
    loggingLevel: pick(rng, ["ALL", "ERROR", "FATAL", "OFF"]),
  }),
  "aws.elasticbeanstalk.environment": (rng, id) => ({
    environmentName: `env-${id}`,
    applicationName: `app-${id}`,
    healthReportingSystem: pick(rng, ["basic", "enhanced"]),
    managedActionsEnabled: coin(rng),
    streamLogs: coin(rng),
  }),
  "aws.ec2.launch-template": (rng, id) => ({
    launchTemplateName: `template-${id}`,
    defaultVersion: 1,
    associatePublicIpAddress: coin(rng),
    metadataHttpTokens: pick(rng, ["required", "optional", null]),
    metadataHttpEndpoint: pick(rng, ["enabled", null]),
    ebsVolumes: [{ deviceName: "/dev/xvda", encrypted: pick(rng, [true, false, null]) }],
  }),
  "aws.ssm.instance": (rng, id) => ({
    instanceId: `i-${id}`,
    instanceState: pick(rng, ["running", "stopped"]),
    managed: coin(rng),
    patchCompliance: pick(rng, ["COMPLIANT", "NON_COMPLIANT", null]),
    associationCompliance: pick(rng, ["COMPLIANT", "NON_COMPLIANT", null]),
  }),
  "aws.ssm.document": (rng, id) => ({
    documentName: `document-${id}`,
    sharedPublicly: coin(rng),
  }),
  "aws.ssm.document-sharing-setting": (rng) => ({
    settingValue: pick(rng, ["Enable", "Disable"]),
  }),
  "aws.dax.cluster": (rng, id) => ({
    clusterName: `dax-${id}`,
    encryptedAtRest: coin(rng),
    endpointEncryption: pick(rng, ["TLS", "NONE"]),
  }),
  "aws.kafkaconnect.connector": (rng, id) => ({
    connectorName: `connector-${id}`,
    encryptionInTransit: pick(rng, ["TLS", "PLAINTEXT"]),
    logDestinations: coin(rng) ? ["cloudWatchLogs"] : [],
  }),
  "aws.ssm.automation-log-setting": (rng) => ({ settingValue: pick(rng, ["CloudWatch", "None"]) }),
  "aws.sagemaker.notebook-instance": (rng, id) => ({
    notebookInstanceName: `notebook-${id}`,
    directInternetAccess: pick(rng, ["Enabled", "Disabled"]),
    rootAccess: pick(rng, ["Enabled", "Disabled"]),
    subnetId: coin(rng) ? `subnet-${id}` : null,
  }),
  "aws.sagemaker.endpoint-config": (rng, id) => ({
    endpointConfigName: `endpoint-config-${id}`,
    variantInstanceCounts: [pick(rng, [1, 2, 3])],
  }),
  "aws.sagemaker.model": (rng, id) => ({ modelName: `model-${id}`, networkIsolation: coin(rng) }),
  "aws.networkfirewall.firewall": (rng, id) => ({
    firewallName: `firewall-${id}`,
    subnetCount: pick(rng, [1, 2, 3]),
    deleteProtection: coin(rng),
    subnetChangeProtection: coin(rng),
    logTypes: coin(rng) ? ["ALERT"] : [],
  }),
  "aws.networkfirewall.firewall-policy": (rng, id) => ({
    policyName: `policy-${id}`,
    ruleGroupCount: pick(rng, [0, 1, 2]),
    statelessDefaultActions: [pick(rng, ["aws:pass", "aws:drop", "aws:forward_to_sfe"])],
    statelessFragmentDefaultActions: [pick(rng, ["aws:pass", "aws:drop", "aws:forward_to_sfe"])],
  }),
  "aws.networkfirewall.rule-group": (rng, id) => ({
    ruleGroupName: `rule-group-${id}`,
    ruleGroupType: pick(rng, ["STATELESS", "STATEFUL"]),
    statelessRuleCount: pick(rng, [0, 1, 5]),
  }),
};

function dbCluster(rng: Rng, id: string, engine: string) {
  return {
    dbClusterIdentifier: id,
    engine,
    storageEncrypted: coin(rng),
    backupRetentionPeriod: coin(rng) ? 7 : 1,
    deletionProtection: coin(rng),
    cloudwatchLogsExports: coin(rng) ? ["audit"] : [],
    iamDatabaseAuthentication: coin(rng),
    copyTagsToSnapshot: coin(rng),
    multiAZ: coin(rng),
    parameterGroup: parameterGroup(rng, `default.${engine}`),
  };
}

/** A parameter group holding every checked parameter, each on or off by a coin. */
function parameterGroup(rng: Rng, name: string) {
  return {
    name,
    inSync: coin(rng),
    parameters: {
      "rds.force_ssl": coin(rng) ? "1" : "0",
      require_secure_transport: coin(rng) ? "ON" : "OFF",
      server_audit_logging: coin(rng) ? "1" : "0",
      server_audit_events: coin(rng) ? "CONNECT,QUERY" : "",
      tls: pick(rng, ["disabled", "enabled", "tls1.2+"]),
    },
  };
}

function dbClusterSnapshot(rng: Rng, id: string) {
  return {
    dbClusterSnapshotIdentifier: `${id}-snap`,
    snapshotType: pick(rng, ["manual", "automated"]),
    storageEncrypted: coin(rng),
    restoreAttributeValues: coin(rng) ? ["all"] : [],
  };
}

export interface SyntheticAssetOptions {
  readonly count: number;
  readonly seed?: number;
  readonly accountId?: string;
  /** Restrict to these types; default every type, in turn. */
  readonly types?: readonly ResourceType[];
}

/** `count` assets cycling through the resource types, identical for the same seed. */
export function syntheticAssets(options: SyntheticAssetOptions): Asset[] {
  const rng = seededRandom(options.seed ?? 1);
  const accountId = options.accountId ?? "123456789012";
  const types = options.types ?? (Object.keys(makers) as ResourceType[]);
  const assets: Asset[] = [];
  for (let i = 0; i < options.count; i++) {
    const type = types[i % types.length] as ResourceType;
    const id = i.toString(16).padStart(8, "0");
    const region = pick(rng, REGIONS);
    const maker = makers[type] as Maker<ResourceType>;
    assets.push({
      arn: `arn:aws:synthetic:${region}:${accountId}:${type}/${id}`,
      type,
      region,
      accountId,
      name: `${type.split(".")[2]}-${id}`,
      tags: coin(rng) ? { env: pick(rng, ["prod", "dev"]) } : {},
      config: maker(rng, id),
    } as Asset);
  }
  return assets;
}
