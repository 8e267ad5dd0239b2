import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("no active flow log is attached to the VPC");

export const vpcFlowLogsEnabled = defineCheck({
  id: "vigil.ec2.vpc-flow-logs-enabled",
  title: "VPC flow logging should be enabled in every VPC",
  severity: "medium",
  resourceType: "aws.ec2.vpc",
  reads: ["flowLogs"],
  rationale:
    "Flow logs are the record of who talked to what; without them, investigating exfiltration or lateral movement is guesswork.",
  remediation:
    "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type REJECT (or ALL) with a CloudWatch Logs or S3 destination.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.7"], fsbp: ["EC2.6"] },
  evaluate: (asset) => {
    for (const log of asset.config.flowLogs) {
      if (log.flowLogStatus === "ACTIVE" && log.trafficType !== "ACCEPT") {
        return pass(`flow log captures ${log.trafficType} traffic`);
      }
    }
    return NONE;
  },
});
