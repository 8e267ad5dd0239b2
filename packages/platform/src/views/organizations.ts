import type { Projection } from "@vigil/events";

/** An organization integration as the API lists it. */
export interface OrganizationView {
  organizationIntegrationId: string;
  organizationId: string | undefined;
  homeRegion: string | undefined;
  managementAccountId?: string;
  registeredAt: string | undefined;
  /** Organization-wide scans, newest first (at most 20): id, when, accounts asked. */
  scans: { scanId: string; requestedAt: string; accounts: string[] }[];
}

const SCANS_KEPT = 20;

/** The platform's own projection of `organization#<id>` streams (registration and scans). */
export const organizationProjection: Projection<OrganizationView> = {
  name: "organization",
  handles: ["vigil.organization.registered.v1", "vigil.organization.scan-requested.v1"],
  keyOf: (event) => event.integrationid,
  initial: (key) => ({
    organizationIntegrationId: key,
    organizationId: undefined,
    homeRegion: undefined,
    registeredAt: undefined,
    scans: [],
  }),
  evolve(state, event) {
    if (event.type === "vigil.organization.registered.v1") {
      return {
        ...state,
        organizationId: event.data.organizationId,
        homeRegion: event.data.homeRegion,
        ...(event.data.managementAccountId ? { managementAccountId: event.data.managementAccountId } : {}),
        registeredAt: event.time,
      };
    }
    if (event.type === "vigil.organization.scan-requested.v1") {
      if (state.scans.some((s) => s.scanId === event.data.scanId)) return state;
      const scans = [
        ...state.scans,
        {
          scanId: event.data.scanId,
          requestedAt: event.time,
          accounts: event.data.accounts.map((a) => a.accountId),
        },
      ]
        .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
        .slice(0, SCANS_KEPT);
      return { ...state, scans };
    }
    return state;
  },
};
