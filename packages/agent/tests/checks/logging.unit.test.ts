import { loggingCases } from "./cases/logging.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("logging", loggingCases);
