import { bundleLambda, LAMBDA_ENTRIES } from "./src/build/bundle.ts";
const root = new URL("../..", import.meta.url).pathname;
const entry = LAMBDA_ENTRIES.find((e: any) => e.name === "updater")!;
const b = await bundleLambda(entry, root, { metafile: true });
const out = Object.entries(b.metafile!.outputs).find(([k]) => k.endsWith(".mjs"))![1]; console.log(Object.keys(b.metafile!.outputs));
const rows = Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
for (const [k, v] of rows.slice(0, 45)) console.log((v / 1024).toFixed(1).padStart(7), k.replace(/.*node_modules\//, ""));
