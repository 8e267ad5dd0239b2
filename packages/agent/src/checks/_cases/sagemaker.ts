import type {
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  DescribeNotebookInstanceCommandOutput,
} from "@aws-sdk/client-sagemaker";
import {
  sageMakerEndpointConfigAsset,
  sageMakerModelAsset,
  sageMakerNotebookInstanceAsset,
} from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const META = { $metadata: {} };
export const CREATED = new Date("2025-04-01T12:00:00Z");
export const NOTEBOOK_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/research`;
/** `DescribeNotebookInstance`, as SageMaker returns it for an instance in a VPC subnet. */
export const notebook = (over: Partial<DescribeNotebookInstanceCommandOutput>) =>
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
export const CONFIG_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/ranker`;
/** `DescribeEndpointConfig` with the production variants given. */
export const endpointConfig = (variants: DescribeEndpointConfigCommandOutput["ProductionVariants"]) =>
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
export const instanceVariant = (name: string, count: number) => ({
  VariantName: name,
  ModelName: "ranker-model",
  InitialInstanceCount: count,
  InstanceType: "ml.m5.large" as const,
  InitialVariantWeight: 1,
});
export const MODEL_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/ranker-model`;
/** `DescribeModel`. */
export const model = (over: Partial<DescribeModelCommandOutput>) =>
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
