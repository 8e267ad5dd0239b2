/**
 * SSM parameters the integration reads at run time, under `/vigil/<integrationId>/`. Infra creates
 * them in the stack and testkit creates them locally; the agent and updater read them by path.
 */

export interface ParameterDefinition {
  /** Relative to the integration's prefix. */
  readonly key: string;
  readonly description: string;
  /** Value used when nothing else is given (the stack's parameter or the local default). */
  readonly defaultValue: string;
}

export const PARAMETER_ROOT = "/vigil";

export const integrationParameters: readonly ParameterDefinition[] = [
  {
    key: "platform-url",
    description: "Base URL of the Vigil control plane",
    defaultValue: "http://localhost:8787",
  },
  { key: "enabled-regions", description: "Regions to scan, comma separated, or `all`", defaultValue: "all" },
  { key: "scan-schedule", description: "EventBridge schedule of full scans", defaultValue: "rate(12 hours)" },
  { key: "release-channel", description: "Update channel the updater follows", defaultValue: "stable" },
  { key: "ebs-scanning", description: "Whether EBS volume scanning is enabled", defaultValue: "false" },
];

export function parameterPrefixFor(integrationId: string): string {
  return `${PARAMETER_ROOT}/${integrationId}`;
}

export function parameterNameFor(integrationId: string, key: string): string {
  return `${parameterPrefixFor(integrationId)}/${key}`;
}
