export * from "./aws.ts";
export * from "./deploy.ts";
export * from "./parameters.ts";
export * from "./platform.ts";
export * from "./port.ts";
