import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReleaseManifest } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundleLambda,
  createZip,
  ebsScanningTemplate,
  LAMBDA_ENTRIES,
  SCANNER_ARTIFACT,
  scannerBootstrapScript,
  sha256,
} from "../src/index.ts";

/**
 * The scanner instance's bootstrap, run as the launch template gives it (the `Fn::Sub` resolved as
 * CloudFormation would), against a bucket on disk (a stub `aws s3 cp`) and this machine's Node: it
 * runs the real scanner bundle when its SHA-256 matches the manifest and the template, and refuses
 * a tampered bundle, a tampered manifest, or a template without the hash — before anything runs.
 */

const ROOT = join(import.meta.dirname, "../../..");
const TIMEOUT = 120_000;
const VARS = {
  ArtifactBucket: "vigil-releases",
  ArtifactPrefix: "releases/9.9.9",
  "AWS::Region": "eu-west-1",
  IntegrationId: "int-1",
  EventsTopicArn: "arn:aws:sns:eu-west-1:123456789012:vigil-events-int-1",
};

/** CloudFormation's Fn::Sub: `${Name}` replaced, `${!Literal}` written `${Literal}`. */
function resolveSub(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(!?)([^}]+)\}/g, (_, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    const value = vars[name];
    if (value === undefined) throw new Error(`Fn::Sub has no value for \${${name}}`);
    return value;
  });
}

describe("the scanner's bootstrap", () => {
  let work: string;
  let zip: Buffer;
  let manifest: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "vigil-bootstrap-"));
    const entry = LAMBDA_ENTRIES.find((e) => e.name === "scanner");
    if (!entry) throw new Error("no scanner entry in LAMBDA_ENTRIES");
    const bundle = await bundleLambda(entry, ROOT, { releaseVersion: "9.9.9" });
    zip = createZip(bundle.files);
    manifest = `${JSON.stringify(
      buildReleaseManifest({
        version: "9.9.9",
        createdAt: "1980-01-01T00:00:00.000Z",
        artifacts: [{ name: SCANNER_ARTIFACT, data: zip }],
      }),
      null,
      2,
    )}\n`;
    // `aws s3 cp [--only-show-errors] s3://bucket/key dest [--region r]`, from $FAKE_S3.
    const bin = join(work, "bin");
    mkdirSync(bin);
    writeFileSync(
      join(bin, "aws"),
      `#!/bin/bash
set -e
args=(); for a in "$@"; do case "$a" in --only-show-errors) ;; *) args+=("$a") ;; esac; done
[ "\${args[0]}" = s3 ] && [ "\${args[1]}" = cp ] || { echo "stub aws: unexpected $*" >&2; exit 2; }
src="\${args[2]#s3://}"; cp "$FAKE_S3/$src" "\${args[3]}"
`,
    );
    chmodSync(join(bin, "aws"), 0o755);
  }, TIMEOUT);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function run(options: { embedded: string | undefined; bundle?: Buffer; manifest?: string }) {
    const dir = mkdtempSync(join(work, "case-"));
    const s3 = join(dir, "s3", VARS.ArtifactBucket, VARS.ArtifactPrefix);
    mkdirSync(s3, { recursive: true });
    writeFileSync(join(s3, SCANNER_ARTIFACT), options.bundle ?? zip);
    writeFileSync(join(s3, "manifest.json"), options.manifest ?? manifest);
    const script = join(dir, "user-data.sh");
    writeFileSync(script, resolveSub(scannerBootstrapScript(options.embedded), VARS));
    const out = spawnSync("bash", [script], {
      env: {
        PATH: `${join(work, "bin")}:${process.env.PATH ?? ""}`,
        FAKE_S3: join(dir, "s3"),
        VIGIL_SCANNER_DIR: join(dir, "opt"),
        VIGIL_BOOTSTRAP_NO_SHUTDOWN: "1",
        VIGIL_SCANNER_SELF_TEST: "1",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: out.status, stdout: out.stdout, stderr: out.stderr, dir };
  }

  it(
    "runs the scanner bundle whose SHA-256 the manifest and the template agree on",
    () => {
      const out = run({ embedded: sha256(zip) });
      expect(out.stderr).not.toMatch(/REFUSED/);
      expect(out.status).toBe(0);
      expect(out.stdout).toMatch(/"message":"vigil EBS scanner loaded","version":"9.9.9"/);
    },
    TIMEOUT,
  );

  it(
    "refuses a bundle whose hash differs from the release manifest, and runs nothing",
    () => {
      const tampered = Buffer.from(zip);
      tampered[tampered.length - 30] = (tampered[tampered.length - 30] ?? 0) ^ 0xff;
      const out = run({ embedded: sha256(zip), bundle: tampered });
      expect(out.status).toBe(1);
      expect(out.stderr).toContain(
        `REFUSED: ${SCANNER_ARTIFACT} has SHA-256 ${sha256(tampered)}, the release manifest says ${sha256(zip)}`,
      );
      expect(out.stdout).not.toMatch(/scanner loaded/);
    },
    TIMEOUT,
  );

  it(
    "refuses a bundle and manifest rewritten together: the template's hash no longer matches",
    () => {
      const evil = Buffer.concat([zip, Buffer.from("evil")]);
      const rewritten = manifest.replace(sha256(zip), sha256(evil));
      const out = run({ embedded: sha256(zip), bundle: evil, manifest: rewritten });
      expect(out.status).toBe(1);
      expect(out.stderr).toContain(
        `the release manifest lists ${SCANNER_ARTIFACT} as ${sha256(evil)}, this template expects ${sha256(zip)}`,
      );
      expect(out.stdout).not.toMatch(/scanner loaded/);
    },
    TIMEOUT,
  );

  it(
    "refuses when the template carries no hash or the manifest no scanner",
    () => {
      expect(run({ embedded: undefined }).stderr).toContain(
        "REFUSED: this template was built without the scanner's hash",
      );
      const noScanner = run({
        embedded: sha256(zip),
        manifest: JSON.stringify({ version: "9.9.9", files: [] }),
      });
      expect(noScanner.status).toBe(1);
      expect(noScanner.stderr).toContain(`REFUSED: the release manifest lists no ${SCANNER_ARTIFACT}`);
    },
    TIMEOUT,
  );

  it("is the launch template's user data, with the hash written in", () => {
    const lt = ebsScanningTemplate({ scannerSha256: "a".repeat(64) }).Resources.ScannerLaunchTemplate
      ?.Properties as {
      LaunchTemplateData: { UserData: { "Fn::Base64": { "Fn::Sub": string } } };
    };
    const text = lt.LaunchTemplateData.UserData["Fn::Base64"]["Fn::Sub"];
    expect(text).toBe(scannerBootstrapScript("a".repeat(64)));
    expect(text).toContain(`EXPECTED="${"a".repeat(64)}"`);
  });
});
