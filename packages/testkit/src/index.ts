export * from "./emulated-account/index.ts";
export * from "./local-aws/index.ts";
export * from "./provision/index.ts";
export * from "./sim-account/index.ts";
export * from "./snapshot/index.ts";
// The conformance suites import vitest, so they live behind their own entry: `@vigil/testkit/conformance`.
