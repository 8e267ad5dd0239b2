#!/usr/bin/env node
// Source-first: run the TypeScript entry through tsx's loader so no build step sits in the way.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
