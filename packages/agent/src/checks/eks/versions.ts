/**
 * End of standard support per Kubernetes minor version on EKS, from
 * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (as of 2025). Versions
 * older than the oldest entry are unsupported; versions newer than the newest entry are supported.
 */
export const EKS_END_OF_STANDARD_SUPPORT: Readonly<Record<string, string>> = {
  "1.23": "2024-10-11",
  "1.24": "2025-01-31",
  "1.25": "2025-05-01",
  "1.26": "2025-06-11",
  "1.27": "2025-07-24",
  "1.28": "2025-11-26",
  "1.29": "2026-03-23",
  "1.30": "2026-07-23",
  "1.31": "2026-11-26",
  "1.32": "2027-03-23",
};

const OLDEST_TRACKED_MINOR = 23;
const END_MS: ReadonlyMap<string, number> = new Map(
  Object.entries(EKS_END_OF_STANDARD_SUPPORT).map(([v, d]) => [v, Date.parse(`${d}T00:00:00Z`)]),
);

/** `undefined` while supported; otherwise the date standard support ended (or `before 1.23`). */
export function eksSupportEnded(version: string, now: number): string | undefined {
  const end = END_MS.get(version);
  if (end !== undefined) return now >= end ? EKS_END_OF_STANDARD_SUPPORT[version] : undefined;
  const [major, minor] = version.split(".").map(Number);
  if (major === 1 && minor !== undefined && minor < OLDEST_TRACKED_MINOR) return "before 2024-10-11";
  return undefined;
}
