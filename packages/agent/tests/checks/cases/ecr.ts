import type { GetRegistryScanningConfigurationResponse, Repository } from "@aws-sdk/client-ecr";
import { ecrRepositoryAsset } from "../../../src/collectors/index.ts";
import type { RawOutcome } from "../../../src/discovery/reader.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** One `DescribeRepositories` `repositories` entry, as a careful owner configures it. */
const REPOSITORY: Repository = {
  repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/api`,
  registryId: ACCOUNT,
  repositoryName: "team/api",
  repositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/api`,
  createdAt: new Date("2024-03-01T10:00:00Z"),
  imageTagMutability: "IMMUTABLE",
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfiguration: { encryptionType: "KMS", kmsKey: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111` },
};
const BASIC_NO_RULES: GetRegistryScanningConfigurationResponse = {
  registryId: ACCOUNT,
  scanningConfiguration: { scanType: "BASIC", rules: [] },
};
const ENHANCED_TEAM: GetRegistryScanningConfigurationResponse = {
  registryId: ACCOUNT,
  scanningConfiguration: {
    scanType: "ENHANCED",
    rules: [
      { scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "team/*", filterType: "WILDCARD" }] },
    ],
  },
};
const LIFECYCLE = {
  registryId: ACCOUNT,
  repositoryName: "team/api",
  lifecyclePolicyText:
    '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}',
};
const CROSS_ACCOUNT_PULL = JSON.stringify({
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
const ANYONE_PULL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "pull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }],
});

const ok = <T>(value: T): RawOutcome<T> => ({ ok: true, value });
const notConfigured = (code: string, call: string): RawOutcome<never> => ({
  ok: false,
  kind: "not-configured",
  code,
  message: "not found",
  call,
});
const NO_LIFECYCLE = notConfigured("LifecyclePolicyNotFoundException", "ecr:GetLifecyclePolicy");
const NO_POLICY = notConfigured("RepositoryPolicyNotFoundException", "ecr:GetRepositoryPolicy");

/** The asset the ECR collector builds from these answers. */
const repository = (
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
const NOT_ON_PUSH = { imageScanningConfiguration: { scanOnPush: false } };

export const ecrCases: CheckCase[] = [
  { check: "vigil.ecr.repository-image-scanning", name: "scanOnPush", asset: repository(), expect: "pass" },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, enhanced continuous scanning rule team/*",
    asset: repository(NOT_ON_PUSH, { registry: ENHANCED_TEAM }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, enhanced rule for another prefix",
    asset: repository({ ...NOT_ON_PUSH, repositoryName: "ops/batch" }, { registry: ENHANCED_TEAM }),
    expect: "fail",
  },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, basic scanning without rules",
    asset: repository(NOT_ON_PUSH),
    expect: "fail",
  },
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "IMMUTABLE",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "IMMUTABLE_WITH_EXCLUSION",
    asset: repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "MUTABLE",
    asset: repository({ imageTagMutability: "MUTABLE" }),
    expect: "fail",
  },
  {
    check: "vigil.ecr.repository-lifecycle-policy",
    name: "expire untagged after 14 days",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-lifecycle-policy",
    name: "LifecyclePolicyNotFoundException",
    asset: repository({}, { lifecycle: NO_LIFECYCLE }),
    expect: "fail",
  },
  {
    check: "vigil.ecr.repository-not-public",
    name: "pull for one other account",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-not-public",
    name: "RepositoryPolicyNotFoundException",
    asset: repository({}, { policy: NO_POLICY }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-not-public",
    name: "pull for Principal *",
    asset: repository({}, { policy: ok({ policyText: ANYONE_PULL }) }),
    expect: "fail",
  },
];
