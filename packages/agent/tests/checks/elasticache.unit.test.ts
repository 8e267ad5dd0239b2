import { elastiCacheCases } from "./cases/elasticache.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("elasticache", elastiCacheCases);
