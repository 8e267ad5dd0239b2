import type { CheckOutcome } from "../check.ts";

/**
 * The IMDSv2 verdict over launch settings' `MetadataOptions` (a launch template's, a launch
 * configuration's): session tokens required, or the endpoint off, passes; anything else allows IMDSv1.
 */
export function imdsv2Outcome(
  options: { readonly metadataHttpTokens: string | null; readonly metadataHttpEndpoint: string | null },
  outcomes: { readonly required: CheckOutcome; readonly off: CheckOutcome; readonly optional: CheckOutcome },
): CheckOutcome {
  if (options.metadataHttpTokens === "required") return outcomes.required;
  return options.metadataHttpEndpoint === "disabled" ? outcomes.off : outcomes.optional;
}
