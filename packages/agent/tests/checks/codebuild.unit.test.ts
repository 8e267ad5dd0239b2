import { describe, expect, it } from "vitest";
import { codeBuildProjectAsset, codeBuildReportGroupAsset } from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "eu-west-1", partition: "aws" };

describe("the CodeBuild assets", () => {
  it("keep the project, named from the listing, when BatchGetProjects failed", () => {
    const asset = codeBuildProjectAsset(WHERE, "api-build", {
      ok: false,
      kind: "denied",
      code: "AccessDeniedException",
      message: "not authorized to perform: codebuild:BatchGetProjects",
      call: "codebuild:BatchGetProjects",
    });
    expect(asset.arn).toBe("arn:aws:codebuild:eu-west-1:123456789012:project/api-build");
    expect(asset.config).toEqual({ projectName: "api-build" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "cloudWatchLogsEnabled",
      "plaintextCredentialVariables",
      "privilegedMode",
      "s3LogsEnabled",
      "s3LogsEncryptionDisabled",
      "sourceUrlHasCredentials",
    ]);
  });

  it("mark a project BatchGetProjects did not find unread, never guessed", () => {
    const asset = codeBuildProjectAsset(WHERE, "gone", {
      ok: true,
      value: { projects: [] },
    });
    expect(asset.config).toEqual({ projectName: "gone" });
    expect(asset.unread?.privilegedMode?.code).toBe("ResourceNotFoundException");
  });

  it("keep the report group when BatchGetReportGroups failed", () => {
    const arn = "arn:aws:codebuild:eu-west-1:123456789012:report-group/api-tests";
    const asset = codeBuildReportGroupAsset(WHERE, arn, {
      ok: false,
      kind: "error",
      code: "InternalFailure",
      message: "boom",
      call: "codebuild:BatchGetReportGroups",
    });
    expect(asset.name).toBe("api-tests");
    expect(asset.config).toEqual({ reportGroupName: "api-tests" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["exportConfigType", "exportEncryptionDisabled"]);
  });
});
