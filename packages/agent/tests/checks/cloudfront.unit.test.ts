import { cloudfrontCases } from "./cases/cloudfront.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("cloudfront", cloudfrontCases);
