import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { oidcSettingsFor, startTestIdp, type TestIdp } from "@vigil/testkit/oidc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPlatform, startPlatform } from "../src/index.ts";
import { launchChromium } from "./chromium.ts";
import { ADMIN_TOKEN, admin } from "./helpers.ts";

const RESULTS = join(import.meta.dirname, "..", "test-results");

/**
 * OIDC sign-in in a real browser, where cookies' SameSite rules apply: the platform is reached as
 * `vigil.test` and the provider as `127.0.0.1`, two sites, so the provider's redirect back is a
 * cross-site navigation (Chromium maps the name to loopback). The flow cookie must survive it and
 * the new Strict session must be sent on the way to the dashboard.
 */
describe("OIDC sign-in in a headless browser", () => {
  let idp: TestIdp;
  let platform: RunningPlatform;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let site: string;
  let integrationPage: string;

  beforeAll(async () => {
    idp = await startTestIdp();
    idp.loginPage = true;
    idp.users = {
      alice: { email: "alice@example.com", groups: ["vigil-admins"] },
      mallory: { email: "mallory@example.com", groups: ["staff"] },
    };
    platform = await startPlatform({
      adminToken: ADMIN_TOKEN,
      config: { oidc: oidcSettingsFor(idp) },
    });
    site = platform.url.replace("127.0.0.1", "vigil.test");
    idp.allowRedirect(`${site}/sign-in/oidc/callback`);
    const created = await fetch(`${platform.url}/admin/integrations`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" }),
    });
    integrationPage = `/dashboard/integrations/${((await created.json()) as { integrationId: string }).integrationId}`;
    chromium = await launchChromium(["--host-resolver-rules=MAP vigil.test 127.0.0.1"]);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.stop();
    await idp?.stop();
  });

  it("signs a member of the admin group in and takes them to the page they asked for", async () => {
    idp.signInAs = "alice";
    await chromium.browser.clearCookies();
    const page = await chromium.browser.newPage();
    await page.goto(`${site}${integrationPage}`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByRole("link", { name: "Sign in with Example SSO" }).click();
    await page.getByRole("button", { name: "Sign in as alice" }).click();
    await page.waitForURL(`${site}${integrationPage}`);
    expect(await page.locator("h1").textContent()).toContain(integrationPage.split("/").at(-1));
    expect(await page.locator("nav .who").textContent()).toBe("alice@example.com (admin)");
    const cookies = await chromium.browser.cookies(site);
    const session = cookies.find((c) => c.name === "vigil_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(cookies.some((c) => c.name === "vigil_oidc")).toBe(false);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "oidc-signed-in.png"), fullPage: true });
    await page.close();
  });

  it("tells someone in no mapped group why they are not signed in", async () => {
    idp.signInAs = "mallory";
    await chromium.browser.clearCookies(); // no provider session left from another test
    const page = await chromium.browser.newPage();
    await page.goto(`${site}/sign-in`);
    await page.getByRole("link", { name: "Sign in with Example SSO" }).click();
    await page.getByRole("button", { name: "Sign in as mallory" }).click();
    await page.getByRole("alert").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in/oidc/callback");
    expect(await page.getByRole("alert").textContent()).toContain(
      "mallory@example.com signed in at Example SSO, but no value of their groups claim is mapped to a Vigil role",
    );
    expect((await chromium.browser.cookies(site)).some((c) => c.name === "vigil_session")).toBe(false);
    await page.close();
  });
});
