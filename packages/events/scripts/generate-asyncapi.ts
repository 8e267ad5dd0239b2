/**
 * Regenerate what is generated from the contracts: the checked-in AsyncAPI document (from the zod
 * contracts) and the snapshot layout table in docs/snapshot-format.md (from the AWS reads).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderAsyncApiDocument } from "../src/asyncapi/index.ts";
import { withSnapshotLayout } from "../src/aws-reads/docs.ts";

const target = fileURLToPath(new URL("../asyncapi.json", import.meta.url));
writeFileSync(target, renderAsyncApiDocument());
console.log(`wrote ${target}`);

const docs = fileURLToPath(new URL("../../../docs/snapshot-format.md", import.meta.url));
writeFileSync(docs, withSnapshotLayout(readFileSync(docs, "utf8")));
console.log(`wrote ${docs}`);
