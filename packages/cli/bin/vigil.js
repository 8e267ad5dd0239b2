#!/usr/bin/env node
// Source-first: run the TypeScript entry through tsx's loader so no build step sits in the way.
import { register } from "tsx/esm/api";

// The SDK warns on every client that Node 20 nears its end of support; the CLI says it once, in the README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
register();
await import("../src/main.ts");
