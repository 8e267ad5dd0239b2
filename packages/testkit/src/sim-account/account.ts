import type { HttpRequest, HttpResponse } from "@smithy/protocol-http";
import { AwsApiError } from "./errors.ts";
import { ACM_HANDLERS } from "./handlers/acm.ts";
import { APIGATEWAY_HANDLERS, APIGATEWAYV2_HANDLERS } from "./handlers/apigateway.ts";
import { CLOUDFRONT_HANDLERS } from "./handlers/cloudfront.ts";
import { ECR_HANDLERS, ECS_HANDLERS } from "./handlers/containers.ts";
import type { Handler } from "./handlers/context.ts";
import {
  APPLICATION_AUTOSCALING_HANDLERS,
  DYNAMODB_HANDLERS,
  ELASTICACHE_HANDLERS,
  SECRETS_MANAGER_HANDLERS,
  SNS_HANDLERS,
  SQS_HANDLERS,
} from "./handlers/data.ts";
import {
  DAX_HANDLERS,
  DMS_HANDLERS,
  KAFKA_CONNECT_HANDLERS,
  KAFKA_HANDLERS,
  KINESIS_HANDLERS,
  NETWORK_FIREWALL_HANDLERS,
  SAGEMAKER_HANDLERS,
} from "./handlers/dataflow.ts";
import { OPENSEARCH_HANDLERS, RDS_CLUSTER_HANDLERS, REDSHIFT_HANDLERS } from "./handlers/datastores.ts";
import { EC2_HANDLERS, EC2_WRITES } from "./handlers/ec2.ts";
import { ELB_HANDLERS, ELBV2_HANDLERS } from "./handlers/elb.ts";
import { IAM_HANDLERS } from "./handlers/iam.ts";
import {
  AUTOSCALING_OPERATIONS_HANDLERS,
  CODEBUILD_HANDLERS,
  EC2_OPERATIONS_HANDLERS,
  ELASTIC_BEANSTALK_HANDLERS,
  SSM_HANDLERS,
  STEP_FUNCTIONS_HANDLERS,
} from "./handlers/operations.ts";
import {
  AUTOSCALING_HANDLERS,
  AUTOSCALING_WRITES,
  CLOUDTRAIL_HANDLERS,
  CLOUDWATCH_HANDLERS,
  EKS_HANDLERS,
  KMS_HANDLERS,
  LAMBDA_HANDLERS,
  LOGS_HANDLERS,
  RDS_HANDLERS,
  STS_HANDLERS,
} from "./handlers/others.ts";
import { S3_HANDLERS } from "./handlers/s3.ts";
import {
  BACKUP_HANDLERS,
  GUARDDUTY_HANDLERS,
  INSPECTOR2_HANDLERS,
  MACIE2_HANDLERS,
  ORGANIZATIONS_HANDLERS,
} from "./handlers/security.ts";
import {
  ACCESS_ANALYZER_HANDLERS,
  CONFIG_HANDLERS,
  EFS_HANDLERS,
  S3_CONTROL_HANDLERS,
  SECURITY_HUB_HANDLERS,
} from "./handlers/services.ts";
import { WAFV2_HANDLERS } from "./handlers/wafv2.ts";
import { type AccountModel, cloneModel } from "./model.ts";
import {
  type DecodedRequest,
  decodeRequest,
  encodeError,
  encodeOutput,
  handlerKeyOf,
  requestId,
  type ServiceWire,
} from "./protocols.ts";
import {
  bucketFamily,
  type Clock,
  type NoisyNeighbour,
  realClock,
  type ThrottleOptions,
  TokenBuckets,
  throttlingError,
} from "./throttling.ts";

/** Handlers by signing name (by CLI name where APIs share one, see `handlerKeyOf`), then operation. */
const HANDLERS: Record<string, Record<string, Handler>> = {
  sts: STS_HANDLERS,
  ec2: { ...EC2_HANDLERS, ...EC2_OPERATIONS_HANDLERS },
  s3: S3_HANDLERS,
  rds: { ...RDS_HANDLERS, ...RDS_CLUSTER_HANDLERS },
  iam: IAM_HANDLERS,
  cloudtrail: CLOUDTRAIL_HANDLERS,
  kms: KMS_HANDLERS,
  logs: LOGS_HANDLERS,
  monitoring: CLOUDWATCH_HANDLERS,
  lambda: LAMBDA_HANDLERS,
  eks: EKS_HANDLERS,
  autoscaling: { ...AUTOSCALING_HANDLERS, ...AUTOSCALING_OPERATIONS_HANDLERS },
  "access-analyzer": ACCESS_ANALYZER_HANDLERS,
  config: CONFIG_HANDLERS,
  elasticfilesystem: EFS_HANDLERS,
  securityhub: SECURITY_HUB_HANDLERS,
  "s3-control": S3_CONTROL_HANDLERS,
  elbv2: ELBV2_HANDLERS,
  elb: ELB_HANDLERS,
  cloudfront: CLOUDFRONT_HANDLERS,
  apigateway: APIGATEWAY_HANDLERS,
  apigatewayv2: APIGATEWAYV2_HANDLERS,
  acm: ACM_HANDLERS,
  wafv2: WAFV2_HANDLERS,
  dynamodb: DYNAMODB_HANDLERS,
  "application-autoscaling": APPLICATION_AUTOSCALING_HANDLERS,
  sqs: SQS_HANDLERS,
  sns: SNS_HANDLERS,
  secretsmanager: SECRETS_MANAGER_HANDLERS,
  ecr: ECR_HANDLERS,
  ecs: ECS_HANDLERS,
  elasticache: ELASTICACHE_HANDLERS,
  redshift: REDSHIFT_HANDLERS,
  dms: DMS_HANDLERS,
  es: OPENSEARCH_HANDLERS,
  kafka: KAFKA_HANDLERS,
  kinesis: KINESIS_HANDLERS,
  kafkaconnect: KAFKA_CONNECT_HANDLERS,
  dax: DAX_HANDLERS,
  guardduty: GUARDDUTY_HANDLERS,
  inspector2: INSPECTOR2_HANDLERS,
  macie2: MACIE2_HANDLERS,
  backup: BACKUP_HANDLERS,
  organizations: ORGANIZATIONS_HANDLERS,
  codebuild: CODEBUILD_HANDLERS,
  states: STEP_FUNCTIONS_HANDLERS,
  elasticbeanstalk: ELASTIC_BEANSTALK_HANDLERS,
  ssm: SSM_HANDLERS,
  sagemaker: SAGEMAKER_HANDLERS,
  "network-firewall": NETWORK_FIREWALL_HANDLERS,
};

const WRITES: Record<string, ReadonlySet<string>> = { ec2: EC2_WRITES, autoscaling: AUTOSCALING_WRITES };

/**
 * The operations the simulated account serves, as `<cli-service>:<Operation>`; `{ writes: false }`
 * leaves out the mutating ones (EC2 and Auto Scaling writes the EBS scans make).
 */
export function servedOperations(options: { readonly writes?: boolean } = {}): string[] {
  const cli: Record<string, string> = {
    s3: "s3api",
    monitoring: "cloudwatch",
    es: "opensearch",
    states: "stepfunctions",
    "access-analyzer": "accessanalyzer",
    config: "configservice",
    elasticfilesystem: "efs",
    "s3-control": "s3control",
  };
  return Object.entries(HANDLERS).flatMap(([svc, ops]) =>
    Object.keys(ops)
      .filter((op) => options.writes !== false || !WRITES[svc]?.has(op))
      .map((op) => `${cli[svc] ?? svc}:${op}`),
  );
}

export interface SimulatedAccountOptions {
  /** Time source for throttling and the audit log; defaults to real time. */
  readonly clock?: Clock;
  /** `false` turns throttling off; `{ scale }` multiplies every bucket (default: AWS's numbers). */
  readonly throttling?: false | ThrottleOptions;
  /** Another tenant spending a fraction of every bucket. */
  readonly noisyNeighbour?: NoisyNeighbour;
}

/** One mutating call, recorded whether it succeeded or not. */
export interface AuditEntry {
  /** Clock time of the call, ms since the epoch. */
  readonly at: number;
  readonly region: string;
  /** AWS CLI service name (`ec2`, `autoscaling`). */
  readonly service: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** `"ok"`, or the AWS error code it answered with. */
  readonly outcome: string;
}

export interface SimulatedAccountStats {
  /** Calls per `<cli-service>:<Operation>`, throttled ones included. */
  readonly calls: Record<string, number>;
  /** Throttled calls per `<cli-service>:<Operation>`. */
  readonly throttled: Record<string, number>;
  readonly totalCalls: number;
  readonly totalThrottled: number;
}

/** What the SDK clients take as `requestHandler`: the seam below serialization, above the network. */
export interface SimulatedRequestHandler {
  handle(request: HttpRequest, options?: unknown): Promise<{ response: HttpResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
}

export interface SimulatedAccount {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly requestHandler: SimulatedRequestHandler;
  stats(): SimulatedAccountStats;
  audit(): readonly AuditEntry[];
  /** The live state (a copy of the model passed in); writes change it. */
  readonly model: AccountModel;
}

/**
 * Serves an account model to the real AWS SDK v3 clients:
 * `new EC2Client({ region, credentials, requestHandler: account.requestHandler })`.
 */
export function createSimulatedAccount(
  source: AccountModel,
  options: SimulatedAccountOptions = {},
): SimulatedAccount {
  const model = cloneModel(source);
  const clock = options.clock ?? realClock;
  const buckets =
    options.throttling === false
      ? undefined
      : new TokenBuckets(clock, options.throttling ?? {}, options.noisyNeighbour);
  const calls: Record<string, number> = {};
  const throttled: Record<string, number> = {};
  const auditLog: AuditEntry[] = [];
  let sequence = 0;

  const answer = (request: HttpRequest): HttpResponse => {
    const id = requestId(++sequence);
    let decoded: DecodedRequest | undefined;
    let service: ServiceWire | undefined;
    try {
      decoded = decodeRequest(request);
      service = decoded.service;
      const name = `${service.cliName}:${decoded.operation}`;
      calls[name] = (calls[name] ?? 0) + 1;
      const handler = HANDLERS[handlerKeyOf(service)]?.[decoded.operation];
      if (!handler) {
        throw new AwsApiError(
          service.protocol === "ec2Query" ? "UnsupportedOperation" : "InvalidAction",
          `The simulated account does not serve ${service.cliName} ${decoded.operation}; it serves: ${servedOperations()
            .filter((o) => o.startsWith(`${service?.cliName}:`))
            .join(", ")}.`,
        );
      }
      if (
        buckets &&
        !buckets.take(decoded.region, bucketFamily(service.signingName, decoded.operation, decoded.input))
      ) {
        throttled[name] = (throttled[name] ?? 0) + 1;
        const { code, status } = throttlingError(service.signingName);
        throw new AwsApiError(
          code,
          code === "RequestLimitExceeded" ? "Request limit exceeded." : "Rate exceeded",
          status,
        );
      }
      const isWrite = WRITES[service.signingName]?.has(decoded.operation) ?? false;
      const call = {
        model,
        region: decoded.region,
        cliService: service.cliName,
        operation: decoded.operation,
        input: decoded.input,
      };
      try {
        const output = handler(call);
        if (isWrite) record(decoded, "ok");
        return encodeOutput(decoded, output, id);
      } catch (e) {
        if (isWrite && e instanceof AwsApiError) record(decoded, e.code);
        throw e;
      }
    } catch (e) {
      if (e instanceof AwsApiError) return encodeError(service, e, id);
      throw e;
    }
  };

  const record = (decoded: DecodedRequest, outcome: string): void => {
    auditLog.push({
      at: clock.now(),
      region: decoded.region,
      service: decoded.service.cliName,
      operation: decoded.operation,
      input: structuredClone(decoded.input),
      outcome,
    });
  };

  return {
    accountId: model.accountId,
    regions: model.regions,
    model,
    requestHandler: {
      handle: async (request) => ({ response: answer(request) }),
      updateHttpClientConfig: () => {},
      httpHandlerConfigs: () => ({}),
    },
    stats: () => {
      const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
      return {
        calls: { ...calls },
        throttled: { ...throttled },
        totalCalls: sum(calls),
        totalThrottled: sum(throttled),
      };
    },
    audit: () => [...auditLog],
  };
}
