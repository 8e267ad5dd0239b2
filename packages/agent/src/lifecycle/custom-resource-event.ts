/**
 * What CloudFormation sends a custom resource and expects back, and how to tell its requests from
 * other invocations: small and dependency-free, so the router can recognise one without loading
 * the registration code (\`custom-resource.ts\`, loaded with the first such request).
 */
export interface CustomResourceEvent {
  RequestType: "Create" | "Update" | "Delete";
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  ResourceType: string;
  PhysicalResourceId?: string;
  ResourceProperties: Record<string, unknown>;
  OldResourceProperties?: Record<string, unknown>;
}

export interface CustomResourceResponse {
  Status: "SUCCESS" | "FAILED";
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
}

export function isCustomResourceEvent(event: unknown): event is CustomResourceEvent {
  const e = event as Partial<CustomResourceEvent> | undefined;
  return (
    typeof e?.ResponseURL === "string" &&
    typeof e.StackId === "string" &&
    typeof e.RequestId === "string" &&
    (e.RequestType === "Create" || e.RequestType === "Update" || e.RequestType === "Delete")
  );
}
