export const packageName = "@vigil/agent";
// Typed assets, the check catalogue and its evaluator, policies and mutes.
export * from "./assets/index.ts";
// Integration lifecycle (registration, check-in, teardown) and the Lambda's routing.
export { createAwsClients } from "./aws/clients.ts";
// AWS clients, discovery, collectors and the scan flow.
export * from "./aws/index.ts";
// Scheduling and rate limits (src/budget, src/scheduler).
export * from "./budget/index.ts";
export * from "./checks/index.ts";
export * from "./collectors/index.ts";
export * from "./discovery/index.ts";
export { type AgentHandlerDeps, type AgentResult, classify, routeAgentInvocation } from "./handlers/route.ts";
export { collectAndAssess } from "./handlers/scan-runner.ts";
export * from "./lifecycle/index.ts";
export * from "./policies/index.ts";
export * from "./scan/index.ts";
export * from "./scheduler/index.ts";
