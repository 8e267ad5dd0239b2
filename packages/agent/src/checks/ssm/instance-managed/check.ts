import { defineCheck, fail, pass } from "../../check.ts";

const MANAGED = pass("the instance is a node Systems Manager manages");
const UNMANAGED = fail("the running instance is not managed by Systems Manager");

export const instanceManaged = defineCheck({
  id: "vigil.ssm.instance-managed",
  title: "EC2 instances should be managed by AWS Systems Manager",
  severity: "medium",
  resourceType: "aws.ssm.instance",
  reads: ["instanceState", "managed"],
  rationale:
    "An instance Systems Manager does not manage gets no Patch Manager runs, no inventory and no compliance reporting, and is reached over SSH keys instead of audited sessions.",
  remediation:
    "aws ec2 associate-iam-instance-profile --instance-id <id> --iam-instance-profile Name=<profile with AmazonSSMManagedInstanceCore> (the SSM Agent must run and reach the SSM endpoints)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-1",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/managed_instances.html",
  ],
  mappings: { cis: [], fsbp: ["SSM.1"] },
  // Only a running instance can check in; a stopped one is decided when it runs again.
  evaluate: (asset) => {
    if (asset.config.instanceState !== "running") return undefined;
    return asset.config.managed ? MANAGED : UNMANAGED;
  },
});
