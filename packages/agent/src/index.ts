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
// EBS scanning: the orchestration of copies, the scanner group, the instance-os reports.
export * from "./ebs/index.ts";
export * from "./frameworks/index.ts";
export {
  type AgentConfig,
  AgentConfigError,
  agentConfigFrom,
  deadLetterQueueUrlBeside,
  OPTIONAL_ENV,
  REQUIRED_ENV,
} from "./handlers/config.ts";
export {
  DRAIN_RESERVE_MS,
  decideEvent,
  decideRescan,
  type EventDecision,
  keepDraining,
  type RescanDecision,
  scanRegionsFor,
  shouldDrain,
} from "./handlers/decide.ts";
export { type AgentHandler, type AgentHandlerOptions, createAgentHandler } from "./handlers/lambda.ts";
export { type AgentAwsOptions, createAgentPorts } from "./handlers/ports.ts";
export {
  AGENT_CONSUMER,
  type AgentHandlerDeps,
  type AgentInvocation,
  type AgentPorts,
  type AgentResult,
  classify,
  type DrainSummary,
  drain,
  routeAgentInvocation,
} from "./handlers/route.ts";
export * from "./lifecycle/index.ts";
// The EBS scanner's OS reading (root filesystem → facts → aws.ec2.instance-os).
export * from "./os/index.ts";
export * from "./policies/index.ts";
export * from "./scan/index.ts";
export * from "./scheduler/index.ts";
