import { wafv2Cases } from "./cases/wafv2.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("wafv2", wafv2Cases);
