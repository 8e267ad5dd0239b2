export * from "./budget.ts";
export * from "./bundle.ts";
export * from "./measure.ts";
export * from "./plugins.ts";
export * from "./release.ts";
export * from "./zip.ts";
