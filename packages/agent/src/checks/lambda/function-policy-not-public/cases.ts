import type { CheckCase } from "../../_cases/case.ts";
import { fn } from "../../_cases/lambda-vpc.ts";

const check = "vigil.lambda.function-policy-not-public";
const FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";
const policy = (statement: object) =>
  JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: [{ Sid: "s1", ...statement }] });
const S3_NOTIFICATIONS = policy({
  Effect: "Allow",
  Principal: { Service: "s3.amazonaws.com" },
  Action: "lambda:InvokeFunction",
  Resource: FUNCTION,
  Condition: {
    StringEquals: { "AWS:SourceAccount": "123456789012" },
    ArnLike: { "AWS:SourceArn": "arn:aws:s3:::orders-uploads" },
  },
});
const PUBLIC_URL = policy({
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunctionUrl",
  Resource: FUNCTION,
  Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
});

/** Compliant and non-compliant cases of `vigil.lambda.function-policy-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "no resource-based policy", asset: fn(), expect: "pass" },
  { check, name: "S3 notifications from one bucket", asset: fn(undefined, S3_NOTIFICATIONS), expect: "pass" },
  {
    check,
    name: "function URL with AuthType NONE",
    asset: fn(undefined, PUBLIC_URL),
    expect: "fail",
    evidence: /any principal/,
  },
];
