import type { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import type { ACMClient } from "@aws-sdk/client-acm";
import type { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import type { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import type { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import type { BackupClient } from "@aws-sdk/client-backup";
import type { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { CodeBuildClient } from "@aws-sdk/client-codebuild";
import type { ConfigServiceClient } from "@aws-sdk/client-config-service";
import type { DatabaseMigrationServiceClient } from "@aws-sdk/client-database-migration-service";
import type { DAXClient } from "@aws-sdk/client-dax";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { ECRClient } from "@aws-sdk/client-ecr";
import type { ECSClient } from "@aws-sdk/client-ecs";
import type { EFSClient } from "@aws-sdk/client-efs";
import type { EKSClient } from "@aws-sdk/client-eks";
import type { ElasticBeanstalkClient } from "@aws-sdk/client-elastic-beanstalk";
import type { ElasticLoadBalancingClient } from "@aws-sdk/client-elastic-load-balancing";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { ElastiCacheClient } from "@aws-sdk/client-elasticache";
import type { GuardDutyClient } from "@aws-sdk/client-guardduty";
import type { IAMClient } from "@aws-sdk/client-iam";
import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import type { KafkaClient } from "@aws-sdk/client-kafka";
import type { KafkaConnectClient } from "@aws-sdk/client-kafkaconnect";
import type { KinesisClient } from "@aws-sdk/client-kinesis";
import type { KMSClient } from "@aws-sdk/client-kms";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { Macie2Client } from "@aws-sdk/client-macie2";
import type { NetworkFirewallClient } from "@aws-sdk/client-network-firewall";
import type { OpenSearchClient } from "@aws-sdk/client-opensearch";
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { RDSClient } from "@aws-sdk/client-rds";
import type { RedshiftClient } from "@aws-sdk/client-redshift";
import type { S3Client } from "@aws-sdk/client-s3";
import type { S3ControlClient } from "@aws-sdk/client-s3-control";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { SFNClient } from "@aws-sdk/client-sfn";
import type { SNSClient } from "@aws-sdk/client-sns";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { SSMClient } from "@aws-sdk/client-ssm";
import type { STSClient } from "@aws-sdk/client-sts";
import type { WAFV2Client } from "@aws-sdk/client-wafv2";

/**
 * The one seam every AWS call passes through: `call(family, fn)`. Today it counts calls; the
 * scheduling work plugs token-bucket budgets in here without touching a collector.
 */
export interface ApiFamily {
  /** SDK service name, lower case: `ec2`, `s3`, `iam`, ... */
  readonly service: string;
  /** API operation, e.g. `DescribeInstances`. */
  readonly operation: string;
  readonly region: string;
  /** The command's input: budgets tell filtered/paginated EC2 calls (cheaper bucket) from the rest. */
  readonly input?: Record<string, unknown> | undefined;
}

export type CallWrapper = <T>(family: ApiFamily, fn: () => Promise<T>) => Promise<T>;

export const directCall: CallWrapper = (_family, fn) => fn();

/** The SDK clients of one region, each of whose `send` goes through the call wrapper. */
export interface RegionClients {
  readonly region: string;
  readonly accessanalyzer: AccessAnalyzerClient;
  readonly acm: ACMClient;
  /** API Gateway REST APIs. */
  readonly apigateway: APIGatewayClient;
  /** API Gateway HTTP and WebSocket APIs. */
  readonly apigatewayv2: ApiGatewayV2Client;
  readonly autoscaling: AutoScalingClient;
  /** CloudFront is global: its API answers in us-east-1 whatever the region. */
  readonly cloudfront: CloudFrontClient;
  readonly cloudtrail: CloudTrailClient;
  readonly cloudwatch: CloudWatchClient;
  readonly config: ConfigServiceClient;
  readonly dynamodb: DynamoDBClient;
  readonly ec2: EC2Client;
  readonly efs: EFSClient;
  readonly eks: EKSClient;
  /** Classic Load Balancers. */
  readonly elb: ElasticLoadBalancingClient;
  /** Application, Network and Gateway Load Balancers. */
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly iam: IAMClient;
  readonly kms: KMSClient;
  readonly lambda: LambdaClient;
  readonly logs: CloudWatchLogsClient;
  readonly rds: RDSClient;
  readonly s3: S3Client;
  readonly s3control: S3ControlClient;
  readonly securityhub: SecurityHubClient;
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
  readonly secretsmanager: SecretsManagerClient;
  readonly ecr: ECRClient;
  readonly ecs: ECSClient;
  readonly elasticache: ElastiCacheClient;
  readonly sts: STSClient;
  readonly wafv2: WAFV2Client;
  readonly redshift: RedshiftClient;
  /** Database Migration Service. */
  readonly dms: DatabaseMigrationServiceClient;
  /** Amazon MSK. */
  readonly kafka: KafkaClient;
  /** MSK Connect. */
  readonly kafkaconnect: KafkaConnectClient;
  /** DynamoDB Accelerator. */
  readonly dax: DAXClient;
  /** Application Auto Scaling: DynamoDB's scalable targets. */
  readonly applicationautoscaling: ApplicationAutoScalingClient;
  readonly kinesis: KinesisClient;
  readonly networkfirewall: NetworkFirewallClient;
  readonly sagemaker: SageMakerClient;
  /** OpenSearch Service (IAM actions `es:*`). */
  readonly opensearch: OpenSearchClient;
  readonly guardduty: GuardDutyClient;
  readonly inspector2: Inspector2Client;
  readonly macie2: Macie2Client;
  readonly backup: BackupClient;
  /** AWS Organizations is global: its API answers in us-east-1. */
  readonly organizations: OrganizationsClient;
  readonly codebuild: CodeBuildClient;
  readonly sfn: SFNClient;
  readonly elasticbeanstalk: ElasticBeanstalkClient;
  readonly ssm: SSMClient;
}

/** Region → configured SDK clients. The same collectors run against a real or a simulated account. */
export interface AwsClients {
  /** Region for global services (IAM, STS, S3 ListBuckets) and DescribeRegions. */
  readonly homeRegion: string;
  forRegion(region: string): RegionClients;
  /**
   * New clients of the same account whose every call goes through `call` first, then through this
   * set's own wrapper (a scan job's budget and pause around the caller's counting).
   */
  withCall(call: CallWrapper): AwsClients;
  /** Releases sockets of every client created so far. */
  destroy(): void;
}

export interface AwsClientsOptions {
  /** Default `us-east-1`. */
  readonly homeRegion?: string;
  /** Named profile of the shared config files (real accounts); otherwise the default credential chain. */
  readonly profile?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** An SDK request handler, e.g. testkit's simulated account. */
  readonly requestHandler?: unknown;
  /** Attempts per call including the first (adaptive retry); default 10. */
  readonly maxAttempts?: number;
  /** SDK retry mode; default `adaptive` (the benchmark's naive baseline uses `standard`). */
  readonly retryMode?: "adaptive" | "standard";
  readonly call?: CallWrapper;
}

type AnyClient = { send: (command: unknown, ...rest: unknown[]) => Promise<unknown>; destroy(): void };

/** Operation name of an SDK v3 command; its schema carries it (class names do not survive minification). */
export function operationOf(command: unknown): string {
  const schema = (command as { schema?: unknown }).schema;
  if (Array.isArray(schema) && typeof schema[2] === "string") return schema[2];
  const name = (command as { constructor?: { name?: string } }).constructor?.name ?? "Unknown";
  return name.replace(/Command$/, "");
}

/**
 * Wraps `send` while keeping the client's prototype chain, so SDK paginators (which check
 * `instanceof`) accept the wrapped client.
 */
function gated<C extends AnyClient>(client: C, service: string, region: string, call: CallWrapper): C {
  const send = client.send.bind(client);
  return Object.create(client, {
    send: {
      value: (command: unknown, ...rest: unknown[]) =>
        call(
          {
            service,
            operation: operationOf(command),
            region,
            input: (command as { input?: Record<string, unknown> }).input,
          },
          () => send(command, ...rest),
        ),
    },
  }) as C;
}

export type ServiceName = Exclude<keyof RegionClients, "region">;
type ClientClass = new (config: Record<string, unknown>) => AnyClient;

/**
 * SDK client classes by service, each registered by the module that sends its commands
 * (`registerClients`: collectors, the account lookup, the enabled-regions lookup, the teardown, the
 * EBS orchestration), so a Lambda bundle split by service loads a client with the code that uses
 * it, not at cold start.
 */
const CLASSES = new Map<ServiceName, ClientClass>();

/** Makes `forRegion(r)[service]` available: called at the top of the module whose code sends its commands. */
export function registerClients(
  classes: { readonly [S in ServiceName]?: new (config: never) => unknown },
): void {
  for (const [service, Ctor] of Object.entries(classes))
    if (Ctor) CLASSES.set(service as ServiceName, Ctor as unknown as ClientClass);
}

/** Every service `RegionClients` names, whether its class is loaded yet or not (the compiler keeps it complete). */
const SERVICES = Object.keys({
  accessanalyzer: true,
  acm: true,
  apigateway: true,
  apigatewayv2: true,
  autoscaling: true,
  cloudfront: true,
  cloudtrail: true,
  cloudwatch: true,
  config: true,
  dynamodb: true,
  ec2: true,
  ecr: true,
  ecs: true,
  efs: true,
  eks: true,
  elasticache: true,
  elb: true,
  elbv2: true,
  iam: true,
  kms: true,
  lambda: true,
  logs: true,
  rds: true,
  s3: true,
  s3control: true,
  secretsmanager: true,
  securityhub: true,
  sns: true,
  sqs: true,
  sts: true,
  wafv2: true,
  redshift: true,
  dms: true,
  kafka: true,
  kafkaconnect: true,
  dax: true,
  applicationautoscaling: true,
  kinesis: true,
  networkfirewall: true,
  sagemaker: true,
  opensearch: true,
  guardduty: true,
  inspector2: true,
  macie2: true,
  backup: true,
  organizations: true,
  codebuild: true,
  sfn: true,
  elasticbeanstalk: true,
  ssm: true,
} satisfies Record<ServiceName, true>) as ServiceName[];

export class ClientNotLoadedError extends Error {
  override readonly name = "ClientNotLoadedError";
  constructor(readonly service: string) {
    super(
      `no SDK client class for "${service}" is loaded: the module that calls ${service} must call registerClients({ ${service}: <Client> }) at its top, and be imported (or loaded with its service group) before the call`,
    );
  }
}

/**
 * An endpoint override whose host is an IP address or `localhost` (a local emulator), as a URL; else
 * undefined (no override, or a host name the SDK's endpoint rules may prefix, e.g. a VPC endpoint's).
 */
export function literalHostEndpoint(override: string | undefined): URL | undefined {
  if (!override) return undefined;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    return undefined;
  }
  const host = url.hostname;
  const literal = host === "localhost" || host.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  return literal ? url : undefined;
}

export function createAwsClients(options: AwsClientsOptions = {}): AwsClients {
  const homeRegion = options.homeRegion ?? "us-east-1";
  const call = options.call ?? directCall;
  const created: AnyClient[] = [];
  const byRegion = new Map<string, RegionClients>();

  const make = (service: ServiceName, region: string): AnyClient => {
    const config: Record<string, unknown> = {
      region,
      maxAttempts: options.maxAttempts ?? 10,
      retryMode: options.retryMode ?? "adaptive",
    };
    if (options.profile !== undefined) config.profile = options.profile;
    if (options.credentials !== undefined) config.credentials = options.credentials;
    if (options.requestHandler !== undefined) config.requestHandler = options.requestHandler;
    // Buckets live in many regions; let the SDK follow S3's redirects instead of failing.
    if (service === "s3") {
      config.followRegionRedirects = true;
      // Directory buckets are read only through control-plane calls (list, lifecycle), which S3
      // Express authorises with the role's own signature: no CreateSession, also behind an endpoint override.
      config.disableS3ExpressSessionAuth = true;
    }
    // S3 Control's endpoint rules put the account id in front of the host, which an endpoint at an
    // IP address (a local emulator) cannot take: there the requests go to the endpoint as given
    // (the account id travels in its header either way).
    if (service === "s3control") {
      const url = literalHostEndpoint(
        process.env.AWS_ENDPOINT_URL_S3_CONTROL || process.env.AWS_ENDPOINT_URL,
      );
      if (url !== undefined) config.endpointProvider = () => ({ url });
    }
    const Ctor = CLASSES.get(service);
    if (Ctor === undefined) throw new ClientNotLoadedError(service);
    const client = new Ctor(config);
    created.push(client);
    return gated(client, service, region, call);
  };

  return {
    homeRegion,
    forRegion(region) {
      let clients = byRegion.get(region);
      if (clients === undefined) {
        const cache = new Map<ServiceName, AnyClient>();
        const lazy = (service: ServiceName) => {
          let c = cache.get(service);
          if (c === undefined) {
            c = make(service, region);
            cache.set(service, c);
          }
          return c;
        };
        const target = { region } as Record<string, unknown>;
        for (const service of SERVICES) {
          Object.defineProperty(target, service, { get: () => lazy(service), enumerable: true });
        }
        clients = target as unknown as RegionClients;
        byRegion.set(region, clients);
      }
      return clients;
    },
    withCall(outer) {
      return createAwsClients({ ...options, call: (family, fn) => outer(family, () => call(family, fn)) });
    },
    destroy() {
      for (const c of created.splice(0)) c.destroy();
      byRegion.clear();
    },
  };
}

/** Counts calls and throttling errors per `service:Operation`, around another wrapper. */
export interface CallStats {
  readonly calls: Record<string, number>;
  readonly errors: Record<string, number>;
  total(): number;
}

export function countingCall(inner: CallWrapper = directCall): { call: CallWrapper; stats: CallStats } {
  const calls: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const call: CallWrapper = async (family, fn) => {
    const key = `${family.service}:${family.operation}`;
    calls[key] = (calls[key] ?? 0) + 1;
    try {
      return await inner(family, fn);
    } catch (e) {
      errors[key] = (errors[key] ?? 0) + 1;
      throw e;
    }
  };
  return { call, stats: { calls, errors, total: () => Object.values(calls).reduce((a, b) => a + b, 0) } };
}
