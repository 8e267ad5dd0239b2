import { ec2Cases } from "./cases/ec2.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("ec2", ec2Cases);
