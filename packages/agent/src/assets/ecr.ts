import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One private ECR repository: `DescribeRepositories`, its lifecycle and repository policies. */
export const ecrRepositorySchema = assetSchemaOf("aws.ecr.repository", () =>
  z.object({
    repositoryName: z.string(),
    /**
     * Images are scanned: the repository's `scanOnPush`, or a rule of the registry's scanning
     * configuration (`GetRegistryScanningConfiguration`; on push or continuous) whose filter matches it.
     */
    imageScanning: z.boolean(),
    /** `imageTagMutability`: `MUTABLE`, `IMMUTABLE`, or their `_WITH_EXCLUSION` forms. */
    imageTagMutability: z.string(),
    /** `GetLifecyclePolicy` returned a policy (`LifecyclePolicyNotFoundException`: none). */
    hasLifecyclePolicy: z.boolean(),
    /** The repository policy lets any principal act without a restricting condition. */
    policyPublic: z.boolean(),
  }),
);
