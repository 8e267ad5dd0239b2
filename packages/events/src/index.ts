export * from "./asyncapi/index.ts";
// Modules owned by other engineers, re-exported so `@vigil/events` is the one entry point.
export * from "./auth/index.ts";
export * from "./aws-reads/index.ts";
export * from "./bus/index.ts";
export * from "./contracts/index.ts";
export * from "./envelope/envelope.ts";
export * from "./envelope/ids.ts";
export * from "./projections/index.ts";
export * from "./release/index.ts";
export * from "./store/index.ts";
export * from "./topology/index.ts";
