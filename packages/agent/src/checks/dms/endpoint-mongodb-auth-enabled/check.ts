import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the MongoDB endpoint authenticates with a password");
const OFF = fail("the MongoDB endpoint has authentication turned off (AuthType no)");
export const endpointMongodbAuthEnabled = defineCheck({
  id: "vigil.dms.endpoint-mongodb-auth-enabled",
  title: "DMS endpoints for MongoDB should have an authentication mechanism enabled",
  severity: "medium",
  resourceType: "aws.dms.endpoint",
  reads: ["engineName", "mongoDbAuthType"],
  rationale:
    "A MongoDB endpoint without authentication reads from a database that accepts anyone who can reach it.",
  remediation:
    "aws dms modify-endpoint --endpoint-arn <arn> --mongo-db-settings AuthType=password,AuthMechanism=scram_sha_1,Username=<user>,Password=<password>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-11",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MongoDB.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.11"] },
  evaluate: (asset) =>
    asset.config.engineName !== "mongodb" || asset.config.mongoDbAuthType === null
      ? undefined
      : asset.config.mongoDbAuthType === "no"
        ? OFF
        : ON,
});
