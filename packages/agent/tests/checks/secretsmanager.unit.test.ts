import { secretsManagerCases } from "./cases/secretsmanager.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("secretsmanager", secretsManagerCases);
