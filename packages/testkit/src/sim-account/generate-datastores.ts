/**
 * The data stores of the check catalogue's breadth (Redshift, OpenSearch, DocumentDB, Neptune, RDS clusters),
 * each from a random stream of its own like generate-services.ts: every setting a check decides
 * from is misconfigured at the account's rate.
 */
import type { ServiceGenerationOptions } from "./generate-services.ts";

type Put = (key: string, value: unknown) => void;

const DAY = 86_400_000;
const iso = (o: ServiceGenerationOptions, days: number) =>
  new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z");

/** The parameter group every Redshift cluster gets unless another is chosen; `require_ssl` off. */
const REDSHIFT_DEFAULT_GROUP = "default.redshift-1.0";

/**
 * Per region: two Redshift clusters, one on a custom parameter group (`require_ssl` off at `rate`),
 * the other on it or on the default group; each setting of Redshift.1–10 off at `rate`.
 */
export function generateRedshift(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const custom = "sim-warehouse-params";
    const parameter = (name: string, value: string, source: string) => ({
      ParameterName: name,
      ParameterValue: value,
      Description: name,
      Source: source,
      DataType: "boolean",
      AllowedValues: "true,false",
      ApplyType: "static",
      IsModifiable: true,
    });
    put(`${region}/redshift/describe-cluster-parameters/${REDSHIFT_DEFAULT_GROUP}`, {
      Parameters: [
        parameter("enable_user_activity_logging", "false", "engine-default"),
        parameter("require_ssl", "false", "engine-default"),
      ],
    });
    put(`${region}/redshift/describe-cluster-parameters/${custom}`, {
      Parameters: [
        parameter("enable_user_activity_logging", "true", "user"),
        parameter("require_ssl", bad() ? "false" : "true", "user"),
      ],
    });
    const clusters = ["sim-warehouse", "sim-reporting"].map((id, i) => {
      const logging = !bad();
      put(
        `${region}/redshift/describe-logging-status/${id}`,
        logging
          ? {
              LoggingEnabled: true,
              LogDestinationType: "cloudwatch",
              LogExports: ["connectionlog", "userlog", "useractivitylog"],
              LastSuccessfulDeliveryTime: iso(o, 0),
            }
          : { LoggingEnabled: false },
      );
      const encrypted = !bad();
      return {
        ClusterIdentifier: id,
        NodeType: "ra3.xlplus",
        ClusterStatus: "available",
        ClusterAvailabilityStatus: "Available",
        MasterUsername: bad() ? "awsuser" : `${id.replace("-", "_")}_admin`,
        DBName: bad() ? "dev" : "analytics",
        Endpoint: { Address: `${id}.c${rng.hex(11)}.${region}.redshift.amazonaws.com`, Port: 5439 },
        ClusterCreateTime: iso(o, 300 + i),
        AutomatedSnapshotRetentionPeriod: bad() ? rng.pick([0, 1]) : 7,
        ManualSnapshotRetentionPeriod: -1,
        ClusterSecurityGroups: [],
        VpcSecurityGroups: [{ VpcSecurityGroupId: `sg-0${rng.hex(16)}`, Status: "active" }],
        ClusterParameterGroups: [
          {
            ParameterGroupName: i === 1 && bad() ? REDSHIFT_DEFAULT_GROUP : custom,
            ParameterApplyStatus: "in-sync",
          },
        ],
        ClusterSubnetGroupName: "sim-warehouse-subnets",
        VpcId: `vpc-0${rng.hex(16)}`,
        AvailabilityZone: `${region}a`,
        PreferredMaintenanceWindow: "sun:03:00-sun:03:30",
        PendingModifiedValues: {},
        ClusterVersion: "1.0",
        AllowVersionUpgrade: !bad(),
        NumberOfNodes: 2,
        PubliclyAccessible: bad(),
        Encrypted: encrypted,
        ...(encrypted
          ? { KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}` }
          : {}),
        EnhancedVpcRouting: !bad(),
        Tags: [],
      };
    });
    put(`${region}/redshift/describe-clusters`, { Clusters: clusters });
  }
}

/**
 * Per region: two OpenSearch Service domains, each setting of Opensearch.1–11 off at `rate` (a bad
 * domain has one data node, no zone awareness, no dedicated primary nodes, a public endpoint ...).
 */
export function generateOpenSearch(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const names = ["sim-logs", "sim-search"];
    for (const name of names) {
      const arn = `arn:aws:es:${region}:${accountId}:domain/${name}`;
      const inVpc = !bad();
      const encrypted = !bad();
      const small = bad();
      const masters = bad() ? 0 : 3;
      const logGroup = (kind: string) =>
        `arn:aws:logs:${region}:${accountId}:log-group:/aws/OpenSearchService/domains/${name}/${kind}`;
      const update = bad();
      const host = `${inVpc ? "vpc-" : "search-"}${name}-${rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 26)}.${region}.es.amazonaws.com`;
      put(`${region}/opensearch/describe-domain/${name}`, {
        DomainStatus: {
          DomainId: `${accountId}/${name}`,
          DomainName: name,
          ARN: arn,
          Created: true,
          Deleted: false,
          ...(inVpc ? { Endpoints: { vpc: host } } : { Endpoint: host }),
          Processing: false,
          UpgradeProcessing: false,
          EngineVersion: "OpenSearch_2.11",
          ClusterConfig: {
            InstanceType: "r6g.large.search",
            InstanceCount: small ? 1 : 3,
            DedicatedMasterEnabled: masters > 0,
            ZoneAwarenessEnabled: !small,
            ...(small ? {} : { ZoneAwarenessConfig: { AvailabilityZoneCount: 3 } }),
            ...(masters > 0
              ? { DedicatedMasterType: "m6g.large.search", DedicatedMasterCount: masters }
              : {}),
            WarmEnabled: false,
          },
          EBSOptions: { EBSEnabled: true, VolumeType: "gp3", VolumeSize: 100, Iops: 3000, Throughput: 125 },
          AccessPolicies: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: "es:*",
                Resource: `${arn}/*`,
              },
            ],
          }),
          SnapshotOptions: {},
          ...(inVpc
            ? {
                VPCOptions: {
                  VPCId: `vpc-0${rng.hex(16)}`,
                  SubnetIds: [`subnet-0${rng.hex(16)}`],
                  AvailabilityZones: [`${region}a`],
                  SecurityGroupIds: [`sg-0${rng.hex(16)}`],
                },
              }
            : {}),
          EncryptionAtRestOptions: encrypted
            ? {
                Enabled: true,
                KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}`,
              }
            : { Enabled: false },
          NodeToNodeEncryptionOptions: { Enabled: !bad() },
          AdvancedOptions: { "rest.action.multi.allow_explicit_index": "true" },
          LogPublishingOptions: {
            ...(bad()
              ? {}
              : {
                  ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: logGroup("application"), Enabled: true },
                }),
            ...(bad() ? {} : { AUDIT_LOGS: { CloudWatchLogsLogGroupArn: logGroup("audit"), Enabled: true } }),
          },
          ServiceSoftwareOptions: {
            CurrentVersion: update ? "OpenSearch_2_11_R20240502" : "OpenSearch_2_11_R20241003",
            NewVersion: update ? "OpenSearch_2_11_R20241003" : "",
            UpdateAvailable: update,
            Cancellable: false,
            UpdateStatus: update ? "ELIGIBLE" : "COMPLETED",
            Description: update
              ? "A newer release OpenSearch_2_11_R20241003 is available."
              : "There is no software update available for this domain.",
            AutomatedUpdateDate: "1970-01-01T00:00:00Z",
            OptionalDeployment: true,
          },
          DomainEndpointOptions: {
            EnforceHTTPS: !bad(),
            TLSSecurityPolicy: bad() ? "Policy-Min-TLS-1-0-2019-07" : "Policy-Min-TLS-1-2-2019-07",
            CustomEndpointEnabled: false,
          },
          AdvancedSecurityOptions: {
            Enabled: !bad(),
            InternalUserDatabaseEnabled: false,
            AnonymousAuthEnabled: false,
          },
        },
      });
    }
    put(`${region}/opensearch/list-domain-names`, {
      DomainNames: names.map((DomainName) => ({ DomainName, EngineType: "OpenSearch" })),
    });
  }
}

/**
 * Per region: two DocumentDB and two Neptune clusters (RDS API), each setting of DocumentDB.1–5 and
 * Neptune.1–9 off at `rate`; each cluster has an automated snapshot and a manual one, public or
 * unencrypted at `rate`.
 */
export function generateDocDbAndNeptune(
  put: Put,
  o: ServiceGenerationOptions,
  /** Other clusters the same `DescribeDBClusters` answer lists, by region (RDS's own). */
  more: ReadonlyMap<string, readonly Record<string, unknown>[]> = new Map(),
): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const clusters: Record<string, unknown>[] = [];
    const snapshots: Record<string, unknown>[] = [];
    for (const [engine, version, port, logTypes] of [
      ["docdb", "5.0.0", 27017, ["audit", "profiler"]],
      ["neptune", "1.3.2.1", 8182, ["audit"]],
    ] as const) {
      for (const id of [`sim-${engine}-a`, `sim-${engine}-b`]) {
        const arn = `arn:aws:rds:${region}:${accountId}:cluster:${id}`;
        const encrypted = !bad();
        const kms = `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}`;
        const multiAZ = !bad();
        const created = iso(o, 120);
        clusters.push({
          AllocatedStorage: 1,
          AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
          BackupRetentionPeriod: bad() ? 1 : 7,
          DBClusterIdentifier: id,
          DBClusterParameterGroup: `default.${engine}${engine === "docdb" ? "5.0" : "1.3"}`,
          DBSubnetGroup: "sim-db-subnets",
          Status: "available",
          EarliestRestorableTime: iso(o, 7),
          Endpoint: `${id}.cluster-c${rng.hex(11)}.${region}.${engine === "docdb" ? "docdb" : "neptune"}.amazonaws.com`,
          MultiAZ: multiAZ,
          Engine: engine,
          EngineVersion: version,
          LatestRestorableTime: iso(o, 0),
          Port: port,
          MasterUsername: engine === "docdb" ? "docadmin" : "admin",
          ...clusterWindowsAndMembers(id, multiAZ ? 2 : 1),
          VpcSecurityGroups: [{ VpcSecurityGroupId: `sg-0${rng.hex(16)}`, Status: "active" }],
          HostedZoneId: "Z2R2ITUGPM61AM",
          StorageEncrypted: encrypted,
          ...(encrypted ? { KmsKeyId: kms } : {}),
          DbClusterResourceId: `cluster-${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26)}`,
          DBClusterArn: arn,
          AssociatedRoles: [],
          IAMDatabaseAuthenticationEnabled: engine === "neptune" ? !bad() : false,
          ClusterCreateTime: created,
          ...(bad() ? {} : { EnabledCloudwatchLogsExports: [...logTypes] }),
          DeletionProtection: !bad(),
          CopyTagsToSnapshot: !bad(),
          CrossAccountClone: false,
          TagList: [],
        });
        for (const type of ["automated", "manual"] as const) {
          const snapshotId = type === "automated" ? `rds:${id}-2026-05-31-03-00` : `${id}-before-upgrade`;
          const snapshotEncrypted = type === "manual" && bad() ? false : encrypted;
          snapshots.push({
            AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
            DBClusterSnapshotIdentifier: snapshotId,
            DBClusterIdentifier: id,
            SnapshotCreateTime: iso(o, 1),
            Engine: engine,
            AllocatedStorage: 0,
            Status: "available",
            Port: 0,
            VpcId: `vpc-0${rng.hex(16)}`,
            ClusterCreateTime: created,
            MasterUsername: engine === "docdb" ? "docadmin" : "admin",
            EngineVersion: version,
            LicenseModel: engine,
            SnapshotType: type,
            PercentProgress: 100,
            StorageEncrypted: snapshotEncrypted,
            ...(snapshotEncrypted ? { KmsKeyId: kms } : {}),
            DBClusterSnapshotArn: `arn:aws:rds:${region}:${accountId}:cluster-snapshot:${snapshotId}`,
            IAMDatabaseAuthenticationEnabled: false,
            TagList: [],
          });
          if (type === "manual") {
            const shared = bad()
              ? ["all"]
              : rng.chance(0.5)
                ? [String(Number(accountId) + 1).padStart(12, "0")]
                : [];
            if (shared.length > 0)
              put(`${region}/rds/describe-db-cluster-snapshot-attributes/${snapshotId}`, {
                DBClusterSnapshotAttributesResult: {
                  DBClusterSnapshotIdentifier: snapshotId,
                  DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: shared }],
                },
              });
          }
        }
      }
    }
    put(`${region}/rds/describe-db-clusters`, { DBClusters: [...clusters, ...(more.get(region) ?? [])] });
    put(`${region}/rds/describe-db-cluster-snapshots`, { DBClusterSnapshots: snapshots });
  }
}

/** A cluster's backup and maintenance windows, and its `count` instances (the first the writer). */
function clusterWindowsAndMembers(id: string, count: number) {
  return {
    PreferredBackupWindow: "03:00-03:30",
    PreferredMaintenanceWindow: "sun:04:00-sun:04:30",
    DBClusterMembers: Array.from({ length: count }, (_, i) => ({
      DBInstanceIdentifier: `${id}-${i + 1}`,
      IsClusterWriter: i === 0,
      DBClusterParameterGroupStatus: "in-sync",
      PromotionTier: 1,
    })),
  };
}

/** RDS's cluster engines the simulated account runs, with an engine version and its log types. */
const RDS_CLUSTER_ENGINES = [
  ["aurora-mysql", "8.0.mysql_aurora.3.08.0", 3306, ["audit", "error", "general", "slowquery"]],
  ["aurora-postgresql", "16.4", 5432, ["postgresql"]],
  ["mysql", "8.0.39", 3306, ["error", "general", "slowquery"]],
  ["postgres", "16.4", 5432, ["postgresql", "upgrade"]],
] as const;

/**
 * Per region: one RDS cluster of each engine (Aurora MySQL and PostgreSQL, Multi-AZ DB clusters of
 * RDS for MySQL and PostgreSQL), each setting of RDS.7–RDS.48's cluster controls off at `rate`;
 * listed by the same `DescribeDBClusters` answer as DocumentDB's and Neptune's.
 */
export function generateRdsClusters(o: ServiceGenerationOptions): Map<string, Record<string, unknown>[]> {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  const out = new Map<string, Record<string, unknown>[]>();
  for (const region of o.regions) {
    const clusters: Record<string, unknown>[] = [];
    for (const [engine, version, port, logTypes] of RDS_CLUSTER_ENGINES) {
      const id = `sim-${engine}`;
      const aurora = engine.startsWith("aurora");
      const encrypted = !bad();
      // A Multi-AZ DB cluster has three instances in three zones by definition; Aurora's vary.
      const multiAZ = aurora ? !bad() : true;
      const members = multiAZ ? (aurora ? 2 : 3) : 1;
      const defaultName = engine.includes("postgres") ? "postgres" : "admin";
      clusters.push({
        AllocatedStorage: aurora ? 1 : 100,
        AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
        BackupRetentionPeriod: bad() ? 1 : 7,
        DBClusterIdentifier: id,
        DBClusterParameterGroup: `default.${engine}`,
        DBSubnetGroup: "sim-db-subnets",
        Status: "available",
        EarliestRestorableTime: iso(o, 7),
        Endpoint: `${id}.cluster-c${rng.hex(11)}.${region}.rds.amazonaws.com`,
        MultiAZ: multiAZ,
        Engine: engine,
        EngineVersion: version,
        EngineMode: "provisioned",
        LatestRestorableTime: iso(o, 0),
        Port: port,
        MasterUsername: bad() ? defaultName : "sim_owner",
        ...clusterWindowsAndMembers(id, members),
        VpcSecurityGroups: [{ VpcSecurityGroupId: `sg-0${rng.hex(16)}`, Status: "active" }],
        HostedZoneId: "Z2R2ITUGPM61AM",
        StorageEncrypted: encrypted,
        ...(encrypted
          ? { KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}` }
          : {}),
        DbClusterResourceId: `cluster-${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26)}`,
        DBClusterArn: `arn:aws:rds:${region}:${accountId}:cluster:${id}`,
        AssociatedRoles: [],
        IAMDatabaseAuthenticationEnabled: !bad(),
        ClusterCreateTime: iso(o, 200),
        ...(bad() ? {} : { EnabledCloudwatchLogsExports: [...logTypes] }),
        DeletionProtection: !bad(),
        CopyTagsToSnapshot: !bad(),
        CrossAccountClone: false,
        ...(engine === "aurora-mysql" && !bad()
          ? { BacktrackWindow: 86_400, BacktrackConsumedChangeRecords: 0 }
          : {}),
        ...(aurora
          ? {}
          : { AutoMinorVersionUpgrade: !bad(), DBClusterInstanceClass: "db.m6gd.large", StorageType: "io1" }),
        TagList: [],
      });
    }
    out.set(region, clusters);
  }
  return out;
}

/** Per region: an RDS Proxy for MySQL and one for PostgreSQL, each letting clients connect without TLS at `rate`. */
export function generateRdsProxies(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  for (const region of o.regions) {
    const proxies = (["MYSQL", "POSTGRESQL"] as const).map((family) => {
      const name = `sim-${family.toLowerCase()}-proxy`;
      const id = `prx-0${rng.hex(16)}`;
      return {
        DBProxyName: name,
        DBProxyArn: `arn:aws:rds:${region}:${accountId}:db-proxy:${id}`,
        Status: "available",
        EngineFamily: family,
        VpcId: `vpc-0${rng.hex(16)}`,
        VpcSecurityGroupIds: [`sg-0${rng.hex(16)}`],
        VpcSubnetIds: [`subnet-0${rng.hex(16)}`, `subnet-0${rng.hex(16)}`],
        Auth: [
          {
            AuthScheme: "SECRETS",
            SecretArn: `arn:aws:secretsmanager:${region}:${accountId}:secret:sim-db-${rng.hex(6)}`,
            IAMAuth: "DISABLED",
          },
        ],
        RoleArn: `arn:aws:iam::${accountId}:role/sim-rds-proxy`,
        Endpoint: `${name}.proxy-${rng.hex(12)}.${region}.rds.amazonaws.com`,
        RequireTLS: !rng.chance(o.rate),
        IdleClientTimeout: 1800,
        DebugLogging: false,
        CreatedDate: iso(o, rng.int(10, 300)),
        UpdatedDate: iso(o, rng.int(1, 9)),
      };
    });
    put(`${region}/rds/describe-db-proxies`, { DBProxies: proxies });
  }
}

/** The source types FSBP wants event subscriptions for, with the categories it wants (RDS.19–RDS.22). */
const RDS_EVENT_SOURCES = [
  ["db-cluster", ["failure", "maintenance"]],
  ["db-instance", ["maintenance", "configuration change", "failure"]],
  ["db-parameter-group", ["configuration change"]],
  ["db-security-group", ["configuration change", "failure"]],
] as const;

/**
 * Per region: RDS event subscriptions to an SNS topic, one per source type FSBP names, each missing
 * (or disabled, or short of a category) at `rate`; now and then one for every source and category.
 */
export function generateRdsEventSubscriptions(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const list: Record<string, unknown>[] = [];
    const add = (name: string, sourceType: string | undefined, categories: readonly string[]) =>
      list.push({
        CustomerAwsId: accountId,
        CustSubscriptionId: name,
        SnsTopicArn: `arn:aws:sns:${region}:${accountId}:sim-db-events`,
        Status: "active",
        SubscriptionCreationTime: iso(o, rng.int(10, 300)).replace("T", " ").replace("Z", ".000"),
        ...(sourceType === undefined ? {} : { SourceType: sourceType }),
        SourceIdsList: [],
        EventCategoriesList: [...categories],
        Enabled: !bad(),
        EventSubscriptionArn: `arn:aws:rds:${region}:${accountId}:es:${name}`,
      });
    if (rng.chance(0.15)) add("sim-all-db-events", undefined, []);
    else
      for (const [sourceType, categories] of RDS_EVENT_SOURCES)
        if (!bad()) add(`sim-${sourceType}-events`, sourceType, bad() ? categories.slice(1) : categories);
    put(`${region}/rds/describe-event-subscriptions`, { EventSubscriptionsList: list });
  }
}

type Json = Record<string, unknown>;

/** One entry of a `DescribeDBParameters` / `DescribeDBClusterParameters` answer. */
function dbParameter(name: string, value: string | undefined, source: string): Json {
  return {
    ParameterName: name,
    ...(value === undefined ? {} : { ParameterValue: value }),
    Description: name,
    Source: source,
    ApplyType: "dynamic",
    DataType: "string",
    IsModifiable: true,
    ApplyMethod: "pending-reboot",
  };
}

/** The engine default group each generated engine runs unless another is chosen, with its checked values. */
const DEFAULT_GROUPS: Record<string, { readonly group: string; readonly parameters: readonly Json[] }> = {
  postgres: {
    group: "default.postgres16",
    parameters: [dbParameter("rds.force_ssl", "1", "engine-default")],
  },
  mysql: {
    group: "default.mysql8.0",
    parameters: [dbParameter("require_secure_transport", "0", "engine-default")],
  },
  "sqlserver-se": {
    group: "default.sqlserver-se-16.0",
    parameters: [dbParameter("rds.force_ssl", "0", "engine-default")],
  },
  mariadb: {
    group: "default.mariadb10.11",
    parameters: [dbParameter("require_secure_transport", undefined, "engine-default")],
  },
};

/**
 * Per region: each DB instance's parameter group (engine defaults), an RDS for SQL Server and an
 * RDS for MariaDB instance (logs, TLS and their groups off at `rate`), and each cluster's parameter
 * group: Aurora MySQL's auditing, DocumentDB's `tls` and either's sync state off at `rate`, the
 * others on their engine's default group. Every group's parameters are written.
 */
export function generateDbParameters(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    // Instance and cluster parameter groups are listed by different calls.
    const groups = {
      "describe-db-parameters": new Map<string, readonly Json[]>(),
      "describe-db-cluster-parameters": new Map<string, readonly Json[]>(),
    };
    const useFor = (command: keyof typeof groups) => (name: string, parameters: readonly Json[]) => {
      groups[command].set(name, parameters);
      return name;
    };
    const use = useFor("describe-db-parameters");
    const useCluster = useFor("describe-db-cluster-parameters");
    const instancesKey = `${region}/rds/describe-db-instances`;
    const listed = (o.files.get(instancesKey) as { DBInstances?: Json[] } | undefined)?.DBInstances ?? [];
    const withGroup = (db: Json, name: string, status = "in-sync"): Json => ({
      ...db,
      DBParameterGroups: [{ DBParameterGroupName: name, ParameterApplyStatus: status }],
    });
    const instances = listed.map((db) => {
      const d = DEFAULT_GROUPS[String(db.Engine)];
      return d === undefined ? db : withGroup(db, use(d.group, d.parameters));
    });
    const base = (id: string, engine: string, version: string, port: number): Json => ({
      DBInstanceIdentifier: id,
      DBInstanceClass: "db.m6i.large",
      Engine: engine,
      DBInstanceStatus: "available",
      MasterUsername: `${id.replaceAll("-", "_")}_admin`,
      Endpoint: {
        Address: `${id}.c${rng.hex(11)}.${region}.rds.amazonaws.com`,
        Port: port,
        HostedZoneId: "Z2R2ITUGPM61AM",
      },
      AllocatedStorage: 100,
      InstanceCreateTime: iso(o, rng.int(30, 600)),
      PreferredBackupWindow: "03:00-04:00",
      BackupRetentionPeriod: 7,
      DBSecurityGroups: [],
      VpcSecurityGroups: [{ VpcSecurityGroupId: `sg-0${rng.hex(16)}`, Status: "active" }],
      AvailabilityZone: `${region}a`,
      PreferredMaintenanceWindow: "sun:05:00-sun:06:00",
      MultiAZ: true,
      EngineVersion: version,
      AutoMinorVersionUpgrade: true,
      PubliclyAccessible: false,
      StorageType: "gp3",
      StorageEncrypted: true,
      KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}`,
      DbiResourceId: `db-${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26)}`,
      CACertificateIdentifier: "rds-ca-rsa2048-g1",
      CopyTagsToSnapshot: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: `arn:aws:iam::${accountId}:role/rds-monitoring-role`,
      DBInstanceArn: `arn:aws:rds:${region}:${accountId}:db:${id}`,
      IAMDatabaseAuthenticationEnabled: false,
      DeletionProtection: true,
      TagList: [],
    });
    const sqlServer = base("sim-sqlserver", "sqlserver-se", "16.00.4140.3.v1", 1433);
    const forced = !bad();
    instances.push(
      withGroup(
        { ...sqlServer, ...(bad() ? {} : { EnabledCloudwatchLogsExports: ["agent", "error"] }) },
        forced
          ? use("sim-sqlserver-params", [dbParameter("rds.force_ssl", "1", "user")])
          : use(
              DEFAULT_GROUPS["sqlserver-se"]?.group ?? "",
              DEFAULT_GROUPS["sqlserver-se"]?.parameters ?? [],
            ),
      ),
    );
    const mariadb = base("sim-mariadb", "mariadb", "10.11.9", 3306);
    instances.push(
      withGroup(
        { ...mariadb, EnabledCloudwatchLogsExports: bad() ? ["error"] : ["audit", "error", "slowquery"] },
        use("sim-mariadb-params", [dbParameter("require_secure_transport", bad() ? "OFF" : "ON", "user")]),
        bad() ? "pending-reboot" : "in-sync",
      ),
    );
    put(instancesKey, { DBInstances: instances });

    const clustersKey = `${region}/rds/describe-db-clusters`;
    const clusters = (
      (o.files.get(clustersKey) as { DBClusters?: Json[] } | undefined)?.DBClusters ?? []
    ).map((cluster) => {
      const engine = String(cluster.Engine);
      const members = (cluster.DBClusterMembers ?? []) as Json[];
      const inGroup = (name: string, parameters: readonly Json[], status = "in-sync"): Json => ({
        ...cluster,
        DBClusterParameterGroup: useCluster(name, parameters),
        DBClusterMembers: members.map((m, i) => ({
          ...m,
          DBClusterParameterGroupStatus: i === members.length - 1 ? status : "in-sync",
        })),
      });
      const status = () => (bad() ? "pending-reboot" : "in-sync");
      if (engine === "aurora-mysql")
        return inGroup(
          `${String(cluster.DBClusterIdentifier)}-audit`,
          [
            dbParameter("server_audit_logging", bad() ? "0" : "1", "user"),
            dbParameter("server_audit_events", bad() ? undefined : "CONNECT,QUERY_DCL,QUERY_DDL", "user"),
          ],
          status(),
        );
      if (engine === "docdb")
        return inGroup(
          `${String(cluster.DBClusterIdentifier)}-tls`,
          [dbParameter("tls", bad() ? rng.pick(["enabled", "disabled"]) : "tls1.2+", "user")],
          status(),
        );
      const name = String(cluster.DBClusterParameterGroup ?? `default.${engine}`);
      return inGroup(name, [dbParameter("binlog_format", undefined, "engine-default")]);
    });
    put(clustersKey, { DBClusters: clusters });
    for (const [command, byName] of Object.entries(groups))
      for (const [name, parameters] of byName)
        put(`${region}/rds/${command}/${name}`, { Parameters: parameters });
  }
}
