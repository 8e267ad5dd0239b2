import { describe, expect, it } from "vitest";
import { AccountReader, ReadDescriptionError } from "../../src/index.ts";

/** An AWS SDK error as the clients throw it. */
function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

function recording(strict = false) {
  const files = new Map<string, unknown>();
  return { files, read: new AccountReader((path, body) => files.set(path, body), { strict }) };
}

describe("AccountReader reads as the AWS reads description says", () => {
  it("a per-resource 'nothing configured' error (from the description) is no file and no problem", async () => {
    const { files, read } = recording();
    const out = await read.one(
      { scope: "global", service: "s3api", command: "get-bucket-policy", resource: "b" },
      () => Promise.reject(awsError("NoSuchBucketPolicy", "The bucket policy does not exist")),
    );
    expect(out).toMatchObject({ ok: false, kind: "not-configured", call: "s3:GetBucketPolicy" });
    expect(files.size).toBe(0);
    expect(read.failed).toEqual([]);
  });

  it("an account-wide 'nothing configured' error is kept as its error file", async () => {
    const { files, read } = recording();
    const out = await read.one(
      { scope: "global", service: "iam", command: "get-account-password-policy" },
      () => Promise.reject(awsError("NoSuchEntity", "The Password Policy cannot be found.")),
    );
    expect(out).toMatchObject({ ok: false, kind: "not-configured" });
    expect(files.get("global/iam/get-account-password-policy")).toEqual({
      Error: { Code: "NoSuchEntity", Message: "The Password Policy cannot be found." },
    });
  });

  it("the same code on another read is a failure, not 'nothing configured'", async () => {
    const { read } = recording();
    const out = await read.one({ scope: "global", service: "iam", command: "get-account-summary" }, () =>
      Promise.reject(awsError("NoSuchEntity")),
    );
    expect(out).toMatchObject({ ok: false, kind: "error" });
    expect(read.failed.map((f) => f.path)).toEqual(["global/iam/get-account-summary"]);
  });

  it("a code that also means denied is 'nothing configured' only with the described message", async () => {
    const ref = { scope: "us-east-1", service: "macie2", command: "get-macie-session" };
    const { read } = recording();
    const off = await read.one(ref, () =>
      Promise.reject(awsError("AccessDeniedException", "Macie is not enabled.")),
    );
    const denied = await read.one(ref, () =>
      Promise.reject(
        awsError("AccessDeniedException", "User is not authorized to perform: macie2:GetMacieSession"),
      ),
    );
    expect(off).toMatchObject({ ok: false, kind: "not-configured" });
    expect(denied).toMatchObject({ ok: false, kind: "denied" });
  });

  it("strict: an undescribed read, or one read otherwise than described, throws before any call", async () => {
    const { read } = recording(true);
    let calls = 0;
    const call = async () => {
      calls++;
      return {};
    };
    await expect(
      read.one({ scope: "us-east-1", service: "ec2", command: "describe-hosts" }, call),
    ).rejects.toThrow(ReadDescriptionError);
    // describe-instances is paginated: read as one call it would miss every page but the first.
    await expect(
      read.one({ scope: "us-east-1", service: "ec2", command: "describe-instances" }, call),
    ).rejects.toThrow(/described as paginated but was read as one call/);
    await expect(
      read.one({ scope: "global", service: "ec2", command: "get-ebs-encryption-by-default" }, call),
    ).rejects.toThrow(/described as regional but was read under global/);
    await expect(
      read.one({ scope: "global", service: "iam", command: "get-login-profile" }, call),
    ).rejects.toThrow(/described per user name but was read once/);
    expect(calls).toBe(0);
    // Not strict (the deployed agent): the read is made.
    const lenient = new AccountReader();
    expect(
      await lenient.one({ scope: "us-east-1", service: "ec2", command: "describe-hosts" }, call),
    ).toMatchObject({
      ok: true,
    });
  });

  it("strict: a described paginated read merges its pages", async () => {
    const { files, read } = recording(true);
    async function* pages() {
      yield { Vpcs: [{ VpcId: "vpc-1" }], NextToken: "t" };
      yield { Vpcs: [{ VpcId: "vpc-2" }] };
    }
    const out = await read.pages({ scope: "us-east-1", service: "ec2", command: "describe-vpcs" }, pages);
    expect(out).toMatchObject({ ok: true, value: { Vpcs: [{ VpcId: "vpc-1" }, { VpcId: "vpc-2" }] } });
    expect(files.get("us-east-1/ec2/describe-vpcs")).toEqual({
      Vpcs: [{ VpcId: "vpc-1" }, { VpcId: "vpc-2" }],
    });
  });
});
