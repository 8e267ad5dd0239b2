import { defineCheck, fail, pass } from "../../check.ts";
import { LAMBDA_RUNTIME_DEPRECATED_AT, LAMBDA_RUNTIME_DEPRECATIONS } from "../runtimes.ts";

export const functionRuntimeSupported = defineCheck({
  id: "vigil.lambda.function-runtime-supported",
  title: "Lambda functions should use a supported runtime",
  severity: "medium",
  resourceType: "aws.lambda.function",
  reads: ["packageType", "runtime"],
  rationale:
    "Deprecated runtimes no longer receive security patches; functions on them keep running with known vulnerabilities and soon cannot be updated.",
  remediation:
    "Upgrade the function code to a supported runtime and aws lambda update-function-configuration --runtime <runtime>.",
  references: [
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2",
  ],
  mappings: { cis: [], fsbp: ["Lambda.2"] },
  evaluate: (asset, { now }) => {
    const runtime = asset.config.runtime;
    if (asset.config.packageType === "Image" || runtime === undefined) return undefined;
    const deprecatedAt = LAMBDA_RUNTIME_DEPRECATED_AT.get(runtime);
    if (deprecatedAt === undefined || now < deprecatedAt) return pass(`runtime ${runtime} is supported`);
    return fail(`runtime ${runtime} was deprecated on ${LAMBDA_RUNTIME_DEPRECATIONS[runtime]}`);
  },
});
