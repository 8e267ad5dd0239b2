import { elbCases } from "./cases/elb.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("elb", elbCases);
