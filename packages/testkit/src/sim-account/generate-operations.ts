import type { Random } from "./prng.ts";

/**
 * The operations and delivery services of a generated account (EC2 Auto Scaling, ...), drawn from
 * a stream of their own. Each misconfiguration is drawn at `rate`, so every check of these services
 * finds something to pass and something to fail over a few seeds.
 */
export interface OperationsStream {
  readonly rng: Random;
  readonly rate: number;
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly asOf: number;
  readonly files: ReadonlyMap<string, unknown>;
}

type Put = (key: string, value: unknown) => void;
type Json = Record<string, unknown>;

const DAY = 86_400_000;

function uuidOf(rng: Random): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function isoOf(o: OperationsStream, days: number): string {
  return new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z");
}

export function generateOperations(put: Put, o: OperationsStream): void {
  autoScaling(put, o);
  codeBuild(put, o);
  stepFunctions(put, o);
  elasticBeanstalk(put, o);
  systemsManager(put, o);
  launchTemplateVersions(put, o);
  lambdaInVpc(put, o);
}

/**
 * Per region, two Auto Scaling groups next to the ones the account already has (the EBS scanner's
 * among them): `sim-web` behind a target group on a launch template with a mixed instances policy
 * (ELB health checks, a second zone and a second instance type each missing at `rate`), and
 * `sim-legacy` on a launch configuration in one zone, whose configuration leaves IMDSv1 on, raises
 * the hop limit and assigns public addresses each at `rate`.
 */
function autoScaling(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const key = `${region}/autoscaling/describe-auto-scaling-groups`;
    const existing = ((o.files.get(key) as Json | undefined)?.AutoScalingGroups as Json[] | undefined) ?? [];
    const arn = (name: string) =>
      `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${uuidOf(rng)}:autoScalingGroupName/${name}`;
    const common = (name: string): Json => ({
      AutoScalingGroupName: name,
      AutoScalingGroupARN: arn(name),
      MinSize: 1,
      MaxSize: 4,
      DesiredCapacity: 0,
      DefaultCooldown: 300,
      LoadBalancerNames: [],
      HealthCheckGracePeriod: 300,
      Instances: [],
      CreatedTime: isoOf(o, 120),
      SuspendedProcesses: [],
      EnabledMetrics: [],
      Tags: [],
      TerminationPolicies: ["Default"],
      NewInstancesProtectedFromScaleIn: false,
      ServiceLinkedRoleARN: `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    });
    const twoZones = !bad();
    const web: Json = {
      ...common("sim-web"),
      MixedInstancesPolicy: {
        LaunchTemplate: {
          LaunchTemplateSpecification: {
            LaunchTemplateId: `lt-${rng.hex(17)}`,
            LaunchTemplateName: "sim-web",
            Version: "$Default",
          },
          Overrides: (bad() ? ["m6i.large"] : ["m6i.large", "m5.large"]).map((t) => ({ InstanceType: t })),
        },
        InstancesDistribution: {
          OnDemandAllocationStrategy: "prioritized",
          OnDemandBaseCapacity: 0,
          OnDemandPercentageAboveBaseCapacity: 100,
          SpotAllocationStrategy: "price-capacity-optimized",
        },
      },
      AvailabilityZones: twoZones ? [`${region}a`, `${region}b`] : [`${region}a`],
      TargetGroupARNs: [
        `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/sim-web/${rng.hex(16)}`,
      ],
      HealthCheckType: bad() ? "EC2" : "ELB",
      VPCZoneIdentifier: (twoZones
        ? [`subnet-${rng.hex(17)}`, `subnet-${rng.hex(17)}`]
        : [`subnet-${rng.hex(17)}`]
      ).join(","),
    };
    const legacy: Json = {
      ...common("sim-legacy"),
      LaunchConfigurationName: "sim-legacy-lc",
      AvailabilityZones: [`${region}a`],
      TargetGroupARNs: [],
      HealthCheckType: "EC2",
      VPCZoneIdentifier: `subnet-${rng.hex(17)}`,
    };
    put(key, { AutoScalingGroups: [...existing, web, legacy] });
    put(`${region}/autoscaling/describe-launch-configurations`, {
      LaunchConfigurations: [
        {
          LaunchConfigurationName: "sim-legacy-lc",
          LaunchConfigurationARN: `arn:aws:autoscaling:${region}:${accountId}:launchConfiguration:${uuidOf(rng)}:launchConfigurationName/sim-legacy-lc`,
          ImageId: `ami-${rng.hex(17)}`,
          KeyName: "",
          SecurityGroups: [`sg-${rng.hex(17)}`],
          ClassicLinkVPCSecurityGroups: [],
          UserData: "",
          InstanceType: "t3.micro",
          KernelId: "",
          RamdiskId: "",
          BlockDeviceMappings: [],
          InstanceMonitoring: { Enabled: false },
          CreatedTime: isoOf(o, 900),
          EbsOptimized: false,
          AssociatePublicIpAddress: bad(),
          MetadataOptions: {
            HttpTokens: bad() ? "optional" : "required",
            HttpPutResponseHopLimit: bad() ? 2 : 1,
            HttpEndpoint: "enabled",
          },
        },
      ],
    });
  }
}

/**
 * Per region, two CodeBuild projects and two report groups. `sim-api-build` (GitHub) may carry a
 * token in its URL, a plaintext AWS secret key, privileged mode, no CloudWatch Logs and unencrypted
 * S3 logs, each at `rate`; `sim-docs-build` (Bitbucket) logs nowhere at `rate`. The `sim-api-tests`
 * report group exports to S3 unencrypted at `rate`; `sim-docs-tests` does not export.
 */
function codeBuild(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const project = (name: string, source: Json, environment: Json, logsConfig: Json): Json => ({
      name,
      arn: `arn:aws:codebuild:${region}:${accountId}:project/${name}`,
      source: { gitCloneDepth: 1, buildspec: "buildspec.yml", insecureSsl: false, ...source },
      secondarySources: [],
      artifacts: { type: "NO_ARTIFACTS" },
      environment: {
        type: "LINUX_CONTAINER",
        image: "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
        computeType: "BUILD_GENERAL1_SMALL",
        imagePullCredentialsType: "CODEBUILD",
        ...environment,
      },
      serviceRole: `arn:aws:iam::${accountId}:role/sim-codebuild-${name}`,
      timeoutInMinutes: 60,
      queuedTimeoutInMinutes: 480,
      encryptionKey: `arn:aws:kms:${region}:${accountId}:alias/aws/s3`,
      tags: [],
      created: isoOf(o, 300),
      lastModified: isoOf(o, 20),
      badge: { badgeEnabled: false },
      logsConfig,
      projectVisibility: "PRIVATE",
    });
    const token = `ghp_${rng.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 36)}`;
    const api = project(
      "sim-api-build",
      {
        type: "GITHUB",
        location: bad()
          ? `https://${token}@github.com/sim-org/api.git`
          : "https://github.com/sim-org/api.git",
      },
      {
        environmentVariables: [
          { name: "STAGE", value: "prod", type: "PLAINTEXT" },
          bad()
            ? {
                name: "AWS_SECRET_ACCESS_KEY",
                value: rng.chars("abcdefABCDEF0123456789/+", 40),
                type: "PLAINTEXT",
              }
            : { name: "AWS_SECRET_ACCESS_KEY", value: "sim/deploy-key", type: "SECRETS_MANAGER" },
        ],
        privilegedMode: bad(),
      },
      {
        cloudWatchLogs: { status: bad() ? "DISABLED" : "ENABLED" },
        s3Logs: { status: "ENABLED", location: `sim-build-logs-${accountId}/api`, encryptionDisabled: bad() },
      },
    );
    const docs = project(
      "sim-docs-build",
      { type: "BITBUCKET", location: "https://bitbucket.org/sim-org/docs.git" },
      { environmentVariables: [], privilegedMode: false },
      { cloudWatchLogs: { status: bad() ? "DISABLED" : "ENABLED" }, s3Logs: { status: "DISABLED" } },
    );
    put(`${region}/codebuild/list-projects`, { projects: ["sim-api-build", "sim-docs-build"] });
    for (const p of [api, docs])
      put(`${region}/codebuild/batch-get-projects/${String(p.name)}`, {
        projects: [p],
        projectsNotFound: [],
      });
    const group = (name: string, exportConfig: Json): Json => ({
      arn: `arn:aws:codebuild:${region}:${accountId}:report-group/${name}`,
      name,
      type: "TEST",
      exportConfig,
      created: isoOf(o, 300),
      lastModified: isoOf(o, 300),
      tags: [],
      status: "ACTIVE",
    });
    const groups = [
      group("sim-api-tests", {
        exportConfigType: "S3",
        s3Destination: {
          bucket: `sim-build-reports-${accountId}`,
          path: "api",
          packaging: "ZIP",
          encryptionDisabled: bad(),
        },
      }),
      group("sim-docs-tests", { exportConfigType: "NO_EXPORT" }),
    ];
    put(`${region}/codebuild/list-report-groups`, { reportGroups: groups.map((g) => g.arn) });
    for (const g of groups)
      put(`${region}/codebuild/batch-get-report-groups/${String(g.name)}`, {
        reportGroups: [g],
        reportGroupsNotFound: [],
      });
  }
}

/** Per region, a Standard and an Express state machine, each with logging OFF at `rate`. */
function stepFunctions(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  for (const region of o.regions) {
    const machines = [
      { name: "sim-orders-flow", type: "STANDARD", level: "ERROR" },
      { name: "sim-nightly-flow", type: "EXPRESS", level: "ALL" },
    ].map((m) => ({ ...m, arn: `arn:aws:states:${region}:${accountId}:stateMachine:${m.name}` }));
    put(`${region}/stepfunctions/list-state-machines`, {
      stateMachines: machines.map((m) => ({
        stateMachineArn: m.arn,
        name: m.name,
        type: m.type,
        creationDate: isoOf(o, 200),
      })),
    });
    for (const m of machines) {
      const off = rng.chance(o.rate);
      put(`${region}/stepfunctions/describe-state-machine/${m.name}`, {
        stateMachineArn: m.arn,
        name: m.name,
        status: "ACTIVE",
        definition: JSON.stringify({ StartAt: "Done", States: { Done: { Type: "Succeed" } } }),
        roleArn: `arn:aws:iam::${accountId}:role/sim-${m.name}`,
        type: m.type,
        creationDate: isoOf(o, 200),
        loggingConfiguration: off
          ? { level: "OFF", includeExecutionData: false }
          : {
              level: m.level,
              includeExecutionData: false,
              destinations: [
                {
                  cloudWatchLogsLogGroup: {
                    logGroupArn: `arn:aws:logs:${region}:${accountId}:log-group:/aws/vendedlogs/states/${m.name}:*`,
                  },
                },
              ],
            },
        tracingConfiguration: { enabled: false },
      });
    }
  }
}

/**
 * Per region, one Elastic Beanstalk environment (`sim-shop-prod`) whose enhanced health, managed
 * platform updates and log streaming are each off at `rate`, and one terminated environment that a
 * scan must not see.
 */
function elasticBeanstalk(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const environment = (name: string, id: string, status: string): Json => ({
      EnvironmentName: name,
      EnvironmentId: id,
      ApplicationName: "sim-shop",
      VersionLabel: "v7",
      SolutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
      PlatformArn: `arn:aws:elasticbeanstalk:${region}::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.1.0`,
      EndpointURL: `awseb-${id}-AWSEBLoa-${rng.hex(12).toUpperCase()}.${region}.elb.amazonaws.com`,
      CNAME: `${name}.${region}.elasticbeanstalk.com`,
      DateCreated: isoOf(o, 300),
      DateUpdated: isoOf(o, 10),
      Status: status,
      AbortableOperationInProgress: false,
      Health: status === "Terminated" ? "Grey" : "Green",
      Tier: { Name: "WebServer", Type: "Standard", Version: "1.0" },
      EnvironmentArn: `arn:aws:elasticbeanstalk:${region}:${accountId}:environment/sim-shop/${name}`,
    });
    put(`${region}/elasticbeanstalk/describe-environments`, {
      Environments: [
        environment("sim-shop-prod", `e-${rng.hex(10)}`, "Ready"),
        environment("sim-shop-old", `e-${rng.hex(10)}`, "Terminated"),
      ],
    });
    const option = (Namespace: string, OptionName: string, Value: string) => ({
      Namespace,
      OptionName,
      Value,
    });
    put(`${region}/elasticbeanstalk/describe-configuration-settings/sim-shop-prod`, {
      ConfigurationSettings: [
        {
          SolutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
          ApplicationName: "sim-shop",
          EnvironmentName: "sim-shop-prod",
          DeploymentStatus: "deployed",
          DateCreated: isoOf(o, 300),
          DateUpdated: isoOf(o, 10),
          OptionSettings: [
            option("aws:autoscaling:asg", "MaxSize", "4"),
            option("aws:elasticbeanstalk:healthreporting:system", "SystemType", bad() ? "basic" : "enhanced"),
            option("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", bad() ? "false" : "true"),
            option("aws:elasticbeanstalk:managedactions", "PreferredStartTime", "SUN:02:00"),
            option("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", bad() ? "false" : "true"),
            option("aws:elasticbeanstalk:cloudwatch:logs", "RetentionInDays", "7"),
          ],
        },
      ],
    });
  }
}

/**
 * Per region, Systems Manager's view of the account's EC2 instances (each running one unmanaged at
 * `rate`; a managed one's patch and association compliance each NON_COMPLIANT at `rate`), two
 * documents the account owns (`sim-deploy-app` shared with all accounts at `rate`) and the public
 * sharing setting (left at Enable at `rate`).
 */
function systemsManager(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const reservations =
      ((o.files.get(`${region}/ec2/describe-instances`) as Json | undefined)?.Reservations as
        | Json[]
        | undefined) ?? [];
    const instances = reservations.flatMap((r) => (r.Instances as Json[] | undefined) ?? []);
    const managed = instances.filter((i) => (i.State as Json | undefined)?.Name === "running" && !bad());
    put(`${region}/ssm/describe-instance-information`, {
      InstanceInformationList: managed.map((i) => ({
        InstanceId: i.InstanceId,
        PingStatus: "Online",
        LastPingDateTime: isoOf(o, 0),
        AgentVersion: "3.3.1142.0",
        IsLatestVersion: false,
        PlatformType: "Linux",
        PlatformName: "Amazon Linux",
        PlatformVersion: "2023",
        ResourceType: "EC2Instance",
        IPAddress: i.PrivateIpAddress,
        ComputerName: `ip-${rng.hex(6)}.${region}.compute.internal`,
        AssociationStatus: "Success",
        SourceId: i.InstanceId,
        SourceType: "AWS::EC2::Instance",
      })),
    });
    const summary = (instanceId: unknown, type: string, compliant: boolean): Json => ({
      ComplianceType: type,
      ResourceType: "ManagedInstance",
      ResourceId: instanceId,
      Status: compliant ? "COMPLIANT" : "NON_COMPLIANT",
      OverallSeverity: compliant ? "UNSPECIFIED" : "HIGH",
      ExecutionSummary: { ExecutionTime: isoOf(o, 1), ExecutionType: "Command" },
      CompliantSummary: { CompliantCount: 12 },
      NonCompliantSummary: { NonCompliantCount: compliant ? 0 : 3 },
    });
    put(`${region}/ssm/list-resource-compliance-summaries`, {
      ResourceComplianceSummaryItems: managed.flatMap((i) => [
        summary(i.InstanceId, "Patch", !bad()),
        summary(i.InstanceId, "Association", !bad()),
      ]),
    });
    const documents = ["sim-deploy-app", "sim-rotate-logs"];
    put(`${region}/ssm/list-documents`, {
      DocumentIdentifiers: documents.map((name) => ({
        Name: name,
        CreatedDate: isoOf(o, 150),
        Owner: accountId,
        PlatformTypes: ["Linux", "MacOS"],
        DocumentVersion: "1",
        DocumentType: "Command",
        SchemaVersion: "2.2",
        DocumentFormat: "YAML",
        Tags: [],
      })),
    });
    for (const name of documents) {
      const shared = name === "sim-deploy-app" && bad();
      put(`${region}/ssm/describe-document-permission/${name}`, {
        AccountIds: shared ? ["all"] : [],
        AccountSharingInfoList: shared ? [{ AccountId: "all", SharedDocumentVersion: "$DEFAULT" }] : [],
      });
    }
    const enabled = bad();
    put(`${region}/ssm/get-service-setting/public-sharing-permission`, {
      ServiceSetting: {
        SettingId: "/ssm/documents/console/public-sharing-permission",
        SettingValue: enabled ? "Enable" : "Disable",
        LastModifiedDate: isoOf(o, enabled ? 400 : 30),
        LastModifiedUser: enabled ? "System" : `arn:aws:iam::${accountId}:role/sim-admin`,
        ARN: `arn:aws:ssm:${region}:${accountId}:servicesetting/ssm/documents/console/public-sharing-permission`,
        Status: enabled ? "Default" : "Customized",
      },
    });
  }
}

/**
 * The default version of each of the account's launch templates: its network interface assigns a
 * public address at `rate`, and IMDSv1 stays allowed at `rate`.
 */
function launchTemplateVersions(put: Put, o: OperationsStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const templates =
      ((o.files.get(`${region}/ec2/describe-launch-templates`) as Json | undefined)?.LaunchTemplates as
        | Json[]
        | undefined) ?? [];
    for (const [i, t] of templates.entries()) {
      put(`${region}/ec2/describe-launch-template-versions/${String(t.LaunchTemplateId)}`, {
        LaunchTemplateVersions: [
          {
            LaunchTemplateId: t.LaunchTemplateId,
            LaunchTemplateName: t.LaunchTemplateName,
            VersionNumber: t.DefaultVersionNumber ?? 1,
            CreateTime: t.CreateTime,
            CreatedBy: t.CreatedBy ?? `arn:aws:iam::${accountId}:root`,
            DefaultVersion: true,
            LaunchTemplateData: {
              ImageId: `ami-${rng.hex(17)}`,
              InstanceType: "t3.micro",
              NetworkInterfaces: [
                { DeviceIndex: 0, AssociatePublicIpAddress: bad(), DeleteOnTermination: true },
              ],
              MetadataOptions: { HttpTokens: bad() ? "optional" : "required", HttpEndpoint: "enabled" },
              // Every other template leaves its root volume's encryption to the AMI (no random draw).
              BlockDeviceMappings: [
                {
                  DeviceName: "/dev/xvda",
                  Ebs: { VolumeSize: 8, VolumeType: "gp3", ...(i % 2 === 0 ? { Encrypted: true } : {}) },
                },
              ],
            },
          },
        ],
      });
    }
  }
}

/** The first Lambda function of each region attached to the region's first VPC (the others stay outside). */
function lambdaInVpc(put: Put, o: OperationsStream): void {
  for (const region of o.regions) {
    const key = `${region}/lambda/list-functions`;
    const functions = ((o.files.get(key) as Json | undefined)?.Functions as Json[] | undefined) ?? [];
    const vpc = (
      (o.files.get(`${region}/ec2/describe-vpcs`) as Json | undefined)?.Vpcs as Json[] | undefined
    )?.[0];
    const [first, ...rest] = functions;
    if (!first || !vpc) continue;
    const vpcConfig = {
      SubnetIds: [`subnet-${o.rng.hex(17)}`, `subnet-${o.rng.hex(17)}`],
      SecurityGroupIds: [`sg-${o.rng.hex(17)}`],
      VpcId: vpc.VpcId,
    };
    put(key, { ...(o.files.get(key) as Json), Functions: [{ ...first, VpcConfig: vpcConfig }, ...rest] });
  }
}
