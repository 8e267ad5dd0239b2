import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { JobQueue, OutgoingJob, ReceivedJob, ScanJob } from "./port.ts";

export interface SqsJobQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  /** Long polling wait for `receive` (default 20 s, 0 for a short poll). */
  readonly waitTimeSeconds?: number;
}

/** SQS allows at most 15 minutes of DelaySeconds; a job that must wait longer carries `notBefore`. */
export const SQS_MAX_DELAY_SECONDS = 900;

/** The agent's queue on SQS: batches of 10 with per-message DelaySeconds. */
export class SqsJobQueue implements JobQueue {
  readonly #client: SQSClient;
  readonly #url: string;
  readonly #wait: number;

  constructor(options: SqsJobQueueOptions) {
    this.#client = options.client;
    this.#url = options.queueUrl;
    this.#wait = options.waitTimeSeconds ?? 20;
  }

  async send(jobs: readonly OutgoingJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 10) {
      const batch = jobs.slice(i, i + 10);
      const result = await this.#client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.#url,
          Entries: batch.map(({ job, delayMs }, j) => ({
            Id: String(j),
            MessageBody: JSON.stringify(job),
            DelaySeconds: Math.min(SQS_MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delayMs / 1000))),
            MessageAttributes: {
              scanId: { DataType: "String", StringValue: job.scanId },
              integrationId: { DataType: "String", StringValue: job.integrationId },
            },
          })),
        }),
      );
      if (result.Failed?.length) {
        const first = result.Failed[0];
        throw new Error(
          `SQS refused ${result.Failed.length} of ${batch.length} scan jobs (${first?.Code}: ${first?.Message}); ` +
            "the scan resumes them from its stream on restart (planRemainingShards).",
        );
      }
    }
  }

  async receive(max: number): Promise<ReceivedJob[]> {
    const result = await this.#client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#url,
        MaxNumberOfMessages: Math.min(10, Math.max(1, max)),
        WaitTimeSeconds: this.#wait,
        MessageSystemAttributeNames: ["ApproximateReceiveCount"],
      }),
    );
    return (result.Messages ?? []).map((m) => ({
      job: JSON.parse(m.Body ?? "{}") as ScanJob,
      receipt: m.ReceiptHandle ?? "",
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
    }));
  }

  async ack(receipt: string): Promise<void> {
    await this.#client.send(new DeleteMessageCommand({ QueueUrl: this.#url, ReceiptHandle: receipt }));
  }
}

/** Jobs of an SQS-triggered Lambda invocation (`event.Records`), with their message ids for `batchItemFailures`. */
export function jobsFromSqsRecords(
  records: readonly {
    messageId: string;
    body: string;
    receiptHandle?: string;
    attributes?: Record<string, string>;
  }[],
): { messageId: string; job: ScanJob }[] {
  return records.map((r) => ({ messageId: r.messageId, job: JSON.parse(r.body) as ScanJob }));
}
