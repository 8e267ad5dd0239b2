import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { VigilEvent } from "@vigil/events";
import type { EventSink } from "./port.ts";

/**
 * Publishes each event to the integration's event topic with the `type` and `integrationId`
 * message attributes consumers filter on (the bus contract in DESIGN.md).
 */
export class SnsEventSink implements EventSink {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async emit(event: VigilEvent): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(event),
        MessageAttributes: {
          type: { DataType: "String", StringValue: event.type },
          integrationId: { DataType: "String", StringValue: event.integrationid },
        },
      }),
    );
  }
}
