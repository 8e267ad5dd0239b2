import { acmCases } from "./cases/acm.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("acm", acmCases);
