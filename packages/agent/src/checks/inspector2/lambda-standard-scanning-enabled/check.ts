import { scanningCheck } from "../scanning.ts";

export const lambdaStandardScanningEnabled = scanningCheck({
  name: "lambda-standard-scanning-enabled",
  control: 4,
  what: "Lambda standard scanning",
  field: "lambdaStatus",
  resourceType: "LAMBDA",
  rationale:
    "It finds vulnerable packages in functions and layers, which keep their dependencies frozen at deployment.",
});
