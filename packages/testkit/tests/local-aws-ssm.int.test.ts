import {
  DeleteParameterCommand,
  DeleteParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  paginateGetParametersByPath,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../src/index.ts";

let aws: LocalAws<false>;
let ssm: SSMClient;
beforeAll(async () => {
  aws = await startLocalAws({ dynamodb: false });
  ssm = aws.clients.ssm;
});
afterAll(() => aws?.stop());

describe("the local stack's SSM Parameter Store (moto) through the real SDK client", () => {
  it("round-trips a SecureString, opaque without decryption", async () => {
    const before = Date.now();
    const put = await ssm.send(
      new PutParameterCommand({
        Name: "/vigil/integration/token",
        Value: "s3cr3t-token",
        Type: "SecureString",
        KeyId: "alias/vigil",
        Tags: [{ Key: "owner", Value: "vigil" }],
      }),
    );
    expect(put.Version).toBe(1);

    const encrypted = (await ssm.send(new GetParameterCommand({ Name: "/vigil/integration/token" })))
      .Parameter;
    expect(encrypted?.Type).toBe("SecureString");
    expect(encrypted?.Value).not.toContain("s3cr3t");
    expect(Buffer.from(encrypted?.Value ?? "", "base64").toString("utf8")).not.toContain("s3cr3t");

    const decrypted = (
      await ssm.send(new GetParameterCommand({ Name: "/vigil/integration/token", WithDecryption: true }))
    ).Parameter;
    expect(decrypted).toMatchObject({
      Name: "/vigil/integration/token",
      Value: "s3cr3t-token",
      Version: 1,
      ARN: "arn:aws:ssm:us-east-1:123456789012:parameter/vigil/integration/token",
    });
    expect(decrypted?.LastModifiedDate).toBeInstanceOf(Date);
    expect(decrypted?.LastModifiedDate?.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await expect(
      ssm.send(
        new PutParameterCommand({ Name: "/vigil/integration/token", Value: "x", Type: "SecureString" }),
      ),
    ).rejects.toBeInstanceOf(ParameterAlreadyExists);
    const overwritten = await ssm.send(
      new PutParameterCommand({ Name: "/vigil/integration/token", Value: "rotated", Overwrite: true }),
    );
    expect(overwritten.Version).toBe(2);
    const rotated = await ssm.send(
      new GetParametersCommand({ Names: ["/vigil/integration/token", "/nope"], WithDecryption: true }),
    );
    expect(rotated.Parameters?.map((p) => [p.Value, p.Version])).toEqual([["rotated", 2]]);
    expect(rotated.InvalidParameters).toEqual(["/nope"]);
  });

  it("pages through a path with the SDK paginator", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `/vigil/paged/p${i}`);
    await Promise.all(
      names.map((Name) => ssm.send(new PutParameterCommand({ Name, Value: Name, Type: "String" }))),
    );
    await ssm.send(
      new PutParameterCommand({ Name: "/vigil/paged/deeper/x", Value: "x", Type: "StringList" }),
    );

    const first = await ssm.send(new GetParametersByPathCommand({ Path: "/vigil/paged", MaxResults: 3 }));
    expect(first.Parameters).toHaveLength(3);
    expect(first.NextToken).toBeTypeOf("string");

    const pages: string[][] = [];
    for await (const page of paginateGetParametersByPath(
      { client: ssm, pageSize: 3 },
      { Path: "/vigil/paged" },
    )) {
      pages.push((page.Parameters ?? []).map((p) => p.Name ?? ""));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    // Every parameter exactly once (AWS promises no order).
    expect(pages.flat().sort()).toEqual(names);

    const recursive = await ssm.send(
      new GetParametersByPathCommand({ Path: "/vigil/paged/", Recursive: true }),
    );
    expect(recursive.Parameters?.map((p) => p.Name)).toContain("/vigil/paged/deeper/x");
  });

  it("deletes parameters and reports missing ones", async () => {
    await ssm.send(new PutParameterCommand({ Name: "/vigil/del/a", Value: "1", Type: "String" }));
    await ssm.send(new PutParameterCommand({ Name: "/vigil/del/b", Value: "2", Type: "String" }));
    await ssm.send(new DeleteParameterCommand({ Name: "/vigil/del/a" }));
    const error = await ssm.send(new GetParameterCommand({ Name: "/vigil/del/a" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterNotFound);
    expect((error as ParameterNotFound).$metadata.httpStatusCode).toBe(400);
    await expect(ssm.send(new DeleteParameterCommand({ Name: "/vigil/del/a" }))).rejects.toBeInstanceOf(
      ParameterNotFound,
    );

    const deleted = await ssm.send(
      new DeleteParametersCommand({ Names: ["/vigil/del/b", "/vigil/del/zzz"] }),
    );
    expect(deleted.DeletedParameters).toEqual(["/vigil/del/b"]);
    expect(deleted.InvalidParameters).toEqual(["/vigil/del/zzz"]);
  });
});
