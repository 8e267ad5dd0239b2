import { scanningCheck } from "../scanning.ts";

export const lambdaCodeScanningEnabled = scanningCheck({
  name: "lambda-code-scanning-enabled",
  control: 3,
  what: "Lambda code scanning",
  field: "lambdaCodeStatus",
  resourceType: "LAMBDA_CODE",
  rationale:
    "It finds flaws in the function's own code (injection, leaked credentials, weak cryptography), not only in its packages.",
});
