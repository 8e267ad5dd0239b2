export * from "./request-signing.ts";
