import * as z from "zod";
import { countsResourceCountsReported } from "./counts.ts";
import type { EventDefinition } from "./define.ts";
import {
  ebsCleaned,
  ebsLeftoverDeleted,
  ebsScanned,
  ebsScannerScaled,
  ebsSnapshotCreated,
  ebsVolumeAttached,
  ebsVolumeCreated,
  ebsVolumeDetached,
  ebsVolumeSkipped,
  ebsVolumesPlanned,
} from "./ebs.ts";
import {
  integrationCredentialsIssued,
  integrationCredentialsRevoked,
  integrationDeleted,
  integrationDeleteRequested,
  integrationHeartbeat,
  integrationHeartbeatV1,
  integrationRegistrationRequested,
  integrationResourcesCleanedUp,
  integrationStackCreated,
  integrationStackUpdated,
} from "./integration.ts";
import { lazySchema } from "./lazy.ts";
import {
  organizationAccountEnrolled,
  organizationEnrollmentSecretIssued,
  organizationEnrollmentSecretRevoked,
  organizationRegistered,
  organizationScanRequested,
} from "./organization.ts";
import { releaseHashesRecorded } from "./release.ts";
import {
  scanAssetAssessed,
  scanAssetDiscovered,
  scanCompleted,
  scanFailed,
  scanPausedForRateLimit,
  scanRegionDiscovered,
  scanRequested,
  scanResumed,
  scanSettingsChanged,
  scanShardCompleted,
  scanShardDigest,
  scanStarted,
} from "./scan.ts";
import {
  updateAlertRaised,
  updateApplied,
  updateAvailable,
  updateCheckFailed,
  updateCheckStarted,
  updateRefused,
  updateRequested,
  updateRolledBack,
} from "./update.ts";

/** Every event type producers may emit today (the latest version of each family). */
export const catalogue = [
  integrationRegistrationRequested,
  integrationCredentialsIssued,
  integrationCredentialsRevoked,
  integrationStackCreated,
  integrationStackUpdated,
  integrationDeleteRequested,
  integrationResourcesCleanedUp,
  integrationDeleted,
  integrationHeartbeat,
  organizationRegistered,
  organizationEnrollmentSecretIssued,
  organizationEnrollmentSecretRevoked,
  organizationAccountEnrolled,
  organizationScanRequested,
  scanRequested,
  scanStarted,
  scanRegionDiscovered,
  scanAssetDiscovered,
  scanAssetAssessed,
  scanSettingsChanged,
  scanShardCompleted,
  scanShardDigest,
  scanCompleted,
  scanPausedForRateLimit,
  scanResumed,
  scanFailed,
  countsResourceCountsReported,
  updateCheckStarted,
  updateAvailable,
  updateApplied,
  updateRefused,
  updateRolledBack,
  updateAlertRaised,
  updateCheckFailed,
  updateRequested,
  releaseHashesRecorded,
  ebsVolumesPlanned,
  ebsSnapshotCreated,
  ebsVolumeCreated,
  ebsVolumeAttached,
  ebsScanned,
  ebsVolumeDetached,
  ebsCleaned,
  ebsVolumeSkipped,
  ebsScannerScaled,
  ebsLeftoverDeleted,
] as const;

/** Superseded versions: still readable from the log, upcast to the current version on read. */
export const legacyCatalogue = [integrationHeartbeatV1] as const;

type Current = (typeof catalogue)[number];
type Legacy = (typeof legacyCatalogue)[number];

/** A validated event of the current catalogue (discriminated on `type`). */
export type VigilEvent = { [D in Current as D["type"]]: z.infer<D["schema"]> }[Current["type"]];
export type EventType = VigilEvent["type"];
export type EventOf<T extends EventType> = Extract<VigilEvent, { type: T }>;
export type DataOf<T extends EventType> = EventOf<T>["data"];

export type LegacyEvent = { [D in Legacy as D["type"]]: z.infer<D["schema"]> }[Legacy["type"]];
export type LegacyEventType = LegacyEvent["type"];
export type KnownEventType = EventType | LegacyEventType;

export const eventTypes: readonly EventType[] = catalogue.map((d) => d.type);

/** Discriminated union over every current type (for composition; `parseEvent` is faster and more precise). */
export const vigilEventSchema: z.ZodType<VigilEvent> = lazySchema(
  () =>
    z.discriminatedUnion(
      "type",
      catalogue.map((d) => d.schema) as unknown as [Current["schema"], ...Current["schema"][]],
    ) as unknown as z.ZodType<VigilEvent>,
);

const byType = new Map<string, EventDefinition>();
for (const d of [...catalogue, ...legacyCatalogue]) byType.set(d.type, d as unknown as EventDefinition);

/** Definition of a current or legacy type, or undefined. */
export function definitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}

export function isCurrentType(type: string): type is EventType {
  return (eventTypes as readonly string[]).includes(type);
}

/** All known versions of a family (`vigil.integration.heartbeat` → [1, 2]). */
export function versionsOf(family: string): number[] {
  return [...byType.values()]
    .filter((d) => d.name.family === family)
    .map((d) => d.name.version)
    .sort((a, b) => a - b);
}
