import type { CheckCase } from "../../_cases/case.ts";
import { endpoint } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.endpoint-mongodb-auth-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.endpoint-mongodb-auth-enabled",
    name: "MongoDB with AuthType password",
    asset: endpoint({
      EngineName: "mongodb",
      MongoDbSettings: {
        AuthType: "password",
        AuthMechanism: "scram_sha_1",
        AuthSource: "admin",
        Username: "dms",
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-mongodb-auth-enabled",
    name: "MongoDB with AuthType no",
    asset: endpoint({ EngineName: "mongodb", MongoDbSettings: { AuthType: "no", NestingLevel: "none" } }),
    expect: "fail",
  },
];
