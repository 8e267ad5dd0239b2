import { ACCOUNT } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { endpoint } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.endpoint-neptune-iam-auth`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "Neptune target with IamAuthEnabled",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "neptune",
      NeptuneSettings: {
        ServiceAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/dms-neptune`,
        S3BucketName: "dms-neptune-staging",
        S3BucketFolder: "orders",
        IamAuthEnabled: true,
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "Neptune target without IAM authorization",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "neptune",
      NeptuneSettings: {
        S3BucketName: "dms-neptune-staging",
        S3BucketFolder: "orders",
        IamAuthEnabled: false,
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "a MySQL endpoint",
    asset: endpoint({}),
    expect: "n/a",
  },
];
