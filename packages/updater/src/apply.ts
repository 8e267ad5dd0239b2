import type { ReleaseFunction } from "@vigil/events";
import { type FunctionDeployer, LIVE_ALIAS, type LiveFunction } from "./function-deployer/port.ts";
import { MAX_TEMPLATE_BODY_BYTES, type StackDeployer } from "./stack-deployer/port.ts";

/** One function to move to the new release, with its verified package. */
export interface FunctionPlan {
  function: ReleaseFunction;
  functionName: string;
  previous: LiveFunction;
  zip: Buffer;
  sha256: string;
}

export type FunctionApplyResult =
  | { ok: true; applied: FunctionPlan[] }
  | {
      ok: false;
      failed: ReleaseFunction;
      detail: string;
      /** Functions whose alias was moved and then moved back. */
      restored: FunctionPlan[];
      /** Functions whose alias could not be moved back: someone must act. */
      stranded: { plan: FunctionPlan; error: string }[];
    };

/**
 * Move each function to `version`: upload the verified package, publish a version pinned to its
 * hash, point `live` at it, and ask the function whether it is healthy. Any failure moves every
 * alias already switched back to where it was; `$LATEST` is left as is (no traffic reaches it).
 */
export async function applyFunctions(
  deployer: FunctionDeployer,
  plans: readonly FunctionPlan[],
  version: string,
): Promise<FunctionApplyResult> {
  const moved: FunctionPlan[] = [];
  let current: FunctionPlan | undefined;
  try {
    for (const plan of plans) {
      current = plan;
      const code = await deployer.updateFunctionCode(plan.functionName, plan.zip);
      if (code.codeSha256 !== plan.sha256)
        throw new Error(
          `Lambda stored code with SHA-256 ${code.codeSha256} for ${plan.functionName}, not the verified ${plan.sha256}`,
        );
      const published = await deployer.publishVersion(plan.functionName, {
        codeSha256: plan.sha256,
        releaseVersion: version,
      });
      await deployer.updateAlias(plan.functionName, LIVE_ALIAS, {
        functionVersion: published.functionVersion,
        releaseVersion: version,
      });
      moved.push(plan);
      const health = await deployer.invokeHealthCheck(plan.functionName, LIVE_ALIAS, version);
      if (!health.ok)
        throw new Error(`health check of ${plan.functionName} at ${version} failed: ${health.detail}`);
    }
    return { ok: true, applied: moved };
  } catch (error) {
    const stranded: { plan: FunctionPlan; error: string }[] = [];
    const restored: FunctionPlan[] = [];
    for (const plan of moved.reverse()) {
      try {
        await deployer.updateAlias(plan.functionName, LIVE_ALIAS, plan.previous);
        restored.push(plan);
      } catch (e) {
        stranded.push({ plan, error: (e as Error).message });
      }
    }
    return {
      ok: false,
      failed: current?.function ?? "agent",
      detail: (error as Error).message,
      restored,
      stranded,
    };
  }
}

export type TemplateApplyResult =
  | { ok: true; changed: boolean }
  | { ok: false; executed: boolean; detail: string };

/**
 * Apply a verified template through a change set: create it, wait, and execute only when it is
 * valid; otherwise delete it, so a refused or failing template changes nothing. A failing
 * execution is rolled back by CloudFormation itself.
 */
export async function applyTemplate(
  deployer: StackDeployer,
  input: { stackName: string; changeSetName: string; template: Buffer },
): Promise<TemplateApplyResult> {
  if (input.template.byteLength > MAX_TEMPLATE_BODY_BYTES)
    return {
      ok: false,
      executed: false,
      detail: `template is ${input.template.byteLength} bytes, over CloudFormation's ${MAX_TEMPLATE_BODY_BYTES}-byte inline limit; apply this release with the published template`,
    };
  const { changeSetId } = await deployer.createChangeSet({
    stackName: input.stackName,
    changeSetName: input.changeSetName,
    templateBody: input.template.toString("utf8"),
  });
  const state = await deployer.waitForChangeSet(changeSetId, input.stackName);
  if (state.status !== "ready") {
    await deployer.deleteChangeSet(changeSetId, input.stackName);
    return state.status === "no-changes"
      ? { ok: true, changed: false }
      : { ok: false, executed: false, detail: `change set failed: ${state.reason}` };
  }
  await deployer.executeChangeSet(changeSetId, input.stackName);
  const update = await deployer.waitForStackUpdate(input.stackName);
  return update.ok
    ? { ok: true, changed: true }
    : { ok: false, executed: true, detail: `stack update ended ${update.status}: ${update.reason}` };
}
