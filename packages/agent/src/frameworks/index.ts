import { CATALOGUE } from "../checks/catalogue.ts";
import { AWS_FSBP } from "./aws-fsbp.ts";
import { CIS_AWS_5_0 } from "./cis-aws-5.0.ts";
import { type Framework, type FrameworkDefinition, mapFramework } from "./framework.ts";
import { ISO_27001_2022 } from "./iso-27001-2022.ts";
import { NIST_800_53_R5 } from "./nist-800-53-r5.ts";
import { PCI_DSS_4_0 } from "./pci-dss-4.0.ts";
import { SOC2 } from "./soc2.ts";

export * from "./framework.ts";
export { PROWLER_CHECKS_OUTSIDE_FRAMEWORKS, PROWLER_EQUIVALENTS } from "./prowler-equivalents.ts";
export { AWS_FSBP, CIS_AWS_5_0, ISO_27001_2022, NIST_800_53_R5, PCI_DSS_4_0, SOC2 };

/** The frameworks Vigil scores an account against. */
export const FRAMEWORK_DEFINITIONS: readonly FrameworkDefinition[] = [
  CIS_AWS_5_0,
  AWS_FSBP,
  PCI_DSS_4_0,
  NIST_800_53_R5,
  SOC2,
  ISO_27001_2022,
];

export function frameworkById(id: string): Framework | undefined {
  const definition = FRAMEWORK_DEFINITIONS.find((f) => f.id === id);
  return definition ? mapFramework(definition, CATALOGUE) : undefined;
}

export const FRAMEWORK_IDS: readonly string[] = FRAMEWORK_DEFINITIONS.map((f) => f.id);
