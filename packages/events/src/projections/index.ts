export * from "./dynamodb.ts";
export * from "./memory.ts";
export * from "./port.ts";
export * from "./replay.ts";
export * from "./runner.ts";
export * from "./views.ts";
