import { describe, expect, it } from "vitest";
import { sageMakerNotebookInstanceAsset } from "../../src/collectors/index.ts";

describe("the SageMaker notebook instance asset", () => {
  it("keeps the instance, as listed, when DescribeNotebookInstance failed", () => {
    const arn = "arn:aws:sagemaker:eu-west-1:123456789012:notebook-instance/research";
    const asset = sageMakerNotebookInstanceAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      { NotebookInstanceName: "research", NotebookInstanceArn: arn },
      {
        ok: false,
        kind: "error",
        code: "ThrottlingException",
        message: "Rate exceeded",
        call: "sagemaker:DescribeNotebookInstance",
      },
    );
    expect(asset.arn).toBe(arn);
    expect(asset.config).toEqual({ notebookInstanceName: "research" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "directInternetAccess",
      "rootAccess",
      "subnetId",
    ]);
    expect(asset.unread?.rootAccess?.kind).toBe("throttled");
  });
});
