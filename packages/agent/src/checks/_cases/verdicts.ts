import type { CheckCase } from "./case.ts";

/** A check's passing and failing case, each `[name, asset]`. */
export const both = (
  check: string,
  passing: [string, CheckCase["asset"]],
  failing: [string, CheckCase["asset"]],
): CheckCase[] => [
  { check, name: passing[0], asset: passing[1], expect: "pass" },
  { check, name: failing[0], asset: failing[1], expect: "fail" },
];
