import { describe, expect, it } from "vitest";
import { HttpReleaseHashes, PlatformUnavailableError } from "../src/index.ts";

const recorded = { version: "1.1.0", files: { "agent.zip": "a".repeat(64) } };

function platform(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(input), headers: (init?.headers ?? {}) as Record<string, string> });
    return respond(String(input), init);
  }) as typeof fetch;
  return { seen, fetch: fetchStub };
}

describe("HttpReleaseHashes", () => {
  it("GETs {platformUrl}/releases/{version}/hashes with the caller's headers", async () => {
    const p = platform(() => Response.json(recorded));
    const hashes = new HttpReleaseHashes({
      platformUrl: "https://vigil.example.com/api/",
      headers: () => ({ authorization: "Bearer t" }),
      fetch: p.fetch,
    });
    expect(await hashes.getRecordedHashes("1.1.0")).toEqual(recorded);
    expect(p.seen[0]?.url).toBe("https://vigil.example.com/api/releases/1.1.0/hashes");
    expect(p.seen[0]?.headers.authorization).toBe("Bearer t");
  });

  it("answers undefined for an unknown version (404)", async () => {
    const hashes = new HttpReleaseHashes({
      platformUrl: "http://p",
      fetch: platform(() => new Response("", { status: 404 })).fetch,
    });
    expect(await hashes.getRecordedHashes("9.9.9")).toBeUndefined();
  });

  it("throws a transient error for 5xx and network failures, a plain one for 403 or a bad body", async () => {
    const h = (r: () => Response | Promise<Response>) =>
      new HttpReleaseHashes({ platformUrl: "http://p", fetch: platform(r).fetch });
    await expect(
      h(() => new Response("", { status: 503 })).getRecordedHashes("1.1.0"),
    ).rejects.toBeInstanceOf(PlatformUnavailableError);
    await expect(
      h(() => {
        throw new TypeError("fetch failed");
      }).getRecordedHashes("1.1.0"),
    ).rejects.toBeInstanceOf(PlatformUnavailableError);
    await expect(h(() => new Response("", { status: 403 })).getRecordedHashes("1.1.0")).rejects.toThrow(
      /credentials/,
    );
    await expect(
      h(() => Response.json({ version: "1.1.0", files: { a: "nothex" } })).getRecordedHashes("1.1.0"),
    ).rejects.toThrow(/wrong shape/);
    await expect(
      h(() => Response.json({ ...recorded, version: "1.0.0" })).getRecordedHashes("1.1.0"),
    ).rejects.toThrow(/when asked for 1.1.0/);
  });
});
