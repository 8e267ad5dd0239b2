import { canonicalJson } from "@vigil/events";

/**
 * What makes two events with one id the same fact: everything but the envelope's `time`, compared
 * as canonical JSON (`@vigil/events`: keys sorted). A retried producer that rebuilds an event under
 * its deterministic id stamps a new `time` (the agent does, when a scan request is retried); that
 * is the same fact, and the first recorded `time` stands. Any other difference (data, type,
 * subject, causation…) is a different fact under a known id.
 */
export function factKey(event: unknown): string {
  if (event === null || typeof event !== "object") return canonicalJson(event);
  const { time: _time, ...rest } = event as Record<string, unknown>;
  return canonicalJson(rest);
}
