import {
  type ConsumerName,
  type DeadLetter,
  deadLetterQueueOf,
  listDeadLetters,
  redriveDeadLetters,
  showDeadLetter,
  snsClientFor,
  sqsClientFor,
  topology,
} from "@vigil/events";
import { type Command, Option } from "commander";
import { newTable } from "../report/table.ts";
import { wholeNumber } from "./arguments.ts";

interface QueueOptions {
  consumer: string;
  integration?: string;
  endpoint?: string;
  region?: string;
  json?: boolean;
}

const consumers = topology.queues.map((q) => q.consumer);

function withQueueOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--consumer <name>", "whose dead-letter queue").choices(consumers).default("platform"),
    )
    .option("--integration <id>", "integration id in the queue names (vigil-<consumer>-<id>-dlq)")
    .option("--endpoint <url>", "SQS endpoint (the local stack); default: AWS")
    .option("--region <region>", "AWS region; default: the SDK's (AWS_REGION, profile)")
    .option("--json", "print JSON");
}

async function open(options: QueueOptions) {
  const sqs = sqsClientFor({ region: options.region, endpoint: options.endpoint });
  const queues = await deadLetterQueueOf(sqs, options.consumer as ConsumerName, options.integration);
  return { sqs, ...queues };
}

function renderLetters(letters: readonly DeadLetter[]): string {
  const table = newTable({
    head: ["message id", "event", "type", "back to", "reason"],
    colWidths: [38, 24, 34, 24, 60],
    wordWrap: true,
  });
  for (const l of letters)
    table.push([l.messageId, l.eventId ?? "-", l.eventType ?? "-", backTo(l), l.reason]);
  return `${table.toString()}\n${letters.length} dead letter(s)`;
}

/** Where `redrive` sends a letter: its queue, or its topic for what SNS pushed. */
function backTo(l: DeadLetter): string {
  if (l.snsMessage) return `topic ${l.snsMessage.topicArn?.split(":").at(-1) ?? "(--topic-arn)"}`;
  return l.sourceQueue ?? "(the consumer's queue)";
}

/** `vigil dlq list|show|redrive`: dead letters with their reasons, and moving them back after a fix. */
export function register(program: Command): void {
  const dlq = program
    .command("dlq")
    .description(
      "Inspect dead-lettered messages and redrive them to their source queue (or republish what SNS pushed to its topic)",
    );

  withQueueOptions(dlq.command("list").description("List dead letters with the reason each is there"))
    .option("--max <n>", "at most this many", wholeNumber(1, 100_000), 100)
    .action(async (options: QueueOptions & { max: number }) => {
      const { sqs, deadLetterUrl } = await open(options);
      const letters = await listDeadLetters(sqs, deadLetterUrl, { max: options.max });
      console.log(options.json ? JSON.stringify(letters, null, 2) : renderLetters(letters));
    });

  withQueueOptions(
    dlq
      .command("show")
      .description("Show one dead letter (body, attributes, reason)")
      .argument("<id>", "SQS message id or event id"),
  ).action(async (id: string, options: QueueOptions) => {
    const { sqs, deadLetterUrl } = await open(options);
    const letter = await showDeadLetter(sqs, deadLetterUrl, id);
    if (!letter) {
      console.error(`no dead letter with message id or event id "${id}"`);
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify(letter, null, 2));
  });

  withQueueOptions(
    dlq
      .command("redrive")
      .description(
        "Move dead letters back to their source queue, or republish what SNS pushed to its topic (after fixing the cause)",
      ),
  )
    .option("--ids <ids>", "only these message ids or event ids, comma separated")
    .option("--max <n>", "at most this many", wholeNumber(1, 100_000), 1000)
    .option(
      "--topic-arn <arn>",
      "republish SNS letters to this topic; default: the topic each letter records",
    )
    .option("--sns-endpoint <url>", "SNS endpoint (the local stack); default: --endpoint, else AWS")
    .action(
      async (
        options: QueueOptions & { ids?: string; max: number; topicArn?: string; snsEndpoint?: string },
      ) => {
        const { sqs, deadLetterUrl, sourceUrl, sourceName } = await open(options);
        const snsEndpoint = options.snsEndpoint ?? options.endpoint;
        const sns = snsClientFor({ region: options.region, endpoint: snsEndpoint });
        const result = await redriveDeadLetters(sqs, deadLetterUrl, {
          ...(sourceUrl ? { sourceUrl } : {}),
          sns,
          ...(options.topicArn ? { topicArn: options.topicArn } : {}),
          max: options.max,
          ...(options.ids ? { ids: options.ids.split(",").map((s) => s.trim()) } : {}),
        });
        console.log(
          options.json
            ? JSON.stringify(result, null, 2)
            : `moved ${result.moved} (${result.republished} republished to their topic, the rest to ${sourceUrl ? sourceName : "the queue each letter names"}), skipped ${result.skipped}, failed ${result.failed.length}`,
        );
        for (const f of result.failed) console.error(`  ${f.messageId}: ${f.reason}`);
        if (result.notFound.length > 0)
          console.error(
            `not among the dead letters read (up to --max ${options.max}): ${result.notFound.join(", ")}; \`vigil dlq list\` shows what is there`,
          );
        if (result.failed.length > 0 || result.notFound.length > 0) process.exitCode = 1;
      },
    );
}
