import type { ChangeSetState, StackDeployer, StackUpdateState } from "./port.ts";

/** An in-memory stack: one template body, change sets that can be made to fail. */
export class FakeStackDeployer implements StackDeployer {
  template: string;
  readonly calls: string[] = [];
  private readonly changeSets = new Map<string, { body: string; deleted: boolean }>();
  /** Set to make the next change set fail validation, or the next execution fail (and roll back). */
  failChangeSet: string | undefined;
  failExecution: string | undefined;

  constructor(initialTemplate = "{}") {
    this.template = initialTemplate;
  }

  liveChangeSets(): number {
    return [...this.changeSets.values()].filter((c) => !c.deleted).length;
  }

  async createChangeSet(input: { stackName: string; changeSetName: string; templateBody: string }) {
    this.calls.push(`createChangeSet ${input.changeSetName}`);
    const changeSetId = `arn:fake:changeSet/${input.changeSetName}`;
    this.changeSets.set(changeSetId, { body: input.templateBody, deleted: false });
    return { changeSetId };
  }

  async waitForChangeSet(changeSetId: string): Promise<ChangeSetState> {
    const cs = this.changeSets.get(changeSetId);
    if (!cs) return { status: "failed", reason: "no such change set" };
    if (this.failChangeSet) {
      const reason = this.failChangeSet;
      this.failChangeSet = undefined;
      return { status: "failed", reason };
    }
    return cs.body === this.template ? { status: "no-changes" } : { status: "ready", changes: 1 };
  }

  private executing: string | undefined;

  async executeChangeSet(changeSetId: string): Promise<void> {
    this.calls.push("executeChangeSet");
    this.executing = this.changeSets.get(changeSetId)?.body;
    this.changeSets.delete(changeSetId);
  }

  async waitForStackUpdate(): Promise<StackUpdateState> {
    if (this.failExecution) {
      const reason = this.failExecution;
      this.failExecution = undefined;
      return { ok: false, status: "UPDATE_ROLLBACK_COMPLETE", reason };
    }
    if (this.executing !== undefined) this.template = this.executing;
    return { ok: true, status: "UPDATE_COMPLETE" };
  }

  async deleteChangeSet(changeSetId: string): Promise<void> {
    this.calls.push("deleteChangeSet");
    const cs = this.changeSets.get(changeSetId);
    if (cs) cs.deleted = true;
  }
}
