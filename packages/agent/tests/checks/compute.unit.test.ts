import { computeCases } from "./cases/compute.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("compute", computeCases);
