import { apigatewayCases } from "./cases/apigateway.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("apigateway", apigatewayCases);
