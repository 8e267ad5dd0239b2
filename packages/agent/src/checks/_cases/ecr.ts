import type { GetRegistryScanningConfigurationResponse, Repository } from "@aws-sdk/client-ecr";
import { ecrRepositoryAsset } from "../../collectors/index.ts";
import type { RawOutcome } from "../../discovery/reader.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `DescribeRepositories` `repositories` entry, as a careful owner configures it. */
export const REPOSITORY: Repository = {
  repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/api`,
  registryId: ACCOUNT,
  repositoryName: "team/api",
  repositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/api`,
  createdAt: new Date("2024-03-01T10:00:00Z"),
  imageTagMutability: "IMMUTABLE",
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfiguration: { encryptionType: "KMS", kmsKey: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111` },
};
export const BASIC_NO_RULES: GetRegistryScanningConfigurationResponse = {
  registryId: ACCOUNT,
  scanningConfiguration: { scanType: "BASIC", rules: [] },
};
export const ENHANCED_TEAM: GetRegistryScanningConfigurationResponse = {
  registryId: ACCOUNT,
  scanningConfiguration: {
    scanType: "ENHANCED",
    rules: [
      { scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "team/*", filterType: "WILDCARD" }] },
    ],
  },
};
export const LIFECYCLE = {
  registryId: ACCOUNT,
  repositoryName: "team/api",
  lifecyclePolicyText:
    '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}',
};
export const CROSS_ACCOUNT_PULL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "pull",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::210987654321:root" },
      Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
    },
  ],
});
export const ANYONE_PULL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "pull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }],
});
export const ok = <T>(value: T): RawOutcome<T> => ({ ok: true, value });
export const notConfigured = (code: string, call: string): RawOutcome<never> => ({
  ok: false,
  kind: "not-configured",
  code,
  message: "not found",
  call,
});
export const NO_LIFECYCLE = notConfigured("LifecyclePolicyNotFoundException", "ecr:GetLifecyclePolicy");
export const NO_POLICY = notConfigured("RepositoryPolicyNotFoundException", "ecr:GetRepositoryPolicy");
/** The asset the ECR collector builds from these answers. */
export const repository = (
  over: Partial<Repository> = {},
  answers: {
    registry?: GetRegistryScanningConfigurationResponse;
    lifecycle?: RawOutcome<typeof LIFECYCLE>;
    policy?: RawOutcome<{ policyText: string }>;
  } = {},
) =>
  ecrRepositoryAsset(
    WHERE,
    { ...REPOSITORY, ...over },
    ok(answers.registry ?? BASIC_NO_RULES),
    answers.lifecycle ?? ok(LIFECYCLE),
    answers.policy ?? ok({ policyText: CROSS_ACCOUNT_PULL }),
  );
export const NOT_ON_PUSH = { imageScanningConfiguration: { scanOnPush: false } };
