import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InMemoryEventStore, signRequest } from "@vigil/events";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPlatform, startPlatform } from "../src/index.ts";
import { launchChromium } from "./chromium.ts";
import { ADMIN_TOKEN, admin, assessed, asset } from "./helpers.ts";

const RESULTS = join(import.meta.dirname, "..", "test-results");

describe("dashboard in a headless browser", () => {
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let integrationId: string;
  let creds: { keyId: string; privateKeyPem: string };

  beforeAll(async () => {
    platform = await startPlatform({ eventStore: new InMemoryEventStore(), adminToken: ADMIN_TOKEN });
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${platform.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    const created = (await (
      await post("/admin/integrations", { accountId: "123456789012", homeRegion: "eu-west-1" }, admin)
    ).json()) as { integrationId: string; registrationToken: string };
    integrationId = created.integrationId;
    creds = (await (
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

    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.stop();
  });

  it("shows the posture page and an asset page with its history, styled under the CSP", async () => {
    // A second scan of one asset (one finding fixed) and a check that could not be assessed.
    const later = new Date();
    const second = assessed(integrationId, asset("eu-west-1", "public-logs"), later.toISOString(), [
      "critical",
    ]);
    const body = JSON.stringify({
      events: [
        {
          ...second,
          data: {
            ...second.data,
            scanId: "scan-2",
            results: [
              ...second.data.results,
              {
                checkId: "s3.object-lock",
                status: "error",
                severity: "low",
                title: "Object lock",
                evidence: "AccessDenied",
              },
            ],
          },
        },
      ],
    });
    const signed = signRequest({
      method: "POST",
      path: "/agent/events",
      body,
      keyId: creds.keyId,
      privateKeyPem: creds.privateKeyPem,
      now: later,
    });
    const res = await fetch(`${platform.url}/agent/events`, {
      method: "POST",
      headers: { ...signed, "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(202);

    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${ADMIN_TOKEN}` });
    expect((await page.goto(`${platform.url}/dashboard`))?.status()).toBe(200);
    expect(await page.locator("#score").textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.locator("#by-severity rect").count()).toBeGreaterThan(0);
    expect(await page.locator("#by-region").textContent()).toContain("us-east-1");
    const groups = page.locator("#findings-by-check tr.check-group");
    expect(await groups.count()).toBe(1); // s3.check-0 fails on both assets: one group, two assets
    expect(await groups.first().textContent()).toContain("backups");
    expect(await page.locator("#integrations").textContent()).toContain(integrationId);
    expect(await page.locator("#not-assessed").textContent()).toContain("Object lock");
    // A tile per framework the results map to, and the fix under each failed check.
    expect(await page.locator(`[id="framework-cis-aws-5.0"]`).textContent()).toContain(
      "CIS AWS Foundations v5.0",
    );
    expect(await page.locator("#framework-aws-fsbp").isVisible()).toBe(true);
    expect(await groups.first().locator(".fix").textContent()).toContain("put-public-access-block");
    // The stylesheet loaded under the CSP (no inline style anywhere).
    expect(await page.evaluate("getComputedStyle(document.querySelector('.big')).fontWeight")).toBe("600");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "dashboard-posture.png"), fullPage: true });

    // Filter to critical: the low finding on backups is gone.
    await page.selectOption('select[name="severity"]', "critical");
    await Promise.all([page.waitForURL(/severity=critical/), page.click(".filters button")]);
    expect(await page.locator("#findings-by-check").textContent()).not.toContain("backups");
    expect(await page.locator("#export-csv").getAttribute("href")).toContain("severity=critical");

    await Promise.all([
      page.waitForURL(/\/asset\?arn=/),
      page.click('#findings-by-check a:has-text("public-logs")'),
    ]);
    expect(await page.locator("#asset-name").textContent()).toBe("public-logs");
    expect(await page.locator("#asset-results").textContent()).toContain("not assessed");
    expect(await page.locator("#asset-results .fix").first().textContent()).toContain(
      "put-public-access-block",
    );
    expect(await page.locator("#asset-results").textContent()).toContain("cis-aws-5.0:2.1.1");
    const history = await page.locator("#asset-history").textContent();
    expect(history).toContain("scan-1");
    expect(history).toContain("scan-2");
    const shot = join(RESULTS, "dashboard-asset.png");
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
