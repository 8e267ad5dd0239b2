import type { Alerts, UpdateAlert } from "./port.ts";

export class MemoryAlerts implements Alerts {
  readonly raised: UpdateAlert[] = [];
  async raise(alert: UpdateAlert): Promise<void> {
    this.raised.push(alert);
  }
}
