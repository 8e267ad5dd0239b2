/**
 * The template's own parameter constraints, checked before anything is uploaded or a change set is
 * created: CloudFormation would refuse the same values, but only after the upload and with a
 * less helpful message. The checks are CloudFormation's: AllowedPattern matches the whole value,
 * AllowedValues, Min/MaxLength, and Number with Min/MaxValue.
 */
import type { CfnParameter } from "../templates/cfn.ts";

export interface ParameterProblem {
  readonly parameter: string;
  readonly message: string;
}

type ParameterDeclarations = Readonly<Record<string, CfnParameter & { readonly MaxLength?: number }>>;

/** Every problem with `values` against the template's `Parameters`; empty when CloudFormation would accept them. */
export function stackParameterProblems(
  template: { readonly Parameters?: ParameterDeclarations },
  values: Readonly<Record<string, string>>,
): ParameterProblem[] {
  const declared = template.Parameters ?? {};
  const problems: ParameterProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const p = declared[name];
    if (!p) {
      problems.push({ parameter: name, message: `${name} is not a parameter of the template` });
      continue;
    }
    const shown = p.NoEcho ? "(hidden)" : JSON.stringify(value);
    const refuse = (why: string) =>
      problems.push({
        parameter: name,
        message: `${name} ${shown} is refused: ${p.ConstraintDescription ?? why}`,
      });
    if (p.AllowedValues && !p.AllowedValues.includes(value))
      refuse(`must be one of ${p.AllowedValues.join(", ")}`);
    if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value))
      refuse(`must match ${p.AllowedPattern}`);
    if (p.MinLength !== undefined && value.length < p.MinLength)
      refuse(`must be at least ${p.MinLength} characters`);
    if (p.MaxLength !== undefined && value.length > p.MaxLength)
      refuse(`must be at most ${p.MaxLength} characters`);
    if (p.Type === "Number") {
      const n = Number(value);
      if (value.trim() === "" || Number.isNaN(n)) refuse("must be a number");
      else if ((p.MinValue !== undefined && n < p.MinValue) || (p.MaxValue !== undefined && n > p.MaxValue))
        refuse(`must be between ${p.MinValue ?? "-∞"} and ${p.MaxValue ?? "∞"}`);
    }
  }
  return problems;
}
