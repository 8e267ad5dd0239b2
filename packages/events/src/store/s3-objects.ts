import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/**
 * The two S3 calls a claim check makes. Loaded with `import()` on the first payload parked or
 * fetched, so a process whose events all fit (the agent, almost always) never loads S3's client.
 */
export async function putJsonObject(s3: S3Client, bucket: string, key: string, body: string): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/json" }),
  );
}

export async function getObjectText(s3: S3Client, bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString("utf-8")) ?? "";
}
