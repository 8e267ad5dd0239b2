import type { Clock } from "../../budget/clock.ts";
import type { JobQueue, OutgoingJob, ReceivedJob, ScanJob } from "./port.ts";

interface Message {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
  receiveCount: number;
  receipt: string | undefined;
}

export interface InMemoryJobQueueOptions {
  readonly clock: Clock;
  /** A received, unacknowledged job reappears after this long (a crashed Lambda), default 15 min. */
  readonly visibilityTimeoutMs?: number;
  /** SQS's DelaySeconds cap, default 900 s; longer delays are the sender's job (`notBefore`). */
  readonly maxDelayMs?: number;
}

/** SQS semantics in memory: delays, visibility timeout, at-least-once redelivery, FIFO among the visible. */
export class InMemoryJobQueue implements JobQueue {
  readonly #messages: Message[] = [];
  readonly #clock: Clock;
  readonly #visibility: number;
  readonly #maxDelay: number;
  #seq = 0;

  constructor(options: InMemoryJobQueueOptions) {
    this.#clock = options.clock;
    this.#visibility = options.visibilityTimeoutMs ?? 900_000;
    this.#maxDelay = options.maxDelayMs ?? 900_000;
  }

  async send(jobs: readonly OutgoingJob[]): Promise<void> {
    const now = this.#clock.now();
    for (const { job, delayMs } of jobs) {
      this.#messages.push({
        id: `m${++this.#seq}`,
        body: JSON.stringify(job),
        visibleAt: now + Math.min(this.#maxDelay, Math.max(0, delayMs)),
        receiveCount: 0,
        receipt: undefined,
      });
    }
  }

  async receive(max: number): Promise<ReceivedJob[]> {
    const now = this.#clock.now();
    const out: ReceivedJob[] = [];
    for (const m of this.#messages) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      m.receipt = `${m.id}#${m.receiveCount}`;
      m.visibleAt = now + this.#visibility;
      out.push({ job: JSON.parse(m.body) as ScanJob, receipt: m.receipt, receiveCount: m.receiveCount });
    }
    return out;
  }

  async ack(receipt: string): Promise<void> {
    const i = this.#messages.findIndex((m) => m.receipt === receipt);
    if (i >= 0) this.#messages.splice(i, 1);
  }

  /** Messages in the queue, visible or not. */
  get size(): number {
    return this.#messages.length;
  }

  /** When the next hidden message becomes visible (ms), or undefined when none is waiting. */
  nextVisibleAt(): number | undefined {
    let next: number | undefined;
    for (const m of this.#messages) if (next === undefined || m.visibleAt < next) next = m.visibleAt;
    return next;
  }

  /**
   * When the next message nobody holds becomes visible (ms): a delayed or deferred job. Messages
   * received and not acknowledged (in flight) do not count; undefined when there is none.
   */
  nextWaitingAt(): number | undefined {
    let next: number | undefined;
    for (const m of this.#messages) {
      if (m.receipt !== undefined) continue;
      if (next === undefined || m.visibleAt < next) next = m.visibleAt;
    }
    return next;
  }

  /** Drops every message (a test's "queue lost" scenario). */
  purge(): void {
    this.#messages.length = 0;
  }
}
