import type { DBProxy } from "@aws-sdk/client-rds";
import { rdsProxyAsset } from "../../../collectors/rds.ts";
import { ACCOUNT, REGION } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const check = "vigil.rds.db-proxy-requires-tls";
/** A `DescribeDBProxies` `DBProxies[]` entry. */
const PROXY: DBProxy = {
  DBProxyName: "orders-proxy",
  DBProxyArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db-proxy:prx-0123456789abcdef0`,
  Status: "available",
  EngineFamily: "POSTGRESQL",
  VpcId: "vpc-0a1b2c3d",
  VpcSecurityGroupIds: ["sg-0a1b2c3d4e5f60001"],
  VpcSubnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
  Auth: [
    {
      AuthScheme: "SECRETS",
      SecretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders-db-AbCdEf`,
      IAMAuth: "REQUIRED",
    },
  ],
  RoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-proxy`,
  Endpoint: `orders-proxy.proxy-abcdefghijkl.${REGION}.rds.amazonaws.com`,
  RequireTLS: true,
  IdleClientTimeout: 1800,
  DebugLogging: false,
};
const proxy = (over: Partial<DBProxy> = {}) =>
  rdsProxyAsset({ accountId: ACCOUNT, region: REGION, partition: "aws" }, { ...PROXY, ...over });

/** Compliant and non-compliant cases of `vigil.rds.db-proxy-requires-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "RequireTLS true", asset: proxy(), expect: "pass" },
  {
    check,
    name: "RequireTLS false",
    asset: proxy({ RequireTLS: false }),
    expect: "fail",
    evidence: /without TLS/,
  },
];
