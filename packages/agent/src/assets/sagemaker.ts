import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One SageMaker notebook instance: `ListNotebookInstances` + `DescribeNotebookInstance`. */
export const sageMakerNotebookInstanceSchema = assetSchemaOf("aws.sagemaker.notebook-instance", () =>
  z.object({
    notebookInstanceName: z.string(),
    /** `DirectInternetAccess`: `Enabled` or `Disabled`. */
    directInternetAccess: z.string(),
    /** `RootAccess`: `Enabled` or `Disabled`. */
    rootAccess: z.string(),
    /** `SubnetId` (a subnet of your VPC), or `null` when the instance runs in SageMaker's VPC. */
    subnetId: z.string().nullable(),
  }),
);

/** One SageMaker endpoint configuration: `ListEndpointConfigs` + `DescribeEndpointConfig`. */
export const sageMakerEndpointConfigSchema = assetSchemaOf("aws.sagemaker.endpoint-config", () =>
  z.object({
    endpointConfigName: z.string(),
    /** `InitialInstanceCount` of each instance-based production variant (serverless ones have none). */
    variantInstanceCounts: z.array(z.number()),
  }),
);

/** One SageMaker model: `ListModels` + `DescribeModel`. */
export const sageMakerModelSchema = assetSchemaOf("aws.sagemaker.model", () =>
  z.object({
    modelName: z.string(),
    /** `EnableNetworkIsolation`. */
    networkIsolation: z.boolean(),
  }),
);
