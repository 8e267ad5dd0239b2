/**
 * Data movement, streaming and machine learning services, each generated from a random stream of its
 * own (`<seed>:<service>`) like the other services: every setting a check decides from is
 * misconfigured at the account's rate.
 */
import type { ServiceGenerationOptions } from "./generate-services.ts";

type Json = Record<string, unknown>;
type Put = (key: string, value: unknown) => void;

const DAY = 86_400_000;

function helpers(o: ServiceGenerationOptions) {
  return {
    bad: () => o.rng.chance(o.rate),
    iso: (days: number) => new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z"),
    /** DMS resource ids in ARNs: 26 upper-case letters and digits. */
    dmsId: () => o.rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26),
  };
}

const LOG_COMPONENTS = ["SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER"];

/**
 * Per region: a replication instance; a MySQL source, and Neptune, MongoDB and Redis OSS endpoints;
 * and a replication task whose logging is off, or one side of it below the default severity, at `rate`.
 */
export function generateDms(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso, dmsId } = helpers(o);
  for (const region of o.regions) {
    const arn = (kind: string) => `arn:aws:dms:${region}:${accountId}:${kind}:${dmsId()}`;
    const instanceArn = arn("rep");
    const publicInstance = bad();
    put(`${region}/dms/describe-replication-instances`, {
      ReplicationInstances: [
        {
          ReplicationInstanceIdentifier: "sim-migration",
          ReplicationInstanceClass: "dms.t3.medium",
          ReplicationInstanceStatus: "available",
          AllocatedStorage: 50,
          InstanceCreateTime: iso(120),
          AvailabilityZone: `${region}a`,
          PreferredMaintenanceWindow: "sun:06:00-sun:06:30",
          PendingModifiedValues: {},
          MultiAZ: !bad(),
          EngineVersion: "3.5.3",
          AutoMinorVersionUpgrade: !bad(),
          KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`,
          ReplicationInstanceArn: instanceArn,
          ...(publicInstance
            ? {
                ReplicationInstancePublicIpAddress: `3.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`,
              }
            : {}),
          ReplicationInstancePrivateIpAddress: `10.0.${rng.int(0, 254)}.${rng.int(2, 254)}`,
          ReplicationInstancePublicIpAddresses: publicInstance
            ? [`3.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`]
            : [],
          ReplicationInstancePrivateIpAddresses: [`10.0.${rng.int(0, 254)}.${rng.int(2, 254)}`],
          PubliclyAccessible: publicInstance,
          NetworkType: "IPV4",
        },
      ],
    });
    const endpoint = (
      id: string,
      type: "source" | "target",
      engine: string,
      display: string,
      extra: Json,
    ) => ({
      EndpointIdentifier: id,
      EndpointType: type,
      EngineName: engine,
      EngineDisplayName: display,
      Status: "active",
      KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`,
      EndpointArn: arn("endpoint"),
      ...extra,
    });
    const source = endpoint("sim-orders-source", "source", "mysql", "MySQL", {
      ServerName: `sim-orders.cluster-${rng.hex(12)}.${region}.rds.amazonaws.com`,
      Port: 3306,
      Username: "dms",
      SslMode: bad() ? "none" : "verify-full",
    });
    const target = endpoint("sim-graph-target", "target", "neptune", "Amazon Neptune", {
      ServerName: `sim-graph.cluster-${rng.hex(12)}.${region}.neptune.amazonaws.com`,
      Port: 8182,
      SslMode: "none",
      NeptuneSettings: {
        ServiceAccessRoleArn: `arn:aws:iam::${accountId}:role/sim-dms-neptune`,
        S3BucketName: `sim-dms-staging-${region}`,
        S3BucketFolder: "graph",
        ErrorRetryDuration: 250,
        MaxFileSize: 1048576,
        MaxRetryCount: 5,
        IamAuthEnabled: !bad(),
      },
    });
    const mongo = endpoint("sim-catalog-source", "source", "mongodb", "MongoDB", {
      ServerName: "catalog.sim.internal",
      Port: 27017,
      DatabaseName: "catalog",
      SslMode: "require",
      MongoDbSettings: {
        ServerName: "catalog.sim.internal",
        Port: 27017,
        DatabaseName: "catalog",
        NestingLevel: "none",
        ExtractDocId: "false",
        DocsToInvestigate: "1000",
        ...(bad()
          ? { AuthType: "no" }
          : { AuthType: "password", AuthMechanism: "scram_sha_1", AuthSource: "admin", Username: "dms" }),
      },
    });
    const redis = endpoint("sim-cache-target", "target", "redis", "Redis OSS", {
      SslMode: "none",
      RedisSettings: {
        ServerName: `sim-cache.${rng.hex(6)}.ng.0001.${region.replace(/-/g, "")}.cache.amazonaws.com`,
        Port: 6379,
        SslSecurityProtocol: bad() ? "plaintext" : "ssl-encryption",
        AuthType: "none",
      },
    });
    put(`${region}/dms/describe-endpoints`, { Endpoints: [source, target, mongo, redis] });
    const logging = bad()
      ? {
          EnableLogging: false,
          LogComponents: LOG_COMPONENTS.map((Id) => ({ Id, Severity: "LOGGER_SEVERITY_DEFAULT" })),
        }
      : {
          EnableLogging: true,
          LogComponents: LOG_COMPONENTS.map((Id) => ({
            Id,
            Severity: bad() ? "LOGGER_SEVERITY_WARNING" : "LOGGER_SEVERITY_DEFAULT",
          })),
        };
    put(`${region}/dms/describe-replication-tasks`, {
      ReplicationTasks: [
        {
          ReplicationTaskIdentifier: "sim-orders-to-graph",
          SourceEndpointArn: source.EndpointArn,
          TargetEndpointArn: target.EndpointArn,
          ReplicationInstanceArn: instanceArn,
          MigrationType: "full-load-and-cdc",
          TableMappings: JSON.stringify({
            rules: [
              {
                "rule-type": "selection",
                "rule-id": "1",
                "rule-name": "1",
                "object-locator": { "schema-name": "orders", "table-name": "%" },
                "rule-action": "include",
              },
            ],
          }),
          ReplicationTaskSettings: JSON.stringify({
            TargetMetadata: { TargetSchema: "", SupportLobs: true, FullLobMode: false, LobChunkSize: 64 },
            FullLoadSettings: { TargetTablePrepMode: "DO_NOTHING", MaxFullLoadSubTasks: 8 },
            Logging: logging,
          }),
          Status: "running",
          ReplicationTaskCreationDate: iso(90),
          ReplicationTaskStartDate: iso(89),
          ReplicationTaskArn: arn("task"),
        },
      ],
    });
  }
}

/**
 * Per region: a provisioned MSK cluster whose in-cluster TLS, enhanced monitoring, private access and
 * client authentication are each off at `rate`, and a serverless cluster (none of those apply).
 */
export function generateKafka(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`;
    const subnets = [`subnet-0${rng.hex(16)}`, `subnet-0${rng.hex(16)}`];
    const securityGroups = [`sg-0${rng.hex(16)}`];
    const unauthenticated = bad();
    put(`${region}/kafka/list-clusters-v2`, {
      ClusterInfoList: [
        {
          ClusterType: "PROVISIONED",
          ClusterArn: `arn:aws:kafka:${region}:${accountId}:cluster/sim-orders/${uuid()}-2`,
          ClusterName: "sim-orders",
          CreationTime: iso(200),
          CurrentVersion: `K${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`,
          State: "ACTIVE",
          Tags: {},
          Provisioned: {
            BrokerNodeGroupInfo: {
              BrokerAZDistribution: "DEFAULT",
              ClientSubnets: subnets,
              InstanceType: "kafka.m5.large",
              SecurityGroups: securityGroups,
              StorageInfo: { EbsStorageInfo: { VolumeSize: 100 } },
              ConnectivityInfo: { PublicAccess: { Type: bad() ? "SERVICE_PROVIDED_EIPS" : "DISABLED" } },
            },
            CurrentBrokerSoftwareInfo: { KafkaVersion: "3.6.0" },
            ClientAuthentication: {
              Sasl: { Scram: { Enabled: false }, Iam: { Enabled: !unauthenticated } },
              Tls: { CertificateAuthorityArnList: [], Enabled: false },
              Unauthenticated: { Enabled: unauthenticated },
            },
            EncryptionInfo: {
              EncryptionAtRest: { DataVolumeKMSKeyId: `arn:aws:kms:${region}:${accountId}:key/${uuid()}` },
              EncryptionInTransit: bad()
                ? { ClientBroker: "TLS_PLAINTEXT", InCluster: false }
                : { ClientBroker: "TLS", InCluster: true },
            },
            EnhancedMonitoring: bad() ? "DEFAULT" : "PER_TOPIC_PER_BROKER",
            NumberOfBrokerNodes: 2,
            StorageMode: "LOCAL",
          },
        },
        {
          ClusterType: "SERVERLESS",
          ClusterArn: `arn:aws:kafka:${region}:${accountId}:cluster/sim-events/${uuid()}-s1`,
          ClusterName: "sim-events",
          CreationTime: iso(60),
          CurrentVersion: `K${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`,
          State: "ACTIVE",
          Tags: {},
          Serverless: {
            VpcConfigs: [{ SubnetIds: subnets, SecurityGroupIds: securityGroups }],
            ClientAuthentication: { Sasl: { Iam: { Enabled: true } } },
          },
        },
      ],
    });
  }
}

/** Per region: two Kinesis data streams, unencrypted and kept only the default day each at `rate`. */
export function generateKinesis(put: Put, o: ServiceGenerationOptions): void {
  const { accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const streams = ["sim-clicks", "sim-audit"].map((name) => {
      const arn = `arn:aws:kinesis:${region}:${accountId}:stream/${name}`;
      const listed = {
        StreamName: name,
        StreamARN: arn,
        StreamStatus: "ACTIVE",
        StreamModeDetails: { StreamMode: "ON_DEMAND" },
        StreamCreationTimestamp: iso(150),
      };
      const encrypted = !bad();
      put(`${region}/kinesis/describe-stream-summary/${name}`, {
        StreamDescriptionSummary: {
          ...listed,
          RetentionPeriodHours: bad() ? 24 : 168,
          EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
          EncryptionType: encrypted ? "KMS" : "NONE",
          ...(encrypted ? { KeyId: "alias/aws/kinesis" } : {}),
          OpenShardCount: 4,
          ConsumerCount: 1,
        },
      });
      return listed;
    });
    put(`${region}/kinesis/list-streams`, {
      StreamNames: streams.map((s) => s.StreamName),
      StreamSummaries: streams,
      HasMoreStreams: false,
    });
  }
}

/**
 * Per region: a notebook instance (direct internet access, SageMaker's VPC, root access each at
 * `rate`), an endpoint configuration with a single-instance variant at `rate`, and a model without
 * network isolation at `rate`.
 */
export function generateSageMaker(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const arn = (kind: string, name: string) => `arn:aws:sagemaker:${region}:${accountId}:${kind}/${name}`;
    const created = iso(45);
    const inVpc = !bad();
    const notebook = {
      NotebookInstanceName: "sim-research",
      NotebookInstanceArn: arn("notebook-instance", "sim-research"),
      NotebookInstanceStatus: "InService",
      Url: `sim-research-${rng.hex(8)}.notebook.${region}.sagemaker.aws`,
      InstanceType: "ml.t3.medium",
      CreationTime: created,
      LastModifiedTime: created,
    };
    put(`${region}/sagemaker/list-notebook-instances`, { NotebookInstances: [notebook] });
    put(`${region}/sagemaker/describe-notebook-instance/sim-research`, {
      ...notebook,
      ...(inVpc
        ? {
            SubnetId: `subnet-0${rng.hex(16)}`,
            SecurityGroups: [`sg-0${rng.hex(16)}`],
            NetworkInterfaceId: `eni-0${rng.hex(16)}`,
          }
        : {}),
      RoleArn: `arn:aws:iam::${accountId}:role/sim-sagemaker`,
      DirectInternetAccess: inVpc && !bad() ? "Disabled" : "Enabled",
      VolumeSizeInGB: 5,
      RootAccess: bad() ? "Enabled" : "Disabled",
      PlatformIdentifier: "notebook-al2-v3",
    });
    const config = {
      EndpointConfigName: "sim-ranker",
      EndpointConfigArn: arn("endpoint-config", "sim-ranker"),
      CreationTime: created,
    };
    put(`${region}/sagemaker/list-endpoint-configs`, { EndpointConfigs: [config] });
    put(`${region}/sagemaker/describe-endpoint-config/sim-ranker`, {
      ...config,
      ProductionVariants: [
        {
          VariantName: "primary",
          ModelName: "sim-ranker-model",
          InitialInstanceCount: bad() ? 1 : 2,
          InstanceType: "ml.m5.large",
          InitialVariantWeight: 1,
        },
      ],
    });
    const model = {
      ModelName: "sim-ranker-model",
      ModelArn: arn("model", "sim-ranker-model"),
      CreationTime: created,
    };
    put(`${region}/sagemaker/list-models`, { Models: [model] });
    put(`${region}/sagemaker/describe-model/sim-ranker-model`, {
      ...model,
      PrimaryContainer: {
        Image: `${accountId}.dkr.ecr.${region}.amazonaws.com/sim-ranker:1.0`,
        ModelDataUrl: `s3://sim-models-${region}/ranker/model.tar.gz`,
      },
      ExecutionRoleArn: `arn:aws:iam::${accountId}:role/sim-sagemaker`,
      EnableNetworkIsolation: !bad(),
    });
  }
}

/**
 * Per region: a firewall (one Availability Zone, no logging, deletion and subnet change protection
 * off, each at `rate`), its policy (no rule group, pass as a default action, each at `rate`), and a
 * stateless rule group that is empty at `rate`.
 */
export function generateNetworkFirewall(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const arn = (kind: string, name: string) =>
      `arn:aws:network-firewall:${region}:${accountId}:${kind}/${name}`;
    const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`;
    const vpc = `vpc-0${rng.hex(16)}`;
    const groupArn = arn("stateless-rulegroup", "sim-block-ports");
    const emptyGroup = bad();
    put(`${region}/network-firewall/list-rule-groups`, {
      RuleGroups: [{ Name: "sim-block-ports", Arn: groupArn }],
    });
    put(`${region}/network-firewall/describe-rule-group/sim-block-ports`, {
      UpdateToken: uuid(),
      RuleGroup: {
        RulesSource: {
          StatelessRulesAndCustomActions: {
            StatelessRules: emptyGroup
              ? []
              : [
                  {
                    RuleDefinition: {
                      MatchAttributes: {
                        Sources: [{ AddressDefinition: "0.0.0.0/0" }],
                        Destinations: [{ AddressDefinition: "10.0.0.0/16" }],
                        DestinationPorts: [{ FromPort: 23, ToPort: 23 }],
                        Protocols: [6],
                      },
                      Actions: ["aws:drop"],
                    },
                    Priority: 1,
                  },
                ],
          },
        },
      },
      RuleGroupResponse: {
        RuleGroupArn: groupArn,
        RuleGroupName: "sim-block-ports",
        RuleGroupId: uuid(),
        Type: "STATELESS",
        Capacity: 100,
        RuleGroupStatus: "ACTIVE",
        NumberOfAssociations: 1,
      },
    });
    const policyArn = arn("firewall-policy", "sim-egress-policy");
    const noGroups = bad();
    put(`${region}/network-firewall/list-firewall-policies`, {
      FirewallPolicies: [{ Name: "sim-egress-policy", Arn: policyArn }],
    });
    put(`${region}/network-firewall/describe-firewall-policy/sim-egress-policy`, {
      UpdateToken: uuid(),
      FirewallPolicyResponse: {
        FirewallPolicyName: "sim-egress-policy",
        FirewallPolicyArn: policyArn,
        FirewallPolicyId: uuid(),
        FirewallPolicyStatus: "ACTIVE",
        NumberOfAssociations: 1,
      },
      FirewallPolicy: {
        ...(noGroups ? {} : { StatelessRuleGroupReferences: [{ ResourceArn: groupArn, Priority: 10 }] }),
        StatelessDefaultActions: [bad() ? "aws:pass" : "aws:forward_to_sfe"],
        StatelessFragmentDefaultActions: [bad() ? "aws:pass" : "aws:drop"],
      },
    });
    const firewallArn = arn("firewall", "sim-egress");
    put(`${region}/network-firewall/list-firewalls`, {
      Firewalls: [{ FirewallName: "sim-egress", FirewallArn: firewallArn }],
    });
    const zones = bad() ? ["a"] : ["a", "b"];
    put(`${region}/network-firewall/describe-firewall/sim-egress`, {
      UpdateToken: uuid(),
      Firewall: {
        FirewallName: "sim-egress",
        FirewallArn: firewallArn,
        FirewallPolicyArn: policyArn,
        VpcId: vpc,
        SubnetMappings: zones.map(() => ({ SubnetId: `subnet-0${rng.hex(16)}` })),
        DeleteProtection: !bad(),
        SubnetChangeProtection: !bad(),
        FirewallPolicyChangeProtection: true,
        FirewallId: uuid(),
      },
      FirewallStatus: { Status: "READY", ConfigurationSyncStateSummary: "IN_SYNC" },
    });
    if (!bad())
      put(`${region}/network-firewall/describe-logging-configuration/sim-egress`, {
        FirewallArn: firewallArn,
        LoggingConfiguration: {
          LogDestinationConfigs: [
            {
              LogType: "ALERT",
              LogDestinationType: "CloudWatchLogs",
              LogDestination: { logGroup: "/sim/network-firewall/alert" },
            },
          ],
        },
      });
  }
}
