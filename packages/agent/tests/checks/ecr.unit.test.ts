import { describe, expect, it } from "vitest";
import { ecrRepositoryAsset } from "../../src/collectors/index.ts";

describe("the ECR repository asset", () => {
  const where = { accountId: "123456789012", region: "us-east-1", partition: "aws" };
  const denied = (call: string) => ({
    ok: false as const,
    kind: "denied" as const,
    code: "AccessDeniedException",
    message: "no",
    call,
  });
  it("decides scanning from the repository alone when it scans on push, whatever the registry read gave", () => {
    const asset = ecrRepositoryAsset(
      where,
      { repositoryName: "a", imageScanningConfiguration: { scanOnPush: true } },
      denied("ecr:GetRegistryScanningConfiguration"),
      denied("ecr:GetLifecyclePolicy"),
      { ok: true, value: {} },
    );
    expect(asset.config.imageScanning).toBe(true);
    expect(asset.config.policyPublic).toBe(false);
    expect(Object.keys(asset.unread ?? {})).toEqual(["hasLifecyclePolicy"]);
  });
  it("leaves scanning unread when the repository does not scan on push and the registry read failed", () => {
    const asset = ecrRepositoryAsset(
      where,
      { repositoryName: "a", imageScanningConfiguration: { scanOnPush: false } },
      denied("ecr:GetRegistryScanningConfiguration"),
      { ok: true, value: {} },
      { ok: true, value: {} },
    );
    expect(asset.config.imageScanning).toBeUndefined();
    expect(asset.unread?.imageScanning?.call).toBe("ecr:GetRegistryScanningConfiguration");
  });
});
