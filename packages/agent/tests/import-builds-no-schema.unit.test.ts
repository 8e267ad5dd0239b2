import { describe, expect, it, vi } from "vitest";

/**
 * Importing the event contracts (all of `@vigil/events`) or the deployed handler (with the asset types and
 * policies it loads) builds no zod schema: every one is built the first time it is used
 * (`lazySchema`), so a Lambda's cold start pays only for the types its invocation meets. zod's
 * builders (`z.object`, `z.string`, `z.iso.datetime`, …) are wrapped to record each call.
 */
const built: string[] = [];
vi.mock("zod", async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const wrap = (path: string, value: unknown): unknown => {
    if (typeof value === "function" && /^[a-z]/.test(path.split(".").at(-1) ?? ""))
      return Object.assign((...args: unknown[]) => {
        built.push(path);
        return (value as (...a: unknown[]) => unknown)(...args);
      }, value);
    if (value !== null && typeof value === "object" && /^[a-z]/.test(path) && !path.includes("."))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(`${path}.${k}`, v)]));
    return value;
  };
  return Object.fromEntries(Object.entries(real).map(([k, v]) => [k, wrap(k, v)]));
});

describe("importing @vigil/events and the agent's Lambda handler", () => {
  it("builds no schema; parsing the first asset builds its type's", async () => {
    await import("@vigil/events");
    await import("../src/handlers/lambda.ts");
    expect(built).toEqual([]);
    const { parseAsset } = await import("../src/assets/index.ts");
    const { syntheticAssets } = await import("../src/assets/synthetic.ts");
    const [table] = syntheticAssets({ count: 1, types: ["aws.dynamodb.table"] });
    expect(parseAsset(table).ok).toBe(true);
    expect(built).toContain("object");
  });
});
