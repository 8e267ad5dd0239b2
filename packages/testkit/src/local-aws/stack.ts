import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { SSMClient } from "@aws-sdk/client-ssm";
import { startMoto } from "../emulated-account/moto.ts";
import {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  locateJava,
  startDynamoDbLocal,
} from "./dynamodb-local.ts";

export type LocalAwsService = "sqs" | "sns" | "s3" | "dynamodb" | "ssm";

export interface LocalAwsOptions {
  /** `false` skips DynamoDB Local (no Java needed); an object tunes how it starts. Default on. */
  dynamodb?: boolean | DynamoDbLocalOptions;
}

export interface LocalAwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Spread into any SDK v3 client constructor: `new SQSClient(aws.clientConfig("sqs"))`. */
export interface LocalAwsClientConfig {
  region: string;
  endpoint: string;
  credentials: LocalAwsCredentials;
  /** Set for S3: fauxqs serves buckets path-style (`http://127.0.0.1:<port>/<bucket>/<key>`). */
  forcePathStyle?: boolean;
}

type IfDynamo<D extends boolean, T> = D extends true ? T : undefined;

export interface LocalAws<D extends boolean = true> {
  readonly region: string;
  readonly credentials: LocalAwsCredentials;
  readonly endpoints: {
    sqs: string;
    sns: string;
    s3: string;
    ssm: string;
    dynamodb: IfDynamo<D, string>;
  };
  readonly clients: {
    sqs: SQSClient;
    sns: SNSClient;
    s3: S3Client;
    ssm: SSMClient;
    dynamodb: IfDynamo<D, DynamoDBClient>;
  };
  /** PID of DynamoDB Local's java process, for diagnostics. */
  readonly javaPid: IfDynamo<D, number>;
  /** Throws for `"dynamodb"` when the stack was started with `{ dynamodb: false }`. */
  clientConfig(service: LocalAwsService): LocalAwsClientConfig;
  /** Closes every server, destroys the clients, kills java and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

export const LOCAL_AWS_REGION = "us-east-1";
export const LOCAL_AWS_CREDENTIALS: Readonly<LocalAwsCredentials> = {
  accessKeyId: "test",
  secretAccessKey: "test",
};

/**
 * Starts SQS/SNS/S3 (fauxqs), DynamoDB Local and SSM Parameter Store (moto, the emulated account's
 * server) on free ports, all at once. Call `stop()` when done (e.g. in `afterAll`).
 */
export function startLocalAws(
  options?: LocalAwsOptions & { dynamodb?: true | DynamoDbLocalOptions },
): Promise<LocalAws<true>>;
export function startLocalAws(options: LocalAwsOptions & { dynamodb: false }): Promise<LocalAws<false>>;
export function startLocalAws(options?: LocalAwsOptions): Promise<LocalAws<boolean>>;
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws<boolean>> {
  const dynamoOptions =
    options.dynamodb === false ? undefined : options.dynamodb === true ? {} : (options.dynamodb ?? {});
  // Fail before starting anything when Java is missing.
  if (dynamoOptions) locateJava(dynamoOptions.java, dynamoOptions.searchPath);

  const [fauxqs, ssm, dynamo] = await Promise.allSettled([
    import("fauxqs").then(({ startFauxqs }) => startFauxqs({ port: 0, logger: false })),
    startMoto({ region: LOCAL_AWS_REGION }),
    dynamoOptions ? startDynamoDbLocal(dynamoOptions) : Promise.resolve(undefined),
  ]);
  if (fauxqs.status === "rejected" || ssm.status === "rejected" || dynamo.status === "rejected") {
    await Promise.allSettled([
      fauxqs.status === "fulfilled" ? fauxqs.value.stop() : undefined,
      ssm.status === "fulfilled" ? ssm.value.stop() : undefined,
      dynamo.status === "fulfilled" ? dynamo.value?.stop() : undefined,
    ]);
    throw [fauxqs, ssm, dynamo].find((r) => r.status === "rejected")?.reason;
  }

  const fauxqsEndpoint = `http://127.0.0.1:${fauxqs.value.port}`;
  const dynamodb: DynamoDbLocal | undefined = dynamo.value;
  const endpoints = {
    sqs: fauxqsEndpoint,
    sns: fauxqsEndpoint,
    s3: fauxqsEndpoint,
    ssm: ssm.value.endpoint,
    dynamodb: dynamodb?.endpoint,
  };
  const clientConfig = (service: LocalAwsService): LocalAwsClientConfig => {
    const endpoint = endpoints[service];
    if (endpoint === undefined) {
      throw new Error(
        `The local AWS stack was started with { dynamodb: false }, so it has no ${service} endpoint; start it without that option (Java needed).`,
      );
    }
    return {
      region: LOCAL_AWS_REGION,
      endpoint,
      // A fresh object each time: SDK clients annotate the credentials object they are given.
      credentials: { ...LOCAL_AWS_CREDENTIALS },
      ...(service === "s3" ? { forcePathStyle: true } : {}),
    };
  };
  const clients = {
    sqs: new SQSClient(clientConfig("sqs")),
    sns: new SNSClient(clientConfig("sns")),
    s3: new S3Client(clientConfig("s3")),
    ssm: new SSMClient(clientConfig("ssm")),
    dynamodb: dynamodb ? new DynamoDBClient(clientConfig("dynamodb")) : undefined,
  };

  let stopping: Promise<void> | undefined;
  return {
    region: LOCAL_AWS_REGION,
    credentials: { ...LOCAL_AWS_CREDENTIALS },
    endpoints,
    clients,
    javaPid: dynamodb?.javaPid,
    clientConfig,
    stop() {
      stopping ??= (async () => {
        for (const client of Object.values(clients)) client?.destroy();
        const results = await Promise.allSettled([fauxqs.value.stop(), ssm.value.stop(), dynamodb?.stop()]);
        const failure = results.find((r) => r.status === "rejected");
        if (failure) throw failure.reason;
      })();
      return stopping;
    },
  };
}
