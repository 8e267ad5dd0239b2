import { defineCheck, fail, pass } from "../../check.ts";

const HVM = pass("the instance uses HVM virtualization");
const PARAVIRTUAL = fail("the instance uses paravirtual (PV) virtualization");

export const instanceNotParavirtual = defineCheck({
  id: "vigil.ec2.instance-not-paravirtual",
  title: "Amazon EC2 paravirtual instance types should not be used",
  severity: "medium",
  resourceType: "aws.ec2.instance",
  reads: ["state", "virtualizationType"],
  rationale:
    "Paravirtual (PV) AMIs run only on previous-generation instance types, without enhanced networking, current hardware or the Nitro system's protections; HVM is what AWS supports going forward.",
  remediation:
    "Move the workload to an HVM AMI: launch a replacement instance of a current-generation type from an HVM image (aws ec2 run-instances --image-id <hvm-ami> ...), then retire the PV instance.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-24",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ComponentsAMIs.html#virtualization_types",
  ],
  mappings: { cis: [], fsbp: ["EC2.24"] },
  evaluate: (asset) => {
    const { state, virtualizationType } = asset.config;
    if (state === "terminated" || virtualizationType === undefined) return undefined;
    return virtualizationType === "paravirtual" ? PARAVIRTUAL : HVM;
  },
});
