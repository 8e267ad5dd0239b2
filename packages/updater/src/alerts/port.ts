/** A support alert for people: refused or rolled-back updates, or an updater that cannot work. */
export interface UpdateAlert {
  severity: "critical" | "high" | "medium" | "low" | "informational";
  /** One line, ≤ 100 characters (an e-mail subject). */
  subject: string;
  message: string;
  version?: string;
}

export interface Alerts {
  raise(alert: UpdateAlert): Promise<void>;
}
