import type { AccessPointDescription } from "@aws-sdk/client-efs";
import type { Cluster } from "@aws-sdk/client-eks";
import { efsAccessPointAsset } from "../../collectors/account-services.ts";
import { ACCOUNT, efsFileSystem, eksCluster, lambdaFunction, REGION } from "./aws.ts";

export const fn = (Runtime: string | undefined, PackageType: "Zip" | "Image" = "Zip") =>
  lambdaFunction({
    FunctionName: "thumbnails",
    FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:thumbnails",
    Runtime: Runtime as never,
    PackageType,
    Handler: "index.handler",
  });
export const CLUSTER: Cluster = {
  name: "prod",
  arn: "arn:aws:eks:us-east-1:123456789012:cluster/prod",
  version: "1.31",
  resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] },
  encryptionConfig: [
    { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/3333" } },
  ],
  logging: {
    clusterLogging: [
      { types: ["api", "audit", "authenticator"], enabled: true },
      { types: ["controllerManager", "scheduler"], enabled: false },
    ],
  },
  tags: { env: "prod" },
};
export const cluster = (over: Partial<Cluster> = {}) => eksCluster({ ...CLUSTER, ...over });
export const fs = (
  Encrypted: boolean,
  backup?: Parameters<typeof efsFileSystem>[1],
  mountTargetSubnet?: Parameters<typeof efsFileSystem>[2],
  assignments?: Parameters<typeof efsFileSystem>[3],
) =>
  efsFileSystem(
    {
      FileSystemId: "fs-0123456789abcdef0",
      FileSystemArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
      Encrypted,
    },
    backup,
    mountTargetSubnet,
    assignments,
  );

/** A `DescribeAccessPoints` `AccessPoints[]` entry: rooted at `/app/api`, as the uid/gid 1000 user. */
export const ACCESS_POINT: AccessPointDescription = {
  ClientToken: "api-access-point",
  Name: "api",
  Tags: [{ Key: "Name", Value: "api" }],
  AccessPointId: "fsap-0123456789abcdef0",
  AccessPointArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
  FileSystemId: "fs-0123456789abcdef0",
  PosixUser: { Uid: 1000, Gid: 1000 },
  RootDirectory: { Path: "/app/api", CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "750" } },
  OwnerId: "123456789012",
  LifeCycleState: "available",
};
export const accessPoint = (over: Partial<AccessPointDescription> = {}) =>
  efsAccessPointAsset({ accountId: ACCOUNT, region: REGION, partition: "aws" }, { ...ACCESS_POINT, ...over });
