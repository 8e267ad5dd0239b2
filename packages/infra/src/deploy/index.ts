export * from "./aws.ts";
export * from "./deploy.ts";
export * from "./port.ts";
