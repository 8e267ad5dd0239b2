export * from "./account.ts";
export * from "./install.ts";
export * from "./lambda-runner.ts";
export * from "./moto.ts";
export * from "./organization.ts";
export * from "./unzip.ts";
