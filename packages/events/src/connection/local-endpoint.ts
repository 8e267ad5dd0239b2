/**
 * Client configuration for the CLI's tools (`vigil replay`, `vigil dlq`): on a loopback endpoint
 * (the local stack: DynamoDB Local, fauxqs), which takes any region and credentials, `--endpoint`
 * alone works; a remote endpoint gets nothing made up — the SDK's chain (or the profile) answers,
 * or says what is missing.
 */
export interface ToolConnection {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly profile?: string | undefined;
}

export function toolClientConfig(connection: ToolConnection): {
  region?: string;
  endpoint?: string;
  profile?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
} {
  const local = connection.endpoint !== undefined && isLoopback(connection.endpoint);
  const region = connection.region ?? (local ? "us-east-1" : undefined);
  return {
    ...(region ? { region } : {}),
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(connection.profile ? { profile: connection.profile } : {}),
    ...(local && !connection.profile && !process.env.AWS_ACCESS_KEY_ID
      ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  };
}

export function isLoopback(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
