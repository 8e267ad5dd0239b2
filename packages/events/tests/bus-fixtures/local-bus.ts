/** Shared set-up of the bus integration tests: the local stack, provisioned from the topology. */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { type LocalAws, type ProvisionedStack, provisionLocalStack, startLocalAws } from "@vigil/testkit";
import {
  type ConsumerName,
  exampleEvent,
  RequestCounter,
  S3PayloadStore,
  SnsSqsBus,
} from "../../src/index.ts";

export interface LocalBus {
  aws: LocalAws<false>;
  stack: ProvisionedStack;
  bucket: string;
  payloads: S3PayloadStore;
  counter: RequestCounter;
  bus: (options?: { payloads?: boolean }) => SnsSqsBus;
  queue: (consumer: ConsumerName) => { url: string; deadLetterUrl: string };
}

export async function startLocalBus(integrationId = "bus-test"): Promise<LocalBus> {
  const aws = await startLocalAws({ dynamodb: false });
  const stack = await provisionLocalStack(aws, { integrationId });
  const bucket = "vigil-bus-payloads";
  await aws.clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const payloads = new S3PayloadStore({ s3: aws.clients.s3, bucket });
  const counter = new RequestCounter();
  counter.attach(aws.clients.sqs, "SQS");
  counter.attach(aws.clients.sns, "SNS");
  const topicArn = stack.topics.events?.arn;
  if (!topicArn) throw new Error("provisioning created no events topic");
  return {
    aws,
    stack,
    bucket,
    payloads,
    counter,
    bus: (options = {}) =>
      new SnsSqsBus({
        sns: aws.clients.sns,
        sqs: aws.clients.sqs,
        topicArn,
        integrationId,
        ...(options.payloads ? { payloads } : {}),
      }),
    queue: (consumer) => {
      const q = stack.queues[consumer];
      if (!q) throw new Error(`no ${consumer} queue provisioned`);
      return { url: q.url, deadLetterUrl: q.deadLetter.url };
    },
  };
}

export const assessed = (id: string) => exampleEvent("vigil.scan.asset-assessed.v1", { id });
