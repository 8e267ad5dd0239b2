/**
 * A strict JSON reader for the snapshot validator. It differs from `JSON.parse` in one way that
 * matters: a number written with a fraction or an exponent (`5.0`, `1e3`) comes back as a
 * {@link JsonFloat}, so an integer member holding `5.0` is caught, as AWS's models require (and as
 * Python's `json` module, which tells `int` from `float`, lets a Python validator see). Objects have
 * no prototype, so a key such as `constructor` or `__proto__` is just a key.
 * Only RFC 8259 JSON is accepted: no NaN/Infinity, no comments, no trailing commas, no BOM.
 */

/** A number written with a fraction or an exponent. */
export class JsonFloat {
  constructor(
    readonly value: number,
    readonly source: string,
  ) {}
}

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = null | boolean | number | string | JsonFloat | JsonValue[] | JsonObject;

export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
}

export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonFloat)
  );
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

export function parseJson(text: string): JsonValue {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new JsonSyntaxError(`${message} at line ${line} column ${column} (char ${at})`);
  };
  const skipWhitespace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
      pos++;
    }
  };
  const expect = (c: string) => {
    if (text[pos] !== c) fail(pos >= text.length ? `expected '${c}', got end of input` : `expected '${c}'`);
    pos++;
  };

  const parseString = (): string => {
    expect('"');
    let out = "";
    let start = pos;
    for (;;) {
      if (pos >= text.length) fail("unterminated string", start - 1);
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c === 0x5c) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        if (e === "u") {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          pos += 2;
        } else {
          fail("invalid escape");
        }
        start = pos;
        continue;
      }
      pos++;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > 512) fail("nested too deeply");
    skipWhitespace();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const obj: JsonObject = Object.create(null);
      skipWhitespace();
      if (text[pos] === "}") {
        pos++;
        return obj;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail("expected a property name in double quotes");
        const key = parseString();
        skipWhitespace();
        expect(":");
        obj[key] = parseValue(depth + 1);
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        expect("}");
        return obj;
      }
    }
    if (c === "[") {
      pos++;
      const arr: JsonValue[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        expect("]");
        return arr;
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      const n = Number(m[0]);
      return m[1] !== undefined || m[2] !== undefined ? new JsonFloat(n, m[0]) : n;
    }
    return fail(pos >= text.length ? "expecting a value, got end of input" : "expecting a value");
  };

  const value = parseValue(0);
  skipWhitespace();
  if (pos < text.length) fail("extra data after the value");
  return value;
}
