/**
 * The wire side of the simulated account: which AWS service a signed request is for, what
 * operation and input it carries, and how an answer (held as AWS CLI JSON) goes back in that
 * service's protocol. Everything is driven by the runtime schemas the installed SDK clients ship
 * (`@aws-sdk/client-*` export `<Operation>$` schemas), with the SDK's own shape serializers, so the
 * clients deserialize our answers exactly as they would AWS's.
 */
import * as accessanalyzer from "@aws-sdk/client-accessanalyzer";
import * as acm from "@aws-sdk/client-acm";
import * as apigateway from "@aws-sdk/client-api-gateway";
import * as apigatewayv2 from "@aws-sdk/client-apigatewayv2";
import * as applicationautoscaling from "@aws-sdk/client-application-auto-scaling";
import * as autoscaling from "@aws-sdk/client-auto-scaling";
import * as backup from "@aws-sdk/client-backup";
import * as cloudfront from "@aws-sdk/client-cloudfront";
import * as cloudtrail from "@aws-sdk/client-cloudtrail";
import * as cloudwatch from "@aws-sdk/client-cloudwatch";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import * as codebuild from "@aws-sdk/client-codebuild";
import * as configservice from "@aws-sdk/client-config-service";
import * as dms from "@aws-sdk/client-database-migration-service";
import * as dax from "@aws-sdk/client-dax";
import * as dynamodb from "@aws-sdk/client-dynamodb";
import * as ec2 from "@aws-sdk/client-ec2";
import * as ecr from "@aws-sdk/client-ecr";
import * as ecs from "@aws-sdk/client-ecs";
import * as efs from "@aws-sdk/client-efs";
import * as eks from "@aws-sdk/client-eks";
import * as elasticbeanstalk from "@aws-sdk/client-elastic-beanstalk";
import * as elb from "@aws-sdk/client-elastic-load-balancing";
import * as elbv2 from "@aws-sdk/client-elastic-load-balancing-v2";
import * as elasticache from "@aws-sdk/client-elasticache";
import * as guardduty from "@aws-sdk/client-guardduty";
import * as iam from "@aws-sdk/client-iam";
import * as inspector2 from "@aws-sdk/client-inspector2";
import * as kafka from "@aws-sdk/client-kafka";
import * as kafkaconnect from "@aws-sdk/client-kafkaconnect";
import * as kinesis from "@aws-sdk/client-kinesis";
import * as kms from "@aws-sdk/client-kms";
import * as lambda from "@aws-sdk/client-lambda";
import * as macie2 from "@aws-sdk/client-macie2";
import * as networkfirewall from "@aws-sdk/client-network-firewall";
import * as opensearch from "@aws-sdk/client-opensearch";
import * as organizations from "@aws-sdk/client-organizations";
import * as rds from "@aws-sdk/client-rds";
import * as redshift from "@aws-sdk/client-redshift";
import * as s3 from "@aws-sdk/client-s3";
import * as s3control from "@aws-sdk/client-s3-control";
import * as sagemaker from "@aws-sdk/client-sagemaker";
import * as secretsmanager from "@aws-sdk/client-secrets-manager";
import * as securityhub from "@aws-sdk/client-securityhub";
import * as sfn from "@aws-sdk/client-sfn";
import * as sns from "@aws-sdk/client-sns";
import * as sqs from "@aws-sdk/client-sqs";
import * as ssm from "@aws-sdk/client-ssm";
import * as sts from "@aws-sdk/client-sts";
import * as wafv2 from "@aws-sdk/client-wafv2";
import { XmlShapeSerializer } from "@aws-sdk/core/protocols";
import { JsonCodec2 } from "@smithy/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";
import { type HttpRequest, HttpResponse } from "@smithy/protocol-http";
import { AwsApiError } from "./errors.ts";

export type Protocol = "ec2Query" | "awsQuery" | "restXml" | "awsJson1_0" | "awsJson1_1" | "restJson1";

export interface ServiceWire {
  /** SigV4 signing name, as in the request's credential scope. */
  readonly signingName: string;
  /** The AWS CLI service name, which names the snapshot folder. */
  readonly cliName: string;
  readonly protocol: Protocol;
  readonly xmlNamespace?: string;
  /** awsJson services that also speak query error codes (CloudWatch). */
  readonly awsQueryCompatible?: boolean;
  /** The client module; its `<Operation>$` exports are the operation schemas. */
  readonly module: Record<string, unknown>;
  /**
   * Where two APIs share a signing name (elb and elbv2 are both `elasticloadbalancing`): the query
   * `Version` that tells this one apart. Its handlers are then keyed by `cliName`.
   */
  readonly apiVersion?: string;
}

/**
 * The key of a service's handlers: its signing name, or its CLI name where the signing name is
 * shared (elb and elbv2; apigateway and apigatewayv2, told apart by the routes their paths match).
 */
export function handlerKeyOf(service: ServiceWire): string {
  return SERVICES.some((s) => s !== service && s.signingName === service.signingName)
    ? service.cliName
    : service.signingName;
}

const mod = (m: object): Record<string, unknown> => m as Record<string, unknown>;

export const SERVICES: readonly ServiceWire[] = [
  {
    signingName: "sts",
    cliName: "sts",
    protocol: "awsQuery",
    xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
    module: mod(sts),
  },
  {
    signingName: "ec2",
    cliName: "ec2",
    protocol: "ec2Query",
    xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
    module: mod(ec2),
  },
  {
    signingName: "s3",
    cliName: "s3api",
    protocol: "restXml",
    xmlNamespace: "http://s3.amazonaws.com/doc/2006-03-01/",
    module: mod(s3),
  },
  {
    signingName: "rds",
    cliName: "rds",
    protocol: "awsQuery",
    xmlNamespace: "http://rds.amazonaws.com/doc/2014-10-31/",
    module: mod(rds),
  },
  {
    signingName: "iam",
    cliName: "iam",
    protocol: "awsQuery",
    xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
    module: mod(iam),
  },
  {
    signingName: "elasticloadbalancing",
    cliName: "elbv2",
    protocol: "awsQuery",
    xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
    module: mod(elbv2),
    apiVersion: "2015-12-01",
  },
  {
    signingName: "elasticloadbalancing",
    cliName: "elb",
    protocol: "awsQuery",
    xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/",
    module: mod(elb),
    apiVersion: "2012-06-01",
  },
  {
    signingName: "autoscaling",
    cliName: "autoscaling",
    protocol: "awsQuery",
    xmlNamespace: "http://autoscaling.amazonaws.com/doc/2011-01-01/",
    module: mod(autoscaling),
  },
  {
    signingName: "cloudfront",
    cliName: "cloudfront",
    protocol: "restXml",
    xmlNamespace: "http://cloudfront.amazonaws.com/doc/2020-05-31/",
    module: mod(cloudfront),
  },
  { signingName: "cloudtrail", cliName: "cloudtrail", protocol: "awsJson1_1", module: mod(cloudtrail) },
  { signingName: "kms", cliName: "kms", protocol: "awsJson1_1", module: mod(kms) },
  { signingName: "acm", cliName: "acm", protocol: "awsJson1_1", module: mod(acm) },
  { signingName: "wafv2", cliName: "wafv2", protocol: "awsJson1_1", module: mod(wafv2) },
  { signingName: "logs", cliName: "logs", protocol: "awsJson1_1", module: mod(logs) },
  {
    signingName: "monitoring",
    cliName: "cloudwatch",
    protocol: "awsJson1_0",
    awsQueryCompatible: true,
    module: mod(cloudwatch),
  },
  { signingName: "lambda", cliName: "lambda", protocol: "restJson1", module: mod(lambda) },
  { signingName: "apigateway", cliName: "apigateway", protocol: "restJson1", module: mod(apigateway) },
  { signingName: "apigateway", cliName: "apigatewayv2", protocol: "restJson1", module: mod(apigatewayv2) },
  { signingName: "eks", cliName: "eks", protocol: "restJson1", module: mod(eks) },
  {
    signingName: "access-analyzer",
    cliName: "accessanalyzer",
    protocol: "restJson1",
    module: mod(accessanalyzer),
  },
  { signingName: "config", cliName: "configservice", protocol: "awsJson1_1", module: mod(configservice) },
  { signingName: "elasticfilesystem", cliName: "efs", protocol: "restJson1", module: mod(efs) },
  { signingName: "securityhub", cliName: "securityhub", protocol: "restJson1", module: mod(securityhub) },
  {
    // Signed as `s3`; told apart by its host (`<account>.s3-control.<region>.amazonaws.com`).
    signingName: "s3-control",
    cliName: "s3control",
    protocol: "restXml",
    xmlNamespace: "http://awss3control.amazonaws.com/doc/2018-08-20/",
    module: mod(s3control),
  },
  { signingName: "dynamodb", cliName: "dynamodb", protocol: "awsJson1_0", module: mod(dynamodb) },
  {
    signingName: "application-autoscaling",
    cliName: "application-autoscaling",
    protocol: "awsJson1_1",
    module: mod(applicationautoscaling),
  },
  {
    signingName: "sqs",
    cliName: "sqs",
    protocol: "awsJson1_0",
    awsQueryCompatible: true,
    module: mod(sqs),
  },
  {
    signingName: "sns",
    cliName: "sns",
    protocol: "awsQuery",
    xmlNamespace: "http://sns.amazonaws.com/doc/2010-03-31/",
    module: mod(sns),
  },
  {
    signingName: "secretsmanager",
    cliName: "secretsmanager",
    protocol: "awsJson1_1",
    module: mod(secretsmanager),
  },
  { signingName: "ecr", cliName: "ecr", protocol: "awsJson1_1", module: mod(ecr) },
  { signingName: "ecs", cliName: "ecs", protocol: "awsJson1_1", module: mod(ecs) },
  {
    signingName: "elasticache",
    cliName: "elasticache",
    protocol: "awsQuery",
    xmlNamespace: "http://elasticache.amazonaws.com/doc/2015-02-02/",
    module: mod(elasticache),
  },
  {
    signingName: "redshift",
    cliName: "redshift",
    protocol: "awsQuery",
    xmlNamespace: "http://redshift.amazonaws.com/doc/2012-12-01/",
    module: mod(redshift),
  },
  { signingName: "dms", cliName: "dms", protocol: "awsJson1_1", module: mod(dms) },
  { signingName: "es", cliName: "opensearch", protocol: "restJson1", module: mod(opensearch) },
  { signingName: "kafka", cliName: "kafka", protocol: "restJson1", module: mod(kafka) },
  { signingName: "kinesis", cliName: "kinesis", protocol: "awsJson1_1", module: mod(kinesis) },
  {
    signingName: "kafkaconnect",
    cliName: "kafkaconnect",
    protocol: "restJson1",
    module: mod(kafkaconnect),
  },
  { signingName: "dax", cliName: "dax", protocol: "awsJson1_1", module: mod(dax) },
  { signingName: "guardduty", cliName: "guardduty", protocol: "restJson1", module: mod(guardduty) },
  { signingName: "inspector2", cliName: "inspector2", protocol: "restJson1", module: mod(inspector2) },
  { signingName: "macie2", cliName: "macie2", protocol: "restJson1", module: mod(macie2) },
  { signingName: "backup", cliName: "backup", protocol: "restJson1", module: mod(backup) },
  {
    signingName: "organizations",
    cliName: "organizations",
    protocol: "awsJson1_1",
    module: mod(organizations),
  },
  { signingName: "codebuild", cliName: "codebuild", protocol: "awsJson1_1", module: mod(codebuild) },
  { signingName: "states", cliName: "stepfunctions", protocol: "awsJson1_0", module: mod(sfn) },
  {
    signingName: "elasticbeanstalk",
    cliName: "elasticbeanstalk",
    protocol: "awsQuery",
    xmlNamespace: "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/",
    module: mod(elasticbeanstalk),
  },
  { signingName: "ssm", cliName: "ssm", protocol: "awsJson1_1", module: mod(ssm) },
  { signingName: "sagemaker", cliName: "sagemaker", protocol: "awsJson1_1", module: mod(sagemaker) },
  {
    signingName: "network-firewall",
    cliName: "network-firewall",
    protocol: "awsJson1_0",
    module: mod(networkfirewall),
  },
];

/** An operation schema as the clients export it: `[9, namespace, name, traits, input, output]`. */
type OperationSchema = readonly [9, string, string, unknown, unknown, unknown];

function operationSchema(service: ServiceWire, operation: string): OperationSchema | undefined {
  const schema = service.module[`${operation}$`];
  return Array.isArray(schema) && schema[0] === 9 ? (schema as unknown as OperationSchema) : undefined;
}

export interface DecodedRequest {
  readonly service: ServiceWire;
  readonly region: string;
  readonly operation: string;
  /** The input with the SDK's member names (scalars typed as the schema says). */
  readonly input: Record<string, unknown>;
  /** S3: the bucket the request addresses, from the virtual host or the path. */
  readonly bucket?: string;
}

function bodyText(request: HttpRequest): string {
  const body: unknown = request.body;
  if (body == null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return "";
}

function header(request: HttpRequest, name: string): string | undefined {
  for (const [k, v] of Object.entries(request.headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Region and signing name from the SigV4 credential scope; the host is the fallback. */
function scope(request: HttpRequest): { region?: string; signingName?: string } {
  const auth = header(request, "authorization") ?? "";
  const m = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  if (m) return { region: m[1], signingName: m[2] };
  const host = request.hostname.split(".");
  const i = host.indexOf("amazonaws");
  if (i >= 2) return { signingName: host[i - 2], region: host[i - 1] };
  return {};
}

export function decodeRequest(request: HttpRequest): DecodedRequest {
  const { region, signingName: signed } = scope(request);
  // S3 Express One Zone's control plane (`s3express-control.<region>`) is S3's API signed as `s3express`.
  const signingName =
    signed === "s3" && request.hostname.includes(".s3-control.")
      ? "s3-control"
      : signed === "s3express"
        ? "s3"
        : signed;
  let service = SERVICES.find((s) => s.signingName === signingName);
  if (!service) {
    throw new AwsApiError(
      "UnrecognizedClientException",
      `The simulated account does not serve the service '${signingName ?? request.hostname}'.`,
    );
  }
  const where = region ?? "us-east-1";
  switch (service.protocol) {
    case "ec2Query":
    case "awsQuery": {
      const form = new URLSearchParams(bodyText(request));
      if (service.apiVersion !== undefined) {
        const version = form.get("Version");
        service = SERVICES.find((s) => s.signingName === signingName && s.apiVersion === version) ?? service;
      }
      const operation = form.get("Action") ?? "";
      const schema = requireOperation(service, operation, "InvalidAction");
      const tree = formTree(form);
      const input = decodeQuery(
        NormalizedSchema.of(schema[4] as never),
        tree,
        service.protocol === "ec2Query",
      );
      return { service, region: where, operation, input: (input ?? {}) as Record<string, unknown> };
    }
    case "awsJson1_0":
    case "awsJson1_1": {
      const target = header(request, "x-amz-target") ?? "";
      const operation = target.slice(target.lastIndexOf(".") + 1);
      requireOperation(service, operation, "UnknownOperationException");
      const text = bodyText(request);
      return { service, region: where, operation, input: text ? JSON.parse(text) : {} };
    }
    case "restJson1":
    case "restXml": {
      // APIs that share a signing name: the one whose routes the path matches.
      const candidates = SERVICES.filter((s) => s.signingName === service?.signingName);
      for (const candidate of candidates.slice(0, -1)) {
        try {
          return decodeRest(candidate, where, request);
        } catch (e) {
          if (!(e instanceof AwsApiError)) throw e;
        }
      }
      return decodeRest(candidates.at(-1) ?? service, where, request);
    }
  }
}

function requireOperation(service: ServiceWire, operation: string, code: string): OperationSchema {
  const schema = operationSchema(service, operation);
  if (!schema) {
    throw new AwsApiError(
      code,
      `The action '${operation}' is not valid for ${service.cliName} (the simulated account knows no such operation).`,
    );
  }
  return schema;
}

// --- query protocols (awsQuery, ec2Query): form body -> member-named input -------------------------

type FormTree = { value?: string; children: Map<string, FormTree> };

function formTree(form: URLSearchParams): FormTree {
  const root: FormTree = { children: new Map() };
  for (const [key, value] of form) {
    let node = root;
    for (const part of key.split(".")) {
      let next = node.children.get(part);
      if (!next) {
        next = { children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

function decodeQuery(ns: NormalizedSchema, node: FormTree | undefined, ec2Style: boolean): unknown {
  if (!node) return undefined;
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [member, memberNs] of ns.structIterator()) {
      const traits = memberNs.getMergedTraits();
      const key = String(
        ec2Style
          ? (traits.ec2QueryName ?? capitalize(String(traits.xmlName ?? member)))
          : (traits.xmlName ?? member),
      );
      const value = decodeQuery(memberNs, node.children.get(key), ec2Style);
      if (value !== undefined) out[member] = value;
    }
    return out;
  }
  if (ns.isListSchema()) {
    let items = node;
    // awsQuery wraps list items in `member` (or the member's xmlName) unless the list is flattened.
    const [first] = node.children.keys();
    if (!ec2Style && first !== undefined && !/^\d+$/.test(first)) items = node.children.get(first) ?? node;
    return [...items.children.entries()]
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, child]) => decodeQuery(ns.getValueSchema(), child, ec2Style));
  }
  if (ns.isMapSchema()) {
    const entries = node.children.get("entry") ?? node;
    const out: Record<string, unknown> = {};
    for (const child of entries.children.values()) {
      const k = child.children.get("key")?.value;
      if (k !== undefined) out[k] = decodeQuery(ns.getValueSchema(), child.children.get("value"), ec2Style);
    }
    return out;
  }
  return scalar(ns, node.value);
}

function scalar(ns: NormalizedSchema, value: string | undefined): unknown {
  if (value === undefined) return undefined;
  if (ns.isBooleanSchema()) return value === "true";
  if (ns.isNumericSchema()) return Number(value);
  return value;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- REST protocols: route by the operation's http trait ---------------------------------------

interface Route {
  readonly operation: string;
  readonly schema: OperationSchema;
  readonly method: string;
  readonly segments: readonly string[];
  readonly query: readonly [string, string | undefined][];
}

const routeCache = new WeakMap<ServiceWire, Route[]>();

function routes(service: ServiceWire): Route[] {
  let list = routeCache.get(service);
  if (list) return list;
  list = [];
  for (const [name, value] of Object.entries(service.module)) {
    if (!name.endsWith("$") || !Array.isArray(value) || value[0] !== 9) continue;
    const traits = (value[3] || undefined) as { http?: [string, string, number] } | undefined;
    if (!traits?.http) continue;
    const [method, uri] = traits.http;
    const [path = "/", qs = ""] = uri.split("?");
    list.push({
      operation: name.slice(0, -1),
      schema: value as unknown as OperationSchema,
      method,
      segments: path.split("/").filter(Boolean),
      query: qs
        .split("&")
        .filter(Boolean)
        .map((kv) => {
          const [k = "", v] = kv.split("=");
          return [k, v] as [string, string | undefined];
        }),
    });
  }
  // Most specific first: literal query keys, then literal path segments.
  list.sort((a, b) => b.query.length - a.query.length || b.segments.length - a.segments.length);
  routeCache.set(service, list);
  return list;
}

function decodeRest(service: ServiceWire, region: string, request: HttpRequest): DecodedRequest {
  let segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  let bucket: string | undefined;
  if (service.cliName === "s3api") {
    const host = /^(.+)\.s3[.-]/.exec(request.hostname);
    if (host?.[1]) bucket = host[1];
    else if (segments.length > 0) {
      bucket = segments[0];
      segments = segments.slice(1);
    }
  }
  const query = request.query ?? {};
  const q = (k: string): string | undefined => {
    const v = query[k];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  for (const route of routes(service)) {
    if (route.method !== request.method) continue;
    if (route.query.some(([k, v]) => !(k in query) || (v !== undefined && q(k) !== v))) continue;
    const labels = matchPath(route.segments, segments);
    if (!labels) continue;
    const input: Record<string, unknown> = {};
    const inputNs = NormalizedSchema.of(route.schema[4] as never);
    for (const [member, memberNs] of inputNs.structIterator()) {
      const traits = memberNs.getMergedTraits();
      if (traits.httpLabel) {
        if (labels[member] !== undefined) input[member] = labels[member];
      } else if (typeof traits.httpQuery === "string") {
        const v = q(traits.httpQuery);
        if (v !== undefined) input[member] = scalar(memberNs, v);
      } else if (typeof traits.httpHeader === "string") {
        const v = header(request, traits.httpHeader.toLowerCase());
        if (v !== undefined) input[member] = scalar(memberNs, v);
      }
    }
    if (service.protocol === "restJson1") {
      const text = bodyText(request);
      if (text) Object.assign(input, JSON.parse(text));
    }
    if (bucket !== undefined) input.Bucket = bucket;
    return { service, region, operation: route.operation, input, ...(bucket ? { bucket } : {}) };
  }
  throw new AwsApiError(
    "UnknownOperationException",
    `The simulated account cannot route ${request.method} ${request.path} for ${service.cliName}.`,
    404,
  );
}

function matchPath(
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const greedy = /^\{(.+)\+\}$/.exec(p);
    if (greedy?.[1]) {
      if (actual.length <= i) return undefined;
      labels[greedy[1]] = actual.slice(i).join("/");
      return labels;
    }
    const a = actual[i];
    if (a === undefined) return undefined;
    const label = /^\{(.+)\}$/.exec(p);
    if (label?.[1]) labels[label[1]] = a;
    else if (p !== a) return undefined;
  }
  return pattern.length === actual.length ? labels : undefined;
}

// --- answers ------------------------------------------------------------------------------------

/**
 * Converts AWS CLI JSON into the values the SDK's serializers take: ISO timestamps to Dates, base64
 * blobs to bytes, and decoded IAM policy documents back to the URL-encoded JSON IAM sends.
 */
function cliToSdk(ns: NormalizedSchema, value: unknown, iamPolicies: boolean): unknown {
  if (value == null) return undefined;
  if (ns.isTimestampSchema())
    return typeof value === "string" || typeof value === "number" ? new Date(value) : value;
  if (ns.isBlobSchema())
    return typeof value === "string" ? new Uint8Array(Buffer.from(value, "base64")) : value;
  if (ns.isListSchema()) {
    return Array.isArray(value) ? value.map((v) => cliToSdk(ns.getValueSchema(), v, iamPolicies)) : undefined;
  }
  if (ns.isMapSchema()) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object))
      out[k] = cliToSdk(ns.getValueSchema(), v, iamPolicies);
    return out;
  }
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [member, memberNs] of ns.structIterator()) {
      if (record[member] !== undefined) out[member] = cliToSdk(memberNs, record[member], iamPolicies);
    }
    return out;
  }
  if (ns.isStringSchema() && typeof value === "object") {
    const json = JSON.stringify(value);
    return iamPolicies ? encodeURIComponent(json) : json;
  }
  return value;
}

export function requestId(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `51a7c0de-0000-4000-8000-${hex}`;
}

/** A raw answer for the rare operation whose wire body the schema cannot express (GetBucketLocation). */
export interface RawAnswer {
  readonly raw: { readonly body: string; readonly headers?: Record<string, string> };
}

export function encodeOutput(
  decoded: DecodedRequest,
  output: Record<string, unknown> | RawAnswer,
  id: string,
): HttpResponse {
  const { service, operation } = decoded;
  if ("raw" in output && typeof output.raw === "object") {
    const raw = (output as RawAnswer).raw;
    return respond(200, { "content-type": "application/xml", ...raw.headers }, raw.body, id);
  }
  const schema = operationSchema(service, operation) as OperationSchema;
  const outNs = NormalizedSchema.of(schema[5] as never);
  const value = outNs.isStructSchema()
    ? (cliToSdk(outNs, output, service.signingName === "iam") as Record<string, unknown>)
    : {};
  switch (service.protocol) {
    case "ec2Query": {
      const inner = outNs.isStructSchema() ? xmlInner(outNs, value) : "";
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${service.xmlNamespace}"><requestId>${id}</requestId>${inner}</${operation}Response>`;
      return respond(200, { "content-type": "text/xml;charset=UTF-8" }, body, id);
    }
    case "awsQuery": {
      const inner = outNs.isStructSchema()
        ? `<${operation}Result>${xmlInner(outNs, value)}</${operation}Result>`
        : "";
      const body = `<${operation}Response xmlns="${service.xmlNamespace}">${inner}<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${operation}Response>`;
      return respond(200, { "content-type": "text/xml" }, body, id);
    }
    case "awsJson1_0":
    case "awsJson1_1": {
      const type = `application/x-amz-json-${service.protocol === "awsJson1_0" ? "1.0" : "1.1"}`;
      return respond(200, { "content-type": type }, jsonBody(outNs, value, false), id);
    }
    case "restJson1": {
      const headers = restHeaders(outNs, value);
      return respond(
        200,
        { "content-type": "application/json", ...headers },
        jsonBody(outNs, value, true),
        id,
      );
    }
    case "restXml": {
      const headers = restHeaders(outNs, value);
      for (const [member, memberNs] of outNs.structIterator()) {
        if (!memberNs.getMergedTraits().httpPayload) continue;
        const payload = value[member];
        if (payload === undefined) return respond(200, headers, "", id);
        if (typeof payload === "string")
          return respond(200, { "content-type": "application/json", ...headers }, payload, id);
        const serializer = new XmlShapeSerializer(xmlSettings(service));
        serializer.write(memberNs, payload);
        return respond(
          200,
          { "content-type": "application/xml", ...headers },
          String(serializer.flush()),
          id,
        );
      }
      const serializer = new XmlShapeSerializer(xmlSettings(service));
      serializer.write(outNs, value);
      return respond(200, { "content-type": "application/xml", ...headers }, String(serializer.flush()), id);
    }
  }
}

/** Members bound to HTTP headers go out as headers (and not in the body). */
function restHeaders(ns: NormalizedSchema, value: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [member, memberNs] of ns.structIterator()) {
    const h = memberNs.getMergedTraits().httpHeader;
    if (typeof h === "string" && value[member] !== undefined) {
      headers[h.toLowerCase()] = String(value[member]);
      delete value[member];
    }
  }
  return headers;
}

function xmlSettings(service: ServiceWire) {
  return {
    timestampFormat: { useTrait: true, default: 5 as const },
    xmlNamespace: service.xmlNamespace ?? "",
    serviceNamespace: service.xmlNamespace ?? "",
  };
}

/** The XML of a structure's members, without its own element (the protocol supplies the wrapper). */
function xmlInner(ns: NormalizedSchema, value: Record<string, unknown>): string {
  const serializer = new XmlShapeSerializer({
    timestampFormat: { useTrait: true, default: 5 },
    xmlNamespace: "",
    serviceNamespace: "",
  });
  serializer.write(ns, value);
  const xml = String(serializer.flush());
  const m = /^<([A-Za-z0-9_]+)[^>]*?(?:\/>|>([\s\S]*)<\/\1>)$/.exec(xml);
  return m?.[2] ?? "";
}

function jsonBody(ns: NormalizedSchema, value: Record<string, unknown>, jsonName: boolean): string {
  if (!ns.isStructSchema()) return "{}";
  const serializer = new JsonCodec2({
    timestampFormat: { useTrait: true, default: 7 },
    jsonName,
  }).createSerializer();
  serializer.write(ns, value);
  const out = serializer.flush();
  return typeof out === "string" ? out : new TextDecoder().decode(out);
}

function respond(status: number, headers: Record<string, string>, body: string, id: string): HttpResponse {
  return new HttpResponse({
    statusCode: status,
    headers: { "x-amzn-requestid": id, "x-amz-request-id": id, ...headers },
    body: Buffer.from(body, "utf8"),
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An AWS error in the service's wire format, so the SDK raises (and classifies) it as AWS would. */
export function encodeError(service: ServiceWire | undefined, error: AwsApiError, id: string): HttpResponse {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  switch (service?.protocol) {
    case "ec2Query":
      return respond(
        error.status,
        { "content-type": "text/xml;charset=UTF-8" },
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`,
        id,
      );
    case "awsQuery":
      return respond(
        error.status,
        { "content-type": "text/xml" },
        `<ErrorResponse xmlns="${service.xmlNamespace}"><Error><Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
        id,
      );
    case "restXml":
      return respond(
        error.status,
        { "content-type": "application/xml" },
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${id}</RequestId></Error>`,
        id,
      );
    case "restJson1":
      return respond(
        error.status,
        { "content-type": "application/json", "x-amzn-errortype": error.code },
        JSON.stringify({ message: error.message }),
        id,
      );
    default: {
      const headers: Record<string, string> = {
        "content-type": `application/x-amz-json-${service?.protocol === "awsJson1_0" ? "1.0" : "1.1"}`,
        "x-amzn-errortype": error.code,
      };
      if (service?.awsQueryCompatible) {
        headers["x-amzn-query-error"] = `${error.code};${error.status >= 500 ? "Receiver" : "Sender"}`;
      }
      return respond(
        error.status,
        headers,
        JSON.stringify({ __type: error.code, message: error.message }),
        id,
      );
    }
  }
}
