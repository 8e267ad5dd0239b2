import { CATALOGUE } from "../checks/catalogue.ts";
import { AWS_FSBP } from "./aws-fsbp.ts";
import { CIS_AWS_5_0 } from "./cis-aws-5.0.ts";
import { type Framework, type FrameworkDefinition, mapFramework } from "./framework.ts";

export * from "./framework.ts";
export { AWS_FSBP, CIS_AWS_5_0 };

/** The frameworks Vigil scores an account against. */
export const FRAMEWORK_DEFINITIONS: readonly FrameworkDefinition[] = [CIS_AWS_5_0, AWS_FSBP];

export function frameworkById(id: string): Framework | undefined {
  const definition = FRAMEWORK_DEFINITIONS.find((f) => f.id === id);
  return definition ? mapFramework(definition, CATALOGUE) : undefined;
}

export const FRAMEWORK_IDS: readonly string[] = FRAMEWORK_DEFINITIONS.map((f) => f.id);
