import { rdsCases } from "./cases/rds.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("rds", rdsCases);
