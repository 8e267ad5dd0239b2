import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readOidcSettingsFile } from "../src/secrets/oidc-settings.ts";

describe("vigil platform --oidc <file>", () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-oidc-"));
  const settings = {
    issuer: "https://sso.example.com",
    clientId: "vigil",
    clientSecret: "client-secret-value",
    adminValues: ["vigil-admins"],
  };
  const file = (name: string, content: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    chmodSync(path, mode);
    return path;
  };

  it("reads the settings from a file only its owner can read", () => {
    const path = file("ok.json", JSON.stringify(settings), 0o600);
    expect(readOidcSettingsFile(path)).toEqual({ ...settings, viewerValues: [] });
  });

  it("refuses a secret others can read, saying how to fix it", () => {
    const path = file("open.json", JSON.stringify(settings), 0o644);
    expect(() => readOidcSettingsFile(path)).toThrow(`run chmod 600 ${path}`);
    // Without a secret (a public client) the mode does not matter.
    const { clientSecret: _, ...publicClient } = settings;
    expect(readOidcSettingsFile(file("public.json", JSON.stringify(publicClient), 0o644)).clientId).toBe(
      "vigil",
    );
  });

  it("names what is wrong without showing the secret", () => {
    const notJson = file("bad.json", `{"clientSecret": "client-secret-value"`, 0o600);
    expect(() => readOidcSettingsFile(notJson)).toThrow(/not JSON/);
    const insecure = file(
      "http.json",
      JSON.stringify({ ...settings, issuer: "http://sso.example.com" }),
      0o600,
    );
    expect(() => readOidcSettingsFile(insecure)).toThrow(/must be https/);
    const unmapped = file("none.json", JSON.stringify({ ...settings, adminValues: [] }), 0o600);
    expect(() => readOidcSettingsFile(unmapped)).toThrow(/no one can sign in/);
    for (const path of [notJson, insecure, unmapped]) {
      try {
        readOidcSettingsFile(path);
      } catch (error) {
        expect((error as Error).message).not.toContain("client-secret-value");
      }
    }
    expect(() => readOidcSettingsFile(join(dir, "missing.json"))).toThrow(/cannot read it \(ENOENT\)/);
  });
});

describe("vigil platform --oidc", () => {
  it("starts a platform whose sign-in page offers the provider, and says which redirect URI to register", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-oidc-cli-"));
    const path = join(dir, "oidc.json");
    writeFileSync(
      path,
      JSON.stringify({
        issuer: "https://sso.example.com",
        clientId: "vigil",
        name: "Example SSO",
        adminValues: ["a"],
      }),
    );
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", main, "platform", "--port", "0", "--oidc", path],
      {
        env: { ...process.env, VIGIL_ADMIN_TOKEN: "an-admin-token-for-this-test-only" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      let out = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m =
            /register (http:\/\/127\.0\.0\.1:\d+)\/sign-in\/oidc\/callback as a redirect URI of client vigil/.exec(
              out,
            );
          if (m?.[1]) resolve(m[1]);
        });
        child.once("exit", (code) => reject(new Error(`vigil platform exited ${code}: ${out}`)));
      });
      const page = await (await fetch(`${url}/sign-in`)).text();
      expect(page).toContain("Sign in with Example SSO");
    } finally {
      child.kill("SIGINT");
    }
  }, 60_000);
});
