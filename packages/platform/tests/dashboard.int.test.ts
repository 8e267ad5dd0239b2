import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InMemoryEventStore, signRequest } from "@vigil/events";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPlatform, startPlatform } from "../src/index.ts";
import { ADMIN_TOKEN, admin, assessed, asset } from "./helpers.ts";

const RESULTS = join(import.meta.dirname, "..", "test-results");

describe("dashboard in a headless browser", () => {
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let profile: string;
  let integrationId: string;

  beforeAll(async () => {
    platform = await startPlatform({ eventStore: new InMemoryEventStore(), adminToken: ADMIN_TOKEN });
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${platform.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    const created = (await (
      await post("/admin/integrations", { accountId: "123456789012", homeRegion: "eu-west-1" }, admin)
    ).json()) as { integrationId: string; registrationToken: string };
    integrationId = created.integrationId;
    const creds = (await (
      await post(
        "/registrations/exchange",
        { token: created.registrationToken },
        { "content-type": "application/json" },
      )
    ).json()) as { keyId: string; privateKeyPem: string };
    const now = new Date();
    const body = JSON.stringify({
      events: [
        assessed(integrationId, asset("eu-west-1", "public-logs"), now.toISOString(), ["critical", "high"]),
        assessed(integrationId, asset("us-east-1", "backups"), now.toISOString(), ["low"]),
      ],
    });
    const signed = signRequest({
      method: "POST",
      path: "/agent/events",
      body,
      keyId: creds.keyId,
      privateKeyPem: creds.privateKeyPem,
      now,
    });
    const ingest = await fetch(`${platform.url}/agent/events`, {
      method: "POST",
      headers: { ...signed, "content-type": "application/json" },
      body,
    });
    expect(ingest.status).toBe(202);

    profile = mkdtempSync(join(tmpdir(), "vigil-chromium-"));
    // A fresh profile per run: launchPersistentContext is how playwright takes --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("shows the integration and its findings by severity and region", async () => {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${ADMIN_TOKEN}` });
    const res = await page.goto(`${platform.url}/dashboard`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("#integrations").textContent()).toContain(integrationId);
    const findings = await page.locator("#findings").textContent();
    // Row text: severity, eu-west-1, us-east-1, total.
    expect(findings).toMatch(/critical\s*1\s*0\s*1/);
    expect(findings).toContain("us-east-1");

    await page.click(`a[href="/dashboard/integrations/${integrationId}"]`);
    const failed = await page.locator("#failed-checks").textContent();
    expect(failed).toContain("public-logs");
    expect(failed).toContain("BlockPublicAcls is false");
    expect(await page.locator("#timeline").textContent()).toContain(
      "vigil.integration.credentials-issued.v1",
    );

    mkdirSync(RESULTS, { recursive: true });
    const shot = join(RESULTS, "dashboard-integration.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(1000);
  });

  it("sends a browser without a session to the sign-in form, and signs it in to an HttpOnly session", async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.fill('input[name="user"]', "admin");
    await page.fill('input[name="password"]', ADMIN_TOKEN);
    await Promise.all([page.waitForURL(`${platform.url}/dashboard`), page.click('button[type="submit"]')]);
    expect(await page.locator("#integrations").textContent()).toContain(integrationId);
    const cookies = await page.context().cookies(platform.url);
    const session = cookies.find((c) => c.name === "vigil_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Strict");
    // No script on the page can read it.
    expect(await page.evaluate("document.cookie")).not.toContain("vigil_session");
  });
});
