import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccountModel, generateAccount } from "../src/index.ts";

/** The bytes writeSnapshot would write, without touching the disk. */
function bytes(model: AccountModel): string {
  const files = [...model.files.keys()]
    .sort()
    .map((k) => `${k}\n${JSON.stringify(model.files.get(k), null, 4)}`);
  return [JSON.stringify({ accountId: model.accountId, regions: model.regions }), ...files].join("\n");
}

describe("generateAccount", () => {
  it("is deterministic: the same options always give the same bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.string()),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, regionCount, assetsPerRegion, misconfigurationRate) => {
          const opts = { seed, regionCount, assetsPerRegion, misconfigurationRate };
          expect(bytes(generateAccount(opts))).toBe(bytes(generateAccount(opts)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("differs for different seeds", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        fc.pre(a !== b);
        expect(bytes(generateAccount({ seed: a }))).not.toBe(bytes(generateAccount({ seed: b })));
      }),
      { numRuns: 20 },
    );
  });

  it("lays files out per the snapshot spec, in every region", () => {
    const m = generateAccount({
      seed: 7,
      regions: ["us-east-1", "eu-west-1", "ap-south-1"],
      assetsPerRegion: 4,
    });
    expect(m.accountId).toMatch(/^\d{12}$/);
    for (const r of m.regions) {
      for (const call of [
        "ec2/describe-instances",
        "ec2/describe-snapshots",
        "rds/describe-db-instances",
        "cloudtrail/describe-trails",
        "kms/list-keys",
      ]) {
        expect(m.files.has(`${r}/${call}`)).toBe(true);
      }
    }
    for (const key of m.files.keys())
      expect(key).toMatch(/^(global|us-east-1|eu-west-1|ap-south-1)\/[a-z0-9-]+\/[a-z0-9-]+(\/[^/]+)?$/);
    const instances = (m.files.get("ap-south-1/ec2/describe-instances") as { Reservations: unknown[] })
      .Reservations;
    expect(instances.length).toBe(4);
  });

  it("misconfigures at the requested rate: none at 0, many at 1", () => {
    const count = (rate: number) => {
      const m = generateAccount({
        seed: 11,
        regionCount: 2,
        assetsPerRegion: 10,
        misconfigurationRate: rate,
      });
      const open = ["us-east-1", "eu-west-1"].flatMap((r) =>
        (
          m.files.get(`${r}/ec2/describe-security-groups`) as {
            SecurityGroups: { IpPermissions: { IpRanges: { CidrIp: string }[]; FromPort: number }[] }[];
          }
        ).SecurityGroups.filter((g) =>
          g.IpPermissions.some((p) => p.FromPort !== 443 && p.IpRanges.some((x) => x.CidrIp === "0.0.0.0/0")),
        ),
      ).length;
      const unencrypted = [...m.files.keys()].filter((k) =>
        k.startsWith("global/s3api/get-bucket-encryption/"),
      ).length;
      const buckets = (m.files.get("global/s3api/list-buckets") as { Buckets: unknown[] }).Buckets.length;
      return {
        open,
        missingEncryption: buckets - unencrypted,
        passwordPolicy: m.files.get("global/iam/get-account-password-policy"),
      };
    };
    const clean = count(0);
    expect(clean.open).toBe(0);
    expect(clean.missingEncryption).toBe(0);
    expect(clean.passwordPolicy).toMatchObject({ PasswordPolicy: { MinimumPasswordLength: 14 } });
    const dirty = count(1);
    expect(dirty.open).toBeGreaterThan(5);
    expect(dirty.missingEncryption).toBe(10);
    expect(JSON.stringify(dirty.passwordPolicy)).not.toContain('"MinimumPasswordLength":14');
  });

  it("rejects options it cannot honour, with the field named", () => {
    expect(() => generateAccount({ seed: 1, misconfigurationRate: 2 })).toThrow(/misconfigurationRate/);
    expect(() => generateAccount({ seed: 1, accountId: "12" })).toThrow(/accountId/);
  });
});
