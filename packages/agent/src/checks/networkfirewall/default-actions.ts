import { type CheckOutcome, fail, pass } from "../check.ts";

/** Security Hub's NetworkFirewall.4 / .5 pass on drop or forward to the stateful engine, fail on pass. */
const DROP_OR_FORWARD = new Set(["aws:drop", "aws:forward_to_sfe"]);

/** Whether a list of stateless default actions drops or forwards what no stateless rule matched. */
export function dropsOrForwards(actions: readonly string[], what: string): CheckOutcome {
  const standard = actions.find((a) => DROP_OR_FORWARD.has(a));
  return standard !== undefined
    ? pass(`the default action for ${what} is ${standard}`)
    : fail(`the default action for ${what} passes them without inspection`);
}
