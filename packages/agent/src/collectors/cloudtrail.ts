import {
  type AdvancedEventSelector,
  CloudTrailClient,
  DescribeTrailsCommand,
  type EventSelector,
  GetEventSelectorsCommand,
  type GetEventSelectorsResponse,
  GetTrailStatusCommand,
  type GetTrailStatusResponse,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, notListed, type S3DataEventSelector, type TrailFacts } from "./collector.ts";
import type { Where } from "./listed.ts";
import { reasonOf, UnreadFields } from "./unread.ts";

registerClients({ cloudtrail: CloudTrailClient });

/** Classic event selectors: `DataResources` of type `AWS::S3::Object`. */
function fromEventSelectors(selectors: readonly EventSelector[]): S3DataEventSelector[] {
  return selectors.flatMap((s) => {
    const prefixes = (s.DataResources ?? [])
      .filter((d) => d.Type === "AWS::S3::Object")
      .flatMap((d) => d.Values ?? []);
    if (prefixes.length === 0) return [];
    const rw = s.ReadWriteType ?? "All";
    return [{ arnPrefixes: prefixes, read: rw !== "WriteOnly", write: rw !== "ReadOnly" }];
  });
}

/** Advanced event selectors: data events on `AWS::S3::Object`, optionally narrowed by `readOnly` and ARN prefix. */
function fromAdvancedSelectors(selectors: readonly AdvancedEventSelector[]): S3DataEventSelector[] {
  return selectors.flatMap((s) => {
    const fields = s.FieldSelectors ?? [];
    const equals = (field: string) => fields.find((f) => f.Field === field)?.Equals;
    if (!(equals("eventCategory") ?? []).includes("Data")) return [];
    if (!(equals("resources.type") ?? []).includes("AWS::S3::Object")) return [];
    const readOnly = equals("readOnly");
    const arnField = fields.find((f) => f.Field === "resources.ARN");
    // Only prefix/equality narrowing is understood; anything else (NotEquals, EndsWith) is read as "all buckets".
    const prefixes = arnField ? [...(arnField.StartsWith ?? []), ...(arnField.Equals ?? [])] : ["arn:aws:s3"];
    return [
      {
        arnPrefixes: prefixes.length > 0 ? prefixes : ["arn:aws:s3"],
        read: readOnly === undefined || readOnly.includes("true"),
        write: readOnly === undefined || readOnly.includes("false"),
      },
    ];
  });
}

/**
 * Which management events the selectors record: classic selectors with `IncludeManagementEvents`
 * (AWS's default, true) by their `ReadWriteType`; advanced ones with `eventCategory` `Management`,
 * narrowed by `readOnly`.
 */
export function managementEventsOf(
  selectors: Pick<GetEventSelectorsResponse, "EventSelectors" | "AdvancedEventSelectors">,
): { read: boolean; write: boolean } {
  let read = false;
  let write = false;
  for (const s of selectors.EventSelectors ?? []) {
    if (s.IncludeManagementEvents === false) continue;
    const rw = s.ReadWriteType ?? "All";
    read ||= rw !== "WriteOnly";
    write ||= rw !== "ReadOnly";
  }
  for (const s of selectors.AdvancedEventSelectors ?? []) {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === "eventCategory")?.Equals ?? [];
    if (!category.includes("Management")) continue;
    const readOnly = fields.find((f) => f.Field === "readOnly")?.Equals;
    read ||= readOnly === undefined || readOnly.includes("true");
    write ||= readOnly === undefined || readOnly.includes("false");
  }
  return { read, write };
}

/**
 * A trail of its home region as `DescribeTrails` lists it, with `GetTrailStatus` and
 * `GetEventSelectors` (each unread when it failed): its asset, and the facts other collectors'
 * assets are linked from (S3 object-level logging, CIS monitoring).
 */
export function trailAsset(
  c: Where,
  t: Trail,
  status: RawOutcome<Pick<GetTrailStatusResponse, "IsLogging">>,
  selectors: RawOutcome<Pick<GetEventSelectorsResponse, "EventSelectors" | "AdvancedEventSelectors">>,
): { asset: AssetOf<"aws.cloudtrail.trail">; facts: TrailFacts } {
  const name = t.Name ?? "";
  const unread = new UnreadFields();
  const arn = t.TrailARN ?? `arn:${c.partition}:cloudtrail:${c.region}:${c.accountId}:trail/${name}`;
  const isLogging = unread.failed(status, "isLogging") || !status.ok ? null : status.value.IsLogging === true;
  const facts: TrailFacts = {
    arn,
    homeRegion: c.region,
    isMultiRegionTrail: t.IsMultiRegionTrail === true,
    isLogging,
    ...(unread.reasonOf("isLogging") ? { statusUnread: unread.reasonOf("isLogging") } : {}),
    cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null,
    s3DataEvents: selectors.ok
      ? [
          ...fromEventSelectors(selectors.value.EventSelectors ?? []),
          ...fromAdvancedSelectors(selectors.value.AdvancedEventSelectors ?? []),
        ]
      : null,
    managementEvents: selectors.ok ? managementEventsOf(selectors.value) : null,
    ...(!selectors.ok ? { selectorsUnread: reasonOf(selectors) } : {}),
  };
  const config: Partial<AssetOf<"aws.cloudtrail.trail">["config"]> = {
    homeRegion: c.region,
    isMultiRegionTrail: facts.isMultiRegionTrail,
    isOrganizationTrail: t.IsOrganizationTrail === true,
    logFileValidationEnabled: t.LogFileValidationEnabled === true,
    kmsKeyId: t.KmsKeyId ?? null,
    cloudWatchLogsLogGroupArn: facts.cloudWatchLogsLogGroupArn,
  };
  if (isLogging !== null) config.isLogging = isLogging;
  const asset = unread.attach({
    arn,
    type: "aws.cloudtrail.trail" as const,
    region: c.region,
    accountId: c.accountId,
    name,
    tags: {},
    config: config as AssetOf<"aws.cloudtrail.trail">["config"],
  });
  return { asset, facts };
}

export const cloudTrailCollector: Collector = {
  id: "cloudtrail-trails",
  scope: "regional",
  // The account's coverage is linked from every region's trails (`linkAssets`).
  resourceTypes: ["aws.cloudtrail.trail", "aws.cloudtrail.account-settings"],
  async collect(c) {
    const out = await c.read.one({ scope: c.region, service: "cloudtrail", command: "describe-trails" }, () =>
      c.clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
    );
    // Not "no trails": the region's trails are unknown, and so is everything decided from them.
    if (!out.ok)
      return {
        ...notListed(c, cloudTrailCollector),
        trails: { region: c.region, trails: [], unread: reasonOf(out) },
      };
    // A multi-region trail appears in every region (shadow trails): report it once, from its home region.
    const own = (out.value.trailList ?? []).filter((t) => (t.HomeRegion ?? c.region) === c.region);
    const assets: AssetOf<"aws.cloudtrail.trail">[] = [];
    const trails: TrailFacts[] = [];
    for (const t of own) {
      const name = t.Name ?? "";
      const ref = t.TrailARN ?? name;
      const [status, selectors] = await Promise.all([
        c.read.one(
          { scope: c.region, service: "cloudtrail", command: "get-trail-status", resource: name },
          () => c.clients.cloudtrail.send(new GetTrailStatusCommand({ Name: ref })),
        ),
        c.read.one(
          { scope: c.region, service: "cloudtrail", command: "get-event-selectors", resource: name },
          () => c.clients.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: ref })),
        ),
      ]);
      const { asset, facts } = trailAsset(c, t, status, selectors);
      trails.push(facts);
      assets.push(asset);
    }
    return { assets, trails: { region: c.region, trails } };
  },
};
