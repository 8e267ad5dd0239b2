export * from "./ebs.ts";
export * from "./flow.ts";
export * from "./organization.ts";
export * from "./seed.ts";
