import { s3Cases } from "./cases/s3.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("s3", s3Cases);
