/**
 * Scan filters: which regions and assets a scan covers. Pure functions applied to the region list
 * before shards are planned and to each asset before it is assessed.
 */

export interface ScanFilter {
  /** Region codes or patterns (`eu-*`); empty or absent means every enabled region. */
  readonly includeRegions?: readonly string[];
  readonly excludeRegions?: readonly string[];
  /** Resource ids or ARNs, or patterns (`i-0abc*`); absent means every resource. */
  readonly includeResourceIds?: readonly string[];
  readonly excludeResourceIds?: readonly string[];
  /** An asset is included when it has at least one of these tags (`{ env: "prod" }`, value `*` = any). */
  readonly includeTags?: Readonly<Record<string, string>>;
  /** An asset is excluded when it has any of these tags. */
  readonly excludeTags?: Readonly<Record<string, string>>;
}

/** What a filter looks at on an asset. */
export interface FilterableAsset {
  readonly arn: string;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** `*` matches any run of characters; everything else literally. */
export function matchesPattern(value: string, pattern: string): boolean {
  if (!pattern.includes("*")) return value === pattern;
  const parts = pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`).test(value);
}

function anyMatch(value: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((p) => matchesPattern(value, p));
}

export function regionIncluded(region: string, filter: ScanFilter = {}): boolean {
  if (filter.includeRegions?.length && !anyMatch(region, filter.includeRegions)) return false;
  return !anyMatch(region, filter.excludeRegions);
}

export function filterRegions(regions: readonly string[], filter: ScanFilter = {}): string[] {
  return regions.filter((r) => regionIncluded(r, filter));
}

/** The resource id of an ARN: the part after the last `/` or `:` (`i-0abc…`, `my-bucket`). */
export function resourceIdOf(arn: string): string {
  const tail = arn.split(":").slice(5).join(":");
  const slash = tail.lastIndexOf("/");
  if (slash >= 0) return tail.slice(slash + 1);
  const colon = tail.lastIndexOf(":");
  return colon >= 0 ? tail.slice(colon + 1) : tail;
}

function hasTag(
  tags: Readonly<Record<string, string>>,
  wanted: Readonly<Record<string, string>> | undefined,
) {
  return Object.entries(wanted ?? {}).some(
    ([k, v]) => Object.hasOwn(tags, k) && matchesPattern(tags[k] ?? "", v),
  );
}

/** Global assets (`region: "global"`) are never dropped by a region filter. */
export function assetIncluded(asset: FilterableAsset, filter: ScanFilter = {}): boolean {
  if (asset.region !== "global" && !regionIncluded(asset.region, filter)) return false;
  const ids = [asset.arn, resourceIdOf(asset.arn)];
  if (filter.includeResourceIds?.length && !ids.some((id) => anyMatch(id, filter.includeResourceIds)))
    return false;
  if (ids.some((id) => anyMatch(id, filter.excludeResourceIds))) return false;
  if (
    filter.includeTags &&
    Object.keys(filter.includeTags).length > 0 &&
    !hasTag(asset.tags, filter.includeTags)
  )
    return false;
  return !hasTag(asset.tags, filter.excludeTags);
}

export function filterAssets<A extends FilterableAsset>(assets: readonly A[], filter: ScanFilter = {}): A[] {
  return assets.filter((a) => assetIncluded(a, filter));
}
