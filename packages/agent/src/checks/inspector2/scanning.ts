import type { AssetOf } from "../../assets/index.ts";
import { defineCheck, fail, pass } from "../check.ts";

type Config = AssetOf<"aws.inspector2.account-settings">["config"];

/** One check per resource type Inspector scans, FSBP's `Inspector.<control>`. */
export function scanningCheck(spec: {
  readonly name: string;
  readonly control: number;
  /** As FSBP's title names it: `Amazon Inspector <what> should be enabled`. */
  readonly what: string;
  readonly field: "ec2Status" | "ecrStatus" | "lambdaStatus" | "lambdaCodeStatus";
  /** `inspector2 enable --resource-types` value. */
  readonly resourceType: string;
  readonly rationale: string;
}) {
  const on = pass(`Inspector ${spec.what} is enabled in this region`);
  const off = fail(`Inspector ${spec.what} is not enabled in this region`);
  return defineCheck({
    id: `vigil.inspector2.${spec.name}`,
    title: `Amazon Inspector ${spec.what} should be enabled`,
    severity: "high",
    resourceType: "aws.inspector2.account-settings",
    reads: [spec.field],
    rationale: spec.rationale,
    remediation: `aws inspector2 enable --resource-types ${spec.resourceType} --account-ids <account-id>`,
    references: [
      `https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-${spec.control}`,
    ],
    mappings: { cis: [], fsbp: [`Inspector.${spec.control}`] },
    evaluate: (asset) => ((asset.config as Config)[spec.field] === "ENABLED" ? on : off),
  });
}
