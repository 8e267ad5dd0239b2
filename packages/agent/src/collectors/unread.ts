import type { UnreadField } from "../assets/index.ts";
import { type RawOutcome, unreadReasonOf } from "../discovery/reader.ts";

type Failed = Extract<RawOutcome<unknown>, { ok: false }>;

/**
 * The config fields of one asset that could not be read, with why. A collector keeps every asset
 * it can name: a field whose call failed is left out of `config` and listed here instead, never
 * filled with a default that would read as a fact (`[]`, `null`, `false`).
 */
export class UnreadFields {
  readonly #fields: Record<string, UnreadField> = {};

  /**
   * True when `outcome` is a real failure (denied, throttled, failed), and then `names` are marked
   * unread. "Not configured" (no bucket policy, no login profile) is data: false.
   */
  failed(outcome: RawOutcome<unknown>, ...names: string[]): outcome is Failed {
    if (outcome.ok || outcome.kind === "not-configured") return false;
    const reason = unreadReasonOf(outcome);
    for (const name of names) this.#fields[name] ??= reason;
    return true;
  }

  /** Marks `names` unread for the same reason as another field (a value derived from it). */
  markAs(reason: UnreadField, ...names: string[]): void {
    for (const name of names) this.#fields[name] ??= reason;
  }

  reasonOf(name: string): UnreadField | undefined {
    return this.#fields[name];
  }

  get any(): boolean {
    return Object.keys(this.#fields).length > 0;
  }

  /** The asset with `unread` set when some field could not be read. */
  attach<A extends object>(asset: A): A {
    return this.any ? { ...asset, unread: { ...this.#fields } } : asset;
  }
}

/** The reason of a failed outcome as an `UnreadField` (for fields derived from it elsewhere). */
export function reasonOf(outcome: Failed): UnreadField {
  return unreadReasonOf(outcome);
}
