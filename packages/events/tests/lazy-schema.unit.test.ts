import * as util from "node:util";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineEvent, lazySchema, parseEvent } from "../src/index.ts";

describe("lazySchema", () => {
  it("builds the schema once, on first use, and not before", () => {
    let built = 0;
    const schema = lazySchema(() => {
      built += 1;
      return z.object({ name: z.string().min(1) });
    });
    expect(built).toBe(0);
    expect(schema.parse({ name: "a" })).toEqual({ name: "a" });
    expect(schema.safeParse({ name: "" }).success).toBe(false);
    expect(built).toBe(1);
  });

  it("stands for the schema wherever zod uses one: nesting, extend, omit, shape, instanceof, keys", () => {
    const inner = lazySchema(() => z.object({ a: z.number(), b: z.string() }));
    const outer = z.object({ inner, list: z.array(inner) });
    expect(outer.parse({ inner: { a: 1, b: "x" }, list: [{ a: 2, b: "y" }] }).list[0]?.a).toBe(2);
    expect(outer.safeParse({ inner: { a: "1", b: "x" }, list: [] }).error?.issues[0]?.path).toEqual([
      "inner",
      "a",
    ]);
    expect(inner instanceof z.ZodObject).toBe(true);
    expect(Object.keys(inner.shape)).toEqual(["a", "b"]);
    expect(inner.omit({ b: true }).parse({ a: 1, b: "dropped" })).toEqual({ a: 1 });
    expect(inner.extend({ c: z.boolean() }).safeParse({ a: 1, b: "x" }).success).toBe(false);
    expect(
      z.discriminatedUnion("k", [lazySchema(() => z.object({ k: z.literal("x") }))]).parse({ k: "x" }),
    ).toEqual({ k: "x" });
  });

  it("after its first use is an ordinary schema object: no proxy left on zod's parse path", () => {
    let built = 0;
    const schema = lazySchema(() => {
      built += 1;
      return z.object({ a: z.string() });
    });
    const unbuiltPrototype = Object.getPrototypeOf(schema) as { parse?: unknown };
    expect("parse" in schema).toBe(true); // `in` builds it too
    // Whoever kept the prototype from before reaches the same schema, never a second build.
    expect(typeof unbuiltPrototype.parse).toBe("function");
    expect(built).toBe(1);
    expect(Object.getPrototypeOf(schema)).toBe(Object.getPrototypeOf(z.object({})));
    expect(Object.hasOwn(schema, "_zod")).toBe(true);
    expect(util.types.isProxy(Object.getPrototypeOf(schema))).toBe(false);
    expect(schema.optional().parse(undefined)).toBeUndefined();
  });

  it("keeps what is written on it, before or after it is built", () => {
    const schema = lazySchema(() => z.object({ a: z.string() }));
    Object.defineProperty(schema, "note", { value: "kept", configurable: true });
    expect((schema as unknown as { note: string }).note).toBe("kept");
    expect(Object.getOwnPropertyNames(schema)).toContain("note");
    delete (schema as unknown as { note?: string }).note;
    expect("note" in schema).toBe(false);
  });

  it("a build that throws throws at first use, every time, and never hands out half a schema", () => {
    const schema = lazySchema<z.ZodString>(() => {
      throw new Error("bad schema");
    });
    expect(() => schema.parse("x")).toThrow("bad schema");
    expect(() => schema.parse("x")).toThrow("bad schema");
  });

  it("an event definition builds its schemas when an event of its type is first parsed", () => {
    let built = 0;
    const definition = defineEvent("vigil.test.lazily-built.v1", () => {
      built += 1;
      return z.object({ n: z.number().int() });
    });
    expect(built).toBe(0);
    const envelope = {
      specversion: "1.0",
      id: "e1",
      source: "urn:test",
      type: definition.type,
      time: "2026-12-05T00:00:00Z",
      integrationid: "i1",
      data: { n: 1 },
    };
    expect(definition.schema.parse(envelope).data.n).toBe(1);
    expect(definition.schema.safeParse({ ...envelope, data: { n: 1.5 } }).success).toBe(false);
    expect(built).toBe(1);
    // The catalogue's own types parse as before.
    expect(parseEvent({ ...envelope, type: "vigil.nope.v1" }).ok).toBe(false);
  });
});
