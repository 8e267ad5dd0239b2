import { describe, expect, it } from "vitest";
import { toHtml } from "../../src/report/index.ts";
import { finding as base, report } from "./fixtures.ts";

const finding: typeof base = (over) =>
  base({
    resource: "arn:aws:s3:::a",
    remediation: "aws s3api put-public-access-block --bucket <name> ...",
    ...over,
  });

/** The text of the page's `<summary>` lines, tags removed: what a reader scans first. */
const summaries = (html: string) =>
  [...html.matchAll(/<summary>(.*?)<\/summary>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, ""));

describe("the HTML report", () => {
  const page = toHtml(
    report([
      finding({
        severity: "low",
        checkId: "vigil.iam.x",
        title: "Low check",
        resource: "arn:aws:iam::1:user/u",
      }),
      finding({ resource: "arn:aws:s3:::a" }),
      finding({ resource: "arn:aws:s3:::b", evidence: "<script>alert(1)</script>" }),
      finding({ resource: "arn:aws:s3:::c" }),
      finding({ resource: "arn:aws:s3:::d", status: "PASS" }),
      finding({
        checkId: "vigil.s3.bucket-level-public-access-block-enabled",
        title: "Block",
        severity: "high",
        status: "ERROR",
        evidence: "could not be assessed: s3:GetPublicAccessBlock denied (AccessDenied)",
      }),
    ]),
  );

  it("groups failures by check, most severe first, with how many of the check's resources failed", () => {
    expect(page).toContain("Failed checks (2)");
    const lines = summaries(page);
    expect(lines[0]).toBe(
      "critical S3 buckets should prohibit public read access vigil.s3.bucket-public-read-prohibited — 3 of 4 failed",
    );
    expect(lines[1]).toBe("low Low check vigil.iam.x — 1 of 1 failed");
    // Every failed resource is listed under its check, with the check's fix and mappings once.
    for (const r of ["arn:aws:s3:::a", "arn:aws:s3:::b", "arn:aws:s3:::c"]) expect(page).toContain(r);
    expect(page.match(/put-public-access-block/g)).toHaveLength(2); // the critical and the low group
    expect(page).toContain("CIS 2.1.4 · FSBP S3.2");
  });

  it("shows what was not assessed apart, with why, and the passes as a count per check", () => {
    expect(page).toContain("Not assessed (1)");
    expect(summaries(page)[2]).toBe(
      "high Block vigil.s3.bucket-level-public-access-block-enabled — 1 of 1 not assessed",
    );
    expect(page).toContain("s3:GetPublicAccessBlock denied (AccessDenied)");
    expect(page).toMatch(/Passed checks \(1\)[\s\S]*1 of 4/);
  });

  it("escapes what the account controls", () => {
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
