/** Regenerate the checked-in AsyncAPI document from the zod contracts. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderAsyncApiDocument } from "../src/asyncapi/index.ts";

const target = fileURLToPath(new URL("../asyncapi.json", import.meta.url));
writeFileSync(target, renderAsyncApiDocument());
console.log(`wrote ${target}`);
