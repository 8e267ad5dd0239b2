/**
 * The agent's log lines: one JSON object per line (CloudWatch Logs Insights reads the fields).
 * Callers pass facts, never credentials or tokens; `redact` also masks anything that looks like a
 * PEM key or a registration token, as a second line of defence.
 */
export type LogLevel = "info" | "warn" | "error";
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
const TOKEN = /vigil-rt\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}/g;

export function redact(text: string): string {
  return text.replace(PEM, "[redacted private key]").replace(TOKEN, "[redacted registration token]");
}

export function jsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  return (level, message, fields = {}) =>
    write(redact(JSON.stringify({ level, message, ...fields, time: new Date().toISOString() })));
}
