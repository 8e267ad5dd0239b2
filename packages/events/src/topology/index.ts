export * from "./event-table.ts";
export * from "./idempotency-table.ts";
export * from "./parameters.ts";
export * from "./topology.ts";
