import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerCommands } from "../src/commands/index.ts";
import { adminTokenFor } from "../src/secrets/admin-token.ts";

describe("the local platform's admin token", () => {
  it("is never an argument: `vigil platform` has no --admin-token option", () => {
    const program = new Command("vigil");
    registerCommands(program);
    const platform = program.commands.find((c) => c.name() === "platform");
    expect(platform).toBeDefined();
    const flags = platform?.options.map((o) => o.long) ?? [];
    expect(flags).not.toContain("--admin-token");
    expect(flags).toContain("--admin-token-file");
  });

  it("comes from VIGIL_ADMIN_TOKEN, else a file, else a new random one in a 0600 file", () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-token-"));
    expect(adminTokenFor({ env: { VIGIL_ADMIN_TOKEN: "from-env-0123456789" } }).token).toBe(
      "from-env-0123456789",
    );
    const path = join(dir, "sub", "admin-token");
    const a = adminTokenFor({ env: {}, writeTo: path });
    const b = adminTokenFor({ env: {}, writeTo: join(dir, "other") });
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(path, "utf8").trim()).toBe(a.token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(adminTokenFor({ env: {}, file: path })).toEqual({ token: a.token, from: path });
  });
});
