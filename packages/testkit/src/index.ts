export * from "./local-aws/index.ts";
export * from "./sim-account/index.ts";
