/**
 * API families and their rate limits. A family is the token bucket AWS charges a call to; the numbers
 * are AWS's published ones (DESIGN.md, "Performance and cost budgets"; EC2 "Request throttling"
 * page). Vigil sizes its own budget below them (`headroom`) so the customer's own tools keep room.
 */

export interface RateLimit {
  /** Bucket capacity: calls that may go at once after a quiet period. */
  readonly burst: number;
  /** Refill rate: sustained calls per second. */
  readonly perSecond: number;
}

export type BudgetFamily =
  | "ec2:describe"
  | "ec2:unfiltered"
  | "ec2:mutate"
  | "rds"
  | "iam"
  | "sts"
  | "s3"
  | "kms"
  | "default";

/** AWS's numbers. Families AWS publishes no bucket for carry conservative assumptions. */
export const AWS_RATE_LIMITS: Readonly<Record<BudgetFamily, RateLimit>> = {
  "ec2:describe": { burst: 100, perSecond: 20 },
  "ec2:unfiltered": { burst: 50, perSecond: 10 },
  "ec2:mutate": { burst: 200, perSecond: 5 },
  rds: { burst: 300, perSecond: 12 },
  iam: { burst: 100, perSecond: 20 },
  sts: { burst: 600, perSecond: 600 },
  s3: { burst: 5500, perSecond: 5500 },
  kms: { burst: 100, perSecond: 50 },
  default: { burst: 50, perSecond: 10 },
};

/** Share of AWS's limit Vigil allows itself by default: 20% is left to the customer's tools. */
export const DEFAULT_HEADROOM = 0.8;

/** The four EC2 calls AWS throttles harder when neither filtered nor paginated. */
const EC2_EXPENSIVE = new Set([
  "DescribeInstances",
  "DescribeSecurityGroups",
  "DescribeVolumes",
  "DescribeSnapshots",
]);

/**
 * Which family a call belongs to, from the service's signing name, the operation and its input.
 * A service AWS publishes no bucket for is a family of its own (`cloudtrail`, `lambda`, ...), sized
 * by the `default` assumption: AWS throttles each service apart, so one service's calls never wait
 * for another's. Pure; collectors that know their family pass it to `call(family, fn)` directly.
 */
export function apiFamilyOf(
  service: string,
  operation: string,
  input: Record<string, unknown> = {},
): BudgetFamily | string {
  if (service === "ec2") {
    if (!/^(Describe|Get)/.test(operation)) return "ec2:mutate";
    if (EC2_EXPENSIVE.has(operation) && isUnfilteredUnpaginated(input)) return "ec2:unfiltered";
    return "ec2:describe";
  }
  return service;
}

export function isApiFamily(value: string): value is BudgetFamily {
  return Object.hasOwn(AWS_RATE_LIMITS, value);
}

function isUnfilteredUnpaginated(input: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === "MaxResults" || key === "NextToken" || key === "Filters") return false;
    if (key.endsWith("Ids") && Array.isArray(value) && value.length > 0 && key !== "OwnerIds") return false;
  }
  return true;
}

/** Vigil's own limit for a family: AWS's scaled by `headroom` (0 < headroom ≤ 1). */
export function budgetLimit(
  family: string,
  headroom = DEFAULT_HEADROOM,
  limits = AWS_RATE_LIMITS,
): RateLimit {
  if (!(headroom > 0 && headroom <= 1)) {
    throw new RangeError(
      `headroom must be in (0, 1] (the share of AWS's limit Vigil may use), got ${headroom}`,
    );
  }
  const aws = limits[isApiFamily(family) ? family : "default"];
  return { burst: Math.max(1, Math.floor(aws.burst * headroom)), perSecond: aws.perSecond * headroom };
}
