import type { Cluster } from "@aws-sdk/client-eks";
import { efsFileSystem, eksCluster, lambdaFunction } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const fn = (Runtime: string | undefined, PackageType: "Zip" | "Image" = "Zip") =>
  lambdaFunction({
    FunctionName: "thumbnails",
    FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:thumbnails",
    Runtime: Runtime as never,
    PackageType,
    Handler: "index.handler",
  });

const CLUSTER: Cluster = {
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
const cluster = (over: Partial<Cluster> = {}) => eksCluster({ ...CLUSTER, ...over });

const fs = (Encrypted: boolean) =>
  efsFileSystem({
    FileSystemId: "fs-0123456789abcdef0",
    FileSystemArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
    Encrypted,
  });

export const computeCases: CheckCase[] = [
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "nodejs22.x",
    asset: fn("nodejs22.x"),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "nodejs16.x",
    asset: fn("nodejs16.x"),
    expect: "fail",
    evidence: /2024-06-12/,
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "python3.9 before its deprecation date",
    asset: fn("python3.9"),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "python3.9 after its deprecation date",
    asset: fn("python3.9"),
    now: "2026-01-01T00:00:00Z",
    expect: "fail",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "container image",
    asset: fn(undefined, "Image"),
    expect: "n/a",
  },
  {
    check: "vigil.eks.cluster-endpoint-not-public",
    name: "private endpoint",
    asset: cluster(),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-endpoint-not-public",
    name: "public to 0.0.0.0/0",
    asset: cluster({ resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }),
    expect: "fail",
    evidence: /0\.0\.0\.0\/0/,
  },
  { check: "vigil.eks.cluster-version-supported", name: "1.31", asset: cluster(), expect: "pass" },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "a future 1.40",
    asset: cluster({ version: "1.40" }),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "1.24",
    asset: cluster({ version: "1.24" }),
    expect: "fail",
    evidence: /2025-01-31/,
  },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "1.21",
    asset: cluster({ version: "1.21" }),
    expect: "fail",
  },
  {
    check: "vigil.eks.cluster-secrets-encrypted",
    name: "secrets encrypted",
    asset: cluster(),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-secrets-encrypted",
    name: "no encryptionConfig",
    asset: cluster({ encryptionConfig: undefined }),
    expect: "fail",
  },
  { check: "vigil.eks.cluster-audit-logging-enabled", name: "audit on", asset: cluster(), expect: "pass" },
  {
    check: "vigil.eks.cluster-audit-logging-enabled",
    name: "audit listed but disabled",
    asset: cluster({ logging: { clusterLogging: [{ types: ["audit"], enabled: false }] } }),
    expect: "fail",
  },
  { check: "vigil.efs.file-system-encrypted", name: "encrypted", asset: fs(true), expect: "pass" },
  { check: "vigil.efs.file-system-encrypted", name: "plain", asset: fs(false), expect: "fail" },
];
