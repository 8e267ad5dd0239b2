import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { Alerts, UpdateAlert } from "./port.ts";

/** Alerts as SNS notifications on the integration's alert topic (e-mail, chat, pager subscribers). */
export class SnsAlerts implements Alerts {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async raise(alert: UpdateAlert): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        // SNS caps e-mail subjects at 100 printable ASCII characters.
        Subject: alert.subject.replace(/[^\x20-\x7e]/g, "?").slice(0, 100),
        Message: `${alert.message}${alert.version ? `\n\nversion: ${alert.version}` : ""}`,
        MessageAttributes: { severity: { DataType: "String", StringValue: alert.severity } },
      }),
    );
  }
}
