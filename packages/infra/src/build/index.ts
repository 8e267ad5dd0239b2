export * from "./bundle.ts";
export * from "./release.ts";
export * from "./zip.ts";
