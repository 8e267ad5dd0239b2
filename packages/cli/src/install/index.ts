export * from "./ebs.ts";
export * from "./flow.ts";
export * from "./seed.ts";
