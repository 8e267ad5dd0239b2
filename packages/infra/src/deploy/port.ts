/** What a deploy needs from AWS, as a small port: the SDK adapter is in `aws.ts`. */

export interface StackChange {
  readonly action: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly replacement?: string;
}

export interface ChangeSetRequest {
  readonly stackName: string;
  readonly templateUrl: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

export interface DeployTarget {
  uploadArtifact(bucket: string, key: string, body: Uint8Array, sha256Hex: string): Promise<void>;
  /** Points the function at new code and waits until the update is live; returns the deployed code hash. */
  updateFunctionCode(functionName: string, bucket: string, key: string): Promise<{ codeSha256: string }>;
  /**
   * Publishes `$LATEST` as a version, only if it still holds `codeSha256` (Lambda's base64 hash, as
   * `updateFunctionCode` returns it), and points `alias` at that version.
   */
  publishToAlias(
    functionName: string,
    alias: string,
    input: { readonly codeSha256: string; readonly description: string },
  ): Promise<{ functionVersion: string }>;
  /**
   * Creates a change set and waits for it; `changes` is what executing it would do. `unchanged`: the
   * stack already is what the change set asks (CloudFormation fails such a change set); nothing to execute.
   */
  createChangeSet(
    request: ChangeSetRequest,
  ): Promise<{ changeSetId: string; changes: StackChange[]; unchanged?: boolean }>;
  /**
   * Executes the change set and waits until the stack settles; throws (naming the resource that
   * failed and why) when it rolled back or failed, so a deploy never reports what did not happen.
   */
  executeChangeSet(changeSetId: string, stackName: string): Promise<{ stackStatus: string }>;
  deleteChangeSet(changeSetId: string): Promise<void>;
}
