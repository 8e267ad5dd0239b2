import type {
  AccessPoint,
  MultiRegionAccessPointReport,
  PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3-control";
import { s3AccessPointAsset, s3MultiRegionAccessPointAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export { ALL_BLOCKED } from "./s3.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `ListAccessPoints` `AccessPointList[]` member. */
const POINT: AccessPoint = {
  Name: "analytics",
  NetworkOrigin: "Internet",
  Bucket: "team-data",
  AccessPointArn: `arn:aws:s3:${REGION}:${ACCOUNT}:accesspoint/analytics`,
  Alias: "analytics-abcdefghijklmnopqrstuvwxyz012-s3alias",
  BucketAccountId: ACCOUNT,
};

/** An access point whose `GetAccessPoint` answered with `block` (none: AWS sent no configuration). */
export const accessPoint = (block?: PublicAccessBlockConfiguration) =>
  s3AccessPointAsset(WHERE, POINT, {
    ok: true,
    value: block === undefined ? {} : { PublicAccessBlockConfiguration: block },
  });

/** `ListMultiRegionAccessPoints` `AccessPoints[]` member with `block`. */
export const multiRegionAccessPoint = (block?: PublicAccessBlockConfiguration) => {
  const report: MultiRegionAccessPointReport = {
    Name: "global-data",
    Alias: "mfzwi23gnjvgw.mrap",
    CreatedAt: new Date("2025-03-01T00:00:00Z"),
    Status: "READY",
    Regions: [{ Bucket: "team-data", Region: REGION, BucketAccountId: ACCOUNT }],
    ...(block === undefined ? {} : { PublicAccessBlock: block }),
  };
  return s3MultiRegionAccessPointAsset(WHERE, report);
};
