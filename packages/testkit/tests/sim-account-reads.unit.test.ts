import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AWS_READS, absentAnswer } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { AwsApiError } from "../src/sim-account/errors.ts";
import { read } from "../src/sim-account/handlers/context.ts";
import { generateAccount, servedOperations } from "../src/sim-account/index.ts";
import { loadBotocoreModels, locateBotocoreModels } from "../src/snapshot/models.ts";
import { CLI_TO_MODEL } from "../src/snapshot/validate.ts";

/**
 * The simulated account serves what the AWS reads description (packages/events) describes: every
 * read a scan makes has a handler, the reads it serves beyond them are named here with the reason,
 * and a missing per-resource file answers as the description's `absent` says.
 */

/** `list-mfa-devices` → `listmfadevices`: how a CLI command names its operation (case aside). */
const opKey = (service: string, operation: string) =>
  `${service}:${operation.replaceAll("-", "").toLowerCase()}`;

/** Reads served beyond the scan's: for the tools and tests that use them. */
const SERVED_BEYOND_THE_SCAN: Readonly<Record<string, string>> = {
  "sts:getcalleridentity": "the account's identity, before any scan read",
  "ec2:describeregions": "the regions a scan covers, before any scan read",
  "s3api:getbucketpolicystatus": "other tools' snapshots",
};

describe("the simulated account serves the described AWS reads", () => {
  const served = new Set(
    servedOperations({ writes: false }).map((o) => opKey(...(o.split(":") as [string, string]))),
  );

  it("every described read has a handler", () => {
    const unserved = AWS_READS.map((r) => opKey(r.service, r.command)).filter((k) => !served.has(k));
    expect(unserved).toEqual([]);
  });

  it("every read it serves is described, or named as served beyond the scan", () => {
    const described = new Set(AWS_READS.map((r) => opKey(r.service, r.command)));
    const extra = [...served].filter((k) => !described.has(k) && !(k in SERVED_BEYOND_THE_SCAN)).sort();
    expect(extra).toEqual([]);
    expect(Object.keys(SERVED_BEYOND_THE_SCAN).filter((k) => !served.has(k))).toEqual([]);
  });

  it("a missing per-resource file answers with the described absent answer, else as not captured", () => {
    const model = { accountId: "123456789012", regions: ["eu-west-1"], files: new Map<string, unknown>() };
    for (const r of AWS_READS.filter((x) => x.resource !== undefined)) {
      const call = { model, region: "eu-west-1", cliService: r.service, operation: r.command, input: {} };
      const options = { resource: "team%2Fapi", global: r.scope === "global" };
      const absent = absentAnswer(r, "team/api");
      const answer = (() => {
        try {
          return { output: read(call, r.command, options) };
        } catch (error) {
          if (!(error instanceof AwsApiError)) throw error;
          return { error: error.code, message: error.message };
        }
      })();
      if (absent === undefined)
        expect(answer, `${r.service} ${r.command}`).toMatchObject({ message: /not captured/ });
      else expect(answer, `${r.service} ${r.command}`).toEqual(absent);
    }
  });
});

/** Reads with a botocore paginator that a scan makes as one call, and why. */
const ONE_PAGE_ON_PURPOSE: Readonly<Record<string, string>> = {
  "ec2 describe-launch-template-versions": "one version a call (`--versions $Default`)",
};

describe("the AWS reads description agrees with AWS's API models (botocore)", () => {
  const dir = locateBotocoreModels();
  const models = loadBotocoreModels(dir);

  it("every read names one operation, and its pages are merged on the members AWS paginates", () => {
    const problems: string[] = [];
    for (const r of AWS_READS) {
      const what = `${r.service} ${r.command}`;
      const model = models.service(CLI_TO_MODEL[r.service] ?? r.service);
      const operation = model?.operationsByLowerName.get(r.command.replaceAll("-", ""))?.[0];
      if (!model || !operation) {
        problems.push(`${what}: no such operation in the models`);
        continue;
      }
      const file = join(dir, model.name, model.version, "paginators-1.json");
      const paginators = existsSync(file)
        ? (
            JSON.parse(readFileSync(file, "utf8")) as {
              pagination: Record<string, { result_key: string | string[] }>;
            }
          ).pagination
        : {};
      const paginator = paginators[operation];
      if (paginator === undefined) continue; // older models lack some; the capture test checks what is read
      if (r.pages === undefined) {
        if (!(what in ONE_PAGE_ON_PURPOSE))
          problems.push(`${what}: AWS paginates ${operation}, described as one page`);
        continue;
      }
      const expected = [paginator.result_key].flat();
      if (JSON.stringify([r.pages].flat()) !== JSON.stringify(expected))
        problems.push(
          `${what}: pages merged on ${JSON.stringify(r.pages)}, AWS's result key is ${JSON.stringify(expected)}`,
        );
    }
    expect(problems).toEqual([]);
  });
});

describe("the simulated account's generator writes the described layout", () => {
  it("every file of a generated account is a described read (or one served beyond the scan), in its scope", () => {
    const model = generateAccount({
      seed: "reads-layout",
      regionCount: 2,
      assetsPerRegion: 8,
      misconfigurationRate: 0.7,
    });
    const problems: string[] = [];
    for (const key of model.files.keys()) {
      const [scope, service = "", command = "", ...resource] = key.split("/");
      const read = AWS_READS.find((r) => r.service === service && r.command === command);
      if (!read) {
        if (!(opKey(service, command) in SERVED_BEYOND_THE_SCAN))
          problems.push(`${key}: not a described read`);
        continue;
      }
      if (resource.length > 0 !== (read.resource !== undefined)) problems.push(`${key}: per resource?`);
      if (read.scope !== "both" && (scope === "global") !== (read.scope === "global"))
        problems.push(`${key}: scope`);
    }
    expect(problems).toEqual([]);
    expect(model.files.size).toBeGreaterThan(200);
  });
});
