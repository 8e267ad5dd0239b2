import type { CheckCase } from "../../_cases/case.ts";
import { endpointCases } from "../../_cases/vpc-endpoints.ts";

/** Compliant and non-compliant cases of `vigil.ec2.vpc-interface-endpoint-ecr-api`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = endpointCases("vigil.ec2.vpc-interface-endpoint-ecr-api", "ecr.api");
