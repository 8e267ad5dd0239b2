/**
 * Discovery under AWS's rate limits: `npx tsx packages/agent/bench/throttle.ts [--instances N] [--groups N]`.
 * 17 regions, 10,000 instances, 2,000 security groups on the simulated account, on virtual time.
 */
import { createSimulatedAccount, generateAccount } from "@vigil/testkit";
import { benchAccountFactory, renderThrottleBench, runThrottleBench } from "../src/index.ts";

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const account = benchAccountFactory(
    { generateAccount, createSimulatedAccount },
    { instances: arg("--instances"), securityGroups: arg("--groups") },
  );
  console.log(renderThrottleBench(await runThrottleBench({ account })));
}
