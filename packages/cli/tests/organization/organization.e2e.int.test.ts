import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReleaseDir, EmulatedOrganizationInstallation } from "../../src/install/index.ts";

/**
 * An organization's install on the built release, as AWS runs it: the organization template
 * deployed in the management account of an emulated AWS Organization (two OUs, an account in no
 * OU, the management account), the StackSet's member stacks deployed by the emulated CloudFormation
 * into each account, every member's custom resource enrolling at the platform with its identity
 * proven by the emulated STS and Organizations.
 */

const ADMIN_TOKEN = "organization-e2e-admin-token-0123456789";

let world: EmulatedOrganizationInstallation;
let release: string;
const accounts: Record<string, string> = {};

beforeAll(async () => {
  release = await buildReleaseDir("0.1.0");
  world = await EmulatedOrganizationInstallation.start({ adminToken: ADMIN_TOKEN });
  const org = world.organization;
  const prod = await org.createOrganizationalUnit("prod");
  const dev = await org.createOrganizationalUnit("dev");
  accounts.prodA = await org.createAccount("prod-a", prod);
  accounts.prodB = await org.createAccount("prod-b", prod);
  accounts.dev = await org.createAccount("dev-a", dev);
  accounts.legacy = await org.createAccount("legacy"); // directly under the root, in no OU
  accounts.management = org.managementAccountId;
}, 600_000);

afterAll(async () => {
  await world?.stop();
});

describe("an organization installed from the built release", () => {
  it("enrolls all five accounts (two OUs, one in no OU, the management account): active, distinct keys", async () => {
    await world.register();
    await world.deploy({ releaseDir: release, version: "0.1.0" });
    world.throwOnFailures("the organization's install");
    const view = await world.waitForView(
      "all five active",
      (v) => v.members.filter((m) => m.status === "active").length === 5,
    );
    expect(view.members.map((m) => m.accountId).sort()).toEqual(Object.values(accounts).sort());
    expect(new Set(view.members.map((m) => m.keyId)).size).toBe(5);
    for (const m of view.members)
      expect(m.integrationId).toBe(`${world.organizationIntegrationId}-${m.accountId}`);
  }, 600_000);

  it("deploys to an account that joins the organization by itself: it enrolls and becomes active", async () => {
    const org = world.organization;
    accounts.newcomer = await org.createAccount("newcomer");
    await world.account.settleStackSets();
    world.throwOnFailures("the newcomer's install");
    const view = await world.waitForView("the sixth account active", (v) =>
      v.members.some((m) => m.accountId === accounts.newcomer && m.status === "active"),
    );
    expect(view.members).toHaveLength(6);
    expect(new Set(view.members.map((m) => m.keyId)).size).toBe(6);
  }, 300_000);

  it("tears down an account that leaves: its stack deleted, the account deleted at the platform, its history kept", async () => {
    const leaving = accounts.dev as string;
    const member = `${world.organizationIntegrationId}-${leaving}`;
    await world.organization.removeAccount(leaving);
    const sets = await world.account.settleStackSets();
    world.throwOnFailures("the leaving account's teardown");
    expect(sets.stackSets[0]?.removed.map((r) => r.account)).toContain(leaving);
    expect(sets.stackSets[0]?.instances.map((i) => i.account)).not.toContain(leaving);
    const view = await world.waitForView("the leaving account deleted", (v) =>
      v.members.some((m) => m.accountId === leaving && m.status === "deleted"),
    );
    expect(view.members.filter((m) => m.status === "active")).toHaveLength(5);
    const history = await world.api<{ events: { type: string }[] }>(`/api/integrations/${member}/events`);
    expect(history.body.events.map((e) => e.type)).toEqual([
      "vigil.organization.account-enrolled.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.stack-created.v1",
      "vigil.integration.delete-requested.v1",
      "vigil.integration.resources-cleaned-up.v1",
      "vigil.integration.deleted.v1",
    ]);
  }, 300_000);
});
