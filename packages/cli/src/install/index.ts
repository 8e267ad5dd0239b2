export * from "./flow.ts";
export * from "./seed.ts";
