export type ChangeSetState =
  | { status: "ready"; changes: number }
  | { status: "no-changes" }
  | { status: "failed"; reason: string };

export type StackUpdateState = { ok: true; status: string } | { ok: false; status: string; reason: string };

/**
 * The CloudFormation operations a template update needs: a change set is created and inspected
 * before anything changes, so refusing (or failing) costs nothing but deleting it.
 */
export interface StackDeployer {
  createChangeSet(input: {
    stackName: string;
    changeSetName: string;
    /** The verified template text, passed inline so CloudFormation never re-reads the bucket. */
    templateBody: string;
  }): Promise<{ changeSetId: string }>;
  waitForChangeSet(changeSetId: string, stackName: string): Promise<ChangeSetState>;
  executeChangeSet(changeSetId: string, stackName: string): Promise<void>;
  /** Waits for the stack update to settle; CloudFormation rolls back a failed update itself. */
  waitForStackUpdate(stackName: string): Promise<StackUpdateState>;
  deleteChangeSet(changeSetId: string, stackName: string): Promise<void>;
}

/** CloudFormation's limit for an inline template body. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;
