import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import { ReleaseManifest } from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  buildRelease,
  bundleLambda,
  createZip,
  LAMBDA_ENTRIES,
  type LambdaEntry,
  LazyWorkspaceImportError,
  MissingEntryError,
  sha256,
} from "../src/index.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const FIXTURE = { name: "agent", entry: "packages/infra/tests/fixtures/lambda/handler.ts" };
const CREATED_AT = "2025-01-01T00:00:00.000Z";
const TIMEOUT = 120_000;

/** Reads a zip back with nothing but the format: names, modes, times and contents. */
function readZip(zip: Buffer) {
  const entries: { name: string; data: Buffer; dosDate: number; dosTime: number; mode: number }[] = [];
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString();
    const localName = zip.readUInt16LE(localAt + 26);
    const body = zip.subarray(localAt + 30 + localName, localAt + 30 + localName + size);
    entries.push({
      name,
      data: method === 8 ? inflateRawSync(body) : Buffer.from(body),
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      mode: zip.readUInt32LE(at + 38) >>> 16,
    });
    at += 46 + nameLength;
  }
  return entries;
}

describe("zip", () => {
  it("is the same bytes whatever the order files come in, and round-trips", () => {
    const a = { name: "b.txt", data: Buffer.from("hello ".repeat(100)) };
    const b = { name: "a.txt", data: Buffer.from("x") };
    const one = createZip([a, b]);
    const two = createZip([b, a]);
    expect(sha256(one)).toBe(sha256(two));
    const read = readZip(one);
    expect(read.map((e) => e.name)).toEqual(["a.txt", "b.txt"]);
    expect(read[1]?.data.toString()).toBe("hello ".repeat(100));
    expect(read.every((e) => e.dosDate === 33 && e.dosTime === 0 && e.mode === 0o100644)).toBe(true);
  });

  it("can be read by a real unzip", async () => {
    const { execFileSync } = await import("node:child_process");
    const dir = mkdtempSync(join(tmpdir(), "vigil-zip-"));
    try {
      writeFileSync(
        join(dir, "t.zip"),
        createZip([{ name: "dir/f.txt", data: Buffer.from("content ".repeat(50)) }]),
      );
      let listing: string;
      try {
        listing = execFileSync("python3", ["-m", "zipfile", "-t", join(dir, "t.zip")]).toString();
      } catch (err) {
        throw new Error(`python's zipfile rejected the archive: ${String(err)}`);
      }
      expect(listing).toContain("Done testing");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bundle", () => {
  it(
    "bundles an entry into minified ESM files (index.mjs and its chunks), each with the createRequire banner and a source map",
    async () => {
      const bundle = await bundleLambda(FIXTURE, ROOT);
      const names = bundle.files.map((f) => f.name);
      expect(names).toContain("index.mjs");
      const modules = bundle.files.filter((f) => f.name.endsWith(".mjs"));
      for (const f of modules) {
        expect(names).toContain(`${f.name}.map`);
        const code = Buffer.from(f.data).toString();
        expect(code.startsWith('import { createRequire as __vigilCreateRequire } from "node:module"')).toBe(
          true,
        );
        expect(code).toContain(`//# sourceMappingURL=${f.name}.map`);
        expect(code).not.toMatch(/from"@aws-sdk\//); // the SDK is inside, not imported at run time
      }
      // What a cold start loads is index.mjs and its static chunks; the rest loads on import().
      expect(bundle.codeBytes).toBeLessThanOrEqual(bundle.totalCodeBytes);
      expect(bundle.totalCodeBytes).toBe(modules.reduce((n, f) => n + f.data.length, 0));

      const dir = mkdtempSync(join(tmpdir(), "vigil-bundle-"));
      try {
        for (const f of bundle.files) writeFileSync(join(dir, f.name), f.data);
        const mod = (await import(join(dir, "index.mjs"))) as { handler: (e: unknown) => Promise<unknown> };
        expect(await mod.handler({ kind: "heartbeat" })).toEqual({
          ok: true,
          kind: "heartbeat",
          region: "us-east-1",
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it("fails with a message that names the missing entry", async () => {
    const missing = { name: "agent", entry: "packages/agent/src/handlers/does-not-exist.ts" };
    await expect(bundleLambda(missing, ROOT)).rejects.toThrow(MissingEntryError);
    await expect(bundleLambda(missing, ROOT)).rejects.toThrow(
      /packages\/agent\/src\/handlers\/does-not-exist\.ts/,
    );
  });

  it("refuses a workspace module loaded with require(), naming the importer and the module", async () => {
    const lazy = { name: "agent", entry: "packages/infra/tests/fixtures/lazy/required.ts" };
    const refused = bundleLambda(lazy, ROOT);
    await expect(refused).rejects.toThrow(LazyWorkspaceImportError);
    await expect(bundleLambda(lazy, ROOT)).rejects.toThrow(
      /packages\/infra\/tests\/fixtures\/lazy\/required\.ts loads .*constant\.ts with require-call/,
    );
  });

  it(
    "splits a module loaded with import() into its own chunk, whose constants every reader sees",
    async () => {
      const lazy = { name: "agent", entry: "packages/infra/tests/fixtures/lazy/handler.ts" };
      const bundle = await bundleLambda(lazy, ROOT);
      // Reached statically too, the module sits in a chunk index.mjs imports: nothing is lazy.
      expect(bundle.files.filter((f) => f.name.endsWith(".mjs")).length).toBeGreaterThan(1);
      const code = bundle.files.map((f) => Buffer.from(f.data).toString()).join("\n");
      expect(code).not.toContain("__esm");
      const dir = mkdtempSync(join(tmpdir(), "vigil-split-"));
      try {
        for (const f of bundle.files) writeFileSync(join(dir, f.name), f.data);
        const mod = (await import(join(dir, "index.mjs"))) as { handler: () => Promise<unknown> };
        expect(await mod.handler()).toEqual(["read before its module ran", "read before its module ran"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});

describe("release", () => {
  it(
    "building twice gives identical zips and manifest",
    async () => {
      const options = { version: "1.2.3", root: ROOT, entries: [FIXTURE], createdAt: CREATED_AT };
      const first = await buildRelease(options);
      const second = await buildRelease(options);
      expect(second.manifestJson).toBe(first.manifestJson);
      expect(second.artifacts.map((a) => sha256(a.data))).toEqual(first.artifacts.map((a) => sha256(a.data)));
    },
    TIMEOUT,
  );

  it(
    "records every file's SHA-256 and size, in the manifest format the updater reads",
    async () => {
      const release = await buildRelease({
        version: "1.2.3",
        root: ROOT,
        entries: [FIXTURE],
        createdAt: CREATED_AT,
      });
      const manifest = ReleaseManifest.parse(JSON.parse(release.manifestJson));
      for (const a of release.artifacts) {
        const file = manifest.files.find((f) => f.name === a.name);
        expect(file?.sha256).toBe(sha256(a.data));
        expect(file?.size).toBe(a.data.length);
        expect(file?.key).toBe(`releases/1.2.3/${a.name}`);
      }
      expect(manifest.files.find((f) => f.name === "agent.zip")?.function).toBe("agent");
      expect(manifest.files.map((f) => f.name)).toContain("permissions.json");
      expect(manifest.template?.key).toBe("releases/1.2.3/vigil-root.template.json");
      const root = release.artifacts.find((a) => a.name === "vigil-root.template.json");
      expect(JSON.parse(root?.data.toString() ?? "{}").Parameters.ArtifactPrefix.Default).toBe(
        "releases/1.2.3",
      );
    },
    TIMEOUT,
  );

  it(
    "writes the scanner bundle's SHA-256 from the manifest into the EBS scanner's launch template",
    async () => {
      const scanner = LAMBDA_ENTRIES.find((e) => e.name === "scanner");
      expect(scanner).toBeDefined();
      const release = await buildRelease({
        version: "1.2.3",
        root: ROOT,
        entries: [FIXTURE, scanner as LambdaEntry],
        createdAt: CREATED_AT,
      });
      const manifest = ReleaseManifest.parse(JSON.parse(release.manifestJson));
      const listed = manifest.files.find((f) => f.name === "scanner.zip")?.sha256;
      expect(listed).toMatch(/^[a-f0-9]{64}$/);
      expect(manifest.files.find((f) => f.name === "scanner.zip")?.function).toBeUndefined();
      const ebs = release.artifacts.find((a) => a.name === "vigil-ebs-scanning.template.json");
      const userData = JSON.parse(ebs?.data.toString() ?? "{}").Resources.ScannerLaunchTemplate.Properties
        .LaunchTemplateData.UserData["Fn::Base64"]["Fn::Sub"] as string;
      expect(userData).toContain(`EXPECTED="${listed}"`);
    },
    TIMEOUT,
  );
});
