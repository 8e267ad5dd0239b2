export * from "./build/index.ts";
export * from "./cost/index.ts";
export * from "./deploy/index.ts";
export * from "./iam/permissions.ts";
export * from "./tags.ts";
export * from "./templates/index.ts";
