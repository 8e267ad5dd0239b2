export * from "./bench.ts";
export * from "./dynamodb.ts";
export * from "./errors.ts";
export * from "./limits.ts";
export * from "./memory.ts";
export * from "./pages.ts";
export * from "./port.ts";
export * from "./shared.ts";
