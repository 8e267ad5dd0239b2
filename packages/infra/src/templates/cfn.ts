/** A small typed vocabulary for CloudFormation JSON: templates are plain data, rendered as JSON. */

export type Intrinsic =
  | { readonly Ref: string }
  | { readonly "Fn::GetAtt": readonly [string, string] }
  | { readonly "Fn::Sub": string }
  | { readonly "Fn::If": readonly [string, unknown, unknown] }
  | { readonly "Fn::Join": readonly [string, readonly unknown[]] }
  | { readonly "Fn::Equals": readonly [unknown, unknown] }
  | { readonly "Fn::Not": readonly [unknown] };

export interface CfnParameter {
  readonly Type: string;
  readonly Description: string;
  readonly Default?: string | number;
  readonly AllowedValues?: readonly string[];
  readonly AllowedPattern?: string;
  readonly ConstraintDescription?: string;
  readonly NoEcho?: boolean;
  readonly MinLength?: number;
  readonly MaxLength?: number;
  readonly MinValue?: number;
  readonly MaxValue?: number;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: readonly string[];
  readonly DeletionPolicy?: "Delete" | "Retain" | "Snapshot";
  readonly UpdateReplacePolicy?: "Delete" | "Retain" | "Snapshot";
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnOutput {
  readonly Description: string;
  readonly Value: unknown;
  readonly Condition?: string;
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion: "2010-09-09";
  readonly Description: string;
  readonly Metadata?: Record<string, unknown>;
  readonly Parameters?: Record<string, CfnParameter>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, CfnOutput>;
}

export const ref = (name: string) => ({ Ref: name }) as const;
export const getAtt = (resource: string, attribute: string) =>
  ({ "Fn::GetAtt": [resource, attribute] as const }) as const;
export const sub = (text: string) => ({ "Fn::Sub": text }) as const;
export const ifThen = (condition: string, then: unknown, otherwise: unknown) =>
  ({ "Fn::If": [condition, then, otherwise] as const }) as const;
export const equals = (a: unknown, b: unknown) => ({ "Fn::Equals": [a, b] as const }) as const;
export const not = (c: unknown) => ({ "Fn::Not": [c] as const }) as const;
export const noValue = ref("AWS::NoValue");

/** `agent` → `Agent`, for logical ids. */
export function pascal(name: string): string {
  return name
    .split(/[-_]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("");
}

/** Stable, readable JSON: what `vigil templates` writes and what the validator reads. */
export function renderTemplate(template: CfnTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
