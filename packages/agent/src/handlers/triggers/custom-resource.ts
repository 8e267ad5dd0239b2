import {
  type CustomResourceEvent,
  type CustomResourceResponse,
  handleCustomResource,
  type LambdaContextLike,
} from "../../lifecycle/custom-resource.ts";
import type { AgentHandlerDeps } from "../context.ts";

/**
 * CloudFormation's registration resource (Create, Update, Delete), answered at its `ResponseURL`
 * whatever happens — a misconfigured Lambda answers FAILED with what to fix.
 */
export async function onCustomResource(
  event: CustomResourceEvent,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<CustomResourceResponse> {
  return handleCustomResource(
    event,
    context ?? { getRemainingTimeInMillis: () => 60_000 },
    () => deps.customResource(),
    deps.customResourceFallback,
  );
}
