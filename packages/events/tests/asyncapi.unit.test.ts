import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { buildAsyncApiDocument, catalogue, renderAsyncApiDocument } from "../src/index.ts";

const checkedIn = readFileSync(new URL("../asyncapi.json", import.meta.url), "utf8");

describe("AsyncAPI document", () => {
  it("is up to date with the contracts (run `pnpm --filter @vigil/events generate`)", () => {
    expect(checkedIn).toBe(renderAsyncApiDocument());
  });

  it("the official @asyncapi/parser parses it with no errors", async () => {
    const { document, diagnostics } = await new Parser().parse(checkedIn);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors).toEqual([]);
    expect(document?.messages().length).toBe(catalogue.length);
    expect(
      document
        ?.channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual(["vigil-agent", "vigil-events", "vigil-platform", "vigil-updater"]);
  });

  it("carries a JSON Schema for every type that rejects other types", () => {
    const doc = buildAsyncApiDocument() as {
      components: {
        messages: Record<
          string,
          { name: string; payload: { schema: { properties: { type: { const: string } } } } }
        >;
      };
    };
    for (const d of catalogue) {
      const message = Object.values(doc.components.messages).find((m) => m.name === d.type);
      expect(message?.payload.schema.properties.type.const).toBe(d.type);
    }
  });
});
