import { lambdaVpcCases } from "./cases/lambda-vpc.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("lambda vpc", lambdaVpcCases);
