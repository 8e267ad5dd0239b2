/**
 * AWS-like request throttling: one token bucket per (region, API family). A call takes one token;
 * an empty bucket answers with the service's throttling error. Buckets refill continuously from an
 * injectable clock, so tests and benchmarks can run on simulated time.
 */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

export interface BucketSpec {
  /** Maximum tokens (the burst). */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
}

/**
 * Bucket sizes. EC2 and RDS are AWS's documented numbers (EC2 "Request throttling" page; DESIGN.md);
 * the others are conservative assumptions where AWS publishes no bucket.
 */
export const BUCKETS: Readonly<Record<string, BucketSpec>> = {
  "ec2:describe": { capacity: 100, refillPerSecond: 20 },
  "ec2:unfiltered": { capacity: 50, refillPerSecond: 10 },
  "ec2:mutate": { capacity: 200, refillPerSecond: 5 },
  rds: { capacity: 300, refillPerSecond: 12 },
  iam: { capacity: 100, refillPerSecond: 20 },
  sts: { capacity: 600, refillPerSecond: 600 },
  s3: { capacity: 5500, refillPerSecond: 5500 },
  kms: { capacity: 100, refillPerSecond: 50 },
  default: { capacity: 50, refillPerSecond: 10 },
};

/** The four EC2 calls AWS throttles harder when they are neither filtered nor paginated. */
const EC2_EXPENSIVE = new Set([
  "DescribeInstances",
  "DescribeSecurityGroups",
  "DescribeVolumes",
  "DescribeSnapshots",
]);

/**
 * Which bucket a call draws from. Pure: depends on the call only. AWS throttles each service apart:
 * a service without a published bucket has one of its own, sized `default`.
 */
export function bucketFamily(signingName: string, operation: string, input: Record<string, unknown>): string {
  if (signingName === "ec2") {
    if (!/^(Describe|Get)/.test(operation)) return "ec2:mutate";
    if (EC2_EXPENSIVE.has(operation) && isUnfilteredUnpaginated(input)) return "ec2:unfiltered";
    return "ec2:describe";
  }
  return signingName;
}

function isUnfilteredUnpaginated(input: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k === "MaxResults" || k === "NextToken" || k === "Filters") return false;
    if (k.endsWith("Ids") && Array.isArray(v) && v.length > 0 && k !== "OwnerIds") return false;
  }
  return true;
}

export interface ThrottleOptions {
  /** Multiplies every bucket's capacity and refill rate (e.g. 0.1 for a ten times stricter account). */
  readonly scale?: number;
}

/**
 * Another tenant spending part of the same buckets: `fraction` (0..1) of every bucket's capacity
 * and refill rate is not available to our calls.
 */
export interface NoisyNeighbour {
  readonly fraction: number;
}

interface BucketState {
  tokens: number;
  at: number;
  readonly capacity: number;
  readonly refillPerMs: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, BucketState>();
  readonly #scale: number;
  readonly #available: number;

  constructor(
    private readonly clock: Clock,
    options: ThrottleOptions = {},
    neighbour?: NoisyNeighbour,
  ) {
    this.#scale = options.scale ?? 1;
    const fraction = neighbour?.fraction ?? 0;
    if (!(fraction >= 0 && fraction < 1)) {
      throw new RangeError(`noisyNeighbour.fraction must be in [0, 1), got ${fraction}`);
    }
    if (!(this.#scale > 0)) throw new RangeError(`throttling.scale must be > 0, got ${this.#scale}`);
    this.#available = 1 - fraction;
  }

  /** Takes a token for (region, family); false when the bucket is empty (the call is throttled). */
  take(region: string, family: string): boolean {
    const key = `${region}|${family}`;
    const now = this.clock.now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      const spec = BUCKETS[family] ?? (BUCKETS.default as BucketSpec);
      const capacity = Math.max(1, spec.capacity * this.#scale * this.#available);
      bucket = {
        tokens: capacity,
        at: now,
        capacity,
        refillPerMs: (spec.refillPerSecond * this.#scale * this.#available) / 1000,
      };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(
      bucket.capacity,
      bucket.tokens + Math.max(0, now - bucket.at) * bucket.refillPerMs,
    );
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** The throttling error each protocol family answers with, and its HTTP status. */
export function throttlingError(signingName: string): { code: string; status: number } {
  switch (signingName) {
    case "ec2":
      return { code: "RequestLimitExceeded", status: 503 };
    case "s3":
      return { code: "SlowDown", status: 503 };
    case "iam":
    case "sts":
    case "rds":
    case "autoscaling":
    case "monitoring":
      return { code: "Throttling", status: 400 };
    case "lambda":
      return { code: "TooManyRequestsException", status: 429 };
    case "eks":
      return { code: "ThrottlingException", status: 429 };
    default:
      return { code: "ThrottlingException", status: 400 };
  }
}
