import { iamCases } from "./cases/iam.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("iam", iamCases);
