import type {
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  DescribeNotebookInstanceCommandOutput,
} from "@aws-sdk/client-sagemaker";
import {
  sageMakerEndpointConfigAsset,
  sageMakerModelAsset,
  sageMakerNotebookInstanceAsset,
} from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const META = { $metadata: {} };
const CREATED = new Date("2025-04-01T12:00:00Z");

const NOTEBOOK_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/research`;
/** `DescribeNotebookInstance`, as SageMaker returns it for an instance in a VPC subnet. */
const notebook = (over: Partial<DescribeNotebookInstanceCommandOutput>) =>
  sageMakerNotebookInstanceAsset(
    WHERE,
    {
      NotebookInstanceName: "research",
      NotebookInstanceArn: NOTEBOOK_ARN,
      NotebookInstanceStatus: "InService",
    },
    {
      ok: true,
      value: {
        ...META,
        NotebookInstanceArn: NOTEBOOK_ARN,
        NotebookInstanceName: "research",
        NotebookInstanceStatus: "InService",
        InstanceType: "ml.t3.medium",
        SubnetId: "subnet-0a1b2c3d4e5f60718",
        SecurityGroups: ["sg-0123456789abcdef0"],
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker-research`,
        NetworkInterfaceId: "eni-0a1b2c3d4e5f60718",
        CreationTime: CREATED,
        DirectInternetAccess: "Disabled",
        VolumeSizeInGB: 5,
        RootAccess: "Disabled",
        PlatformIdentifier: "notebook-al2-v3",
        ...over,
      },
    },
  );

const CONFIG_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/ranker`;
/** `DescribeEndpointConfig` with the production variants given. */
const endpointConfig = (variants: DescribeEndpointConfigCommandOutput["ProductionVariants"]) =>
  sageMakerEndpointConfigAsset(
    WHERE,
    { EndpointConfigName: "ranker", EndpointConfigArn: CONFIG_ARN, CreationTime: CREATED },
    {
      ok: true,
      value: {
        ...META,
        EndpointConfigName: "ranker",
        EndpointConfigArn: CONFIG_ARN,
        ProductionVariants: variants,
        CreationTime: CREATED,
      },
    },
  );
const instanceVariant = (name: string, count: number) => ({
  VariantName: name,
  ModelName: "ranker-model",
  InitialInstanceCount: count,
  InstanceType: "ml.m5.large" as const,
  InitialVariantWeight: 1,
});

const MODEL_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/ranker-model`;
/** `DescribeModel`. */
const model = (over: Partial<DescribeModelCommandOutput>) =>
  sageMakerModelAsset(
    WHERE,
    { ModelName: "ranker-model", ModelArn: MODEL_ARN, CreationTime: CREATED },
    {
      ok: true,
      value: {
        ...META,
        ModelName: "ranker-model",
        ModelArn: MODEL_ARN,
        PrimaryContainer: {
          Image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/ranker:1.4`,
          ModelDataUrl: "s3://models-bucket/ranker/model.tar.gz",
        },
        ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker-models`,
        CreationTime: CREATED,
        EnableNetworkIsolation: true,
        ...over,
      },
    },
  );

export const sageMakerCases: CheckCase[] = [
  {
    check: "vigil.sagemaker.notebook-no-direct-internet-access",
    name: "DirectInternetAccess Disabled",
    asset: notebook({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.notebook-no-direct-internet-access",
    name: "DirectInternetAccess Enabled",
    asset: notebook({ DirectInternetAccess: "Enabled" }),
    expect: "fail",
  },
  { check: "vigil.sagemaker.notebook-in-vpc", name: "SubnetId set", asset: notebook({}), expect: "pass" },
  {
    check: "vigil.sagemaker.notebook-in-vpc",
    name: "no SubnetId (SageMaker's VPC)",
    asset: notebook({ SubnetId: undefined, SecurityGroups: undefined, NetworkInterfaceId: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.sagemaker.notebook-root-access-disabled",
    name: "RootAccess Disabled",
    asset: notebook({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.notebook-root-access-disabled",
    name: "RootAccess Enabled",
    asset: notebook({ RootAccess: "Enabled" }),
    expect: "fail",
  },
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "two variants of two instances",
    asset: endpointConfig([instanceVariant("blue", 2), instanceVariant("green", 3)]),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "a variant of one instance",
    asset: endpointConfig([instanceVariant("blue", 2), instanceVariant("green", 1)]),
    expect: "fail",
  },
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "a serverless variant only",
    asset: endpointConfig([
      {
        VariantName: "serverless",
        ModelName: "ranker-model",
        ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
      },
    ]),
    expect: "n/a",
  },
  {
    check: "vigil.sagemaker.model-network-isolation",
    name: "EnableNetworkIsolation true",
    asset: model({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.model-network-isolation",
    name: "EnableNetworkIsolation false",
    asset: model({ EnableNetworkIsolation: false }),
    expect: "fail",
  },
];
