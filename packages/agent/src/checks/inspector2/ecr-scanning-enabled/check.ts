import { scanningCheck } from "../scanning.ts";

export const ecrScanningEnabled = scanningCheck({
  name: "ecr-scanning-enabled",
  control: 2,
  what: "ECR scanning",
  field: "ecrStatus",
  resourceType: "ECR",
  rationale: "Inspector scans images pushed to ECR and rescans them as new vulnerabilities are published.",
});
