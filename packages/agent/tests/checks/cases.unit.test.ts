import { discoverCases } from "../../scripts/generate-catalogue.ts";
import { runCheckCases } from "./harness.ts";

/** Every check folder's cases (src/checks/<service>/<name>/cases.ts), run against the catalogue's check, by service. */
const folders = await discoverCases();
const services = [...new Set(folders.map((f) => f.folder.split("/")[0] as string))];
for (const service of services)
  runCheckCases(
    service,
    folders.filter((f) => f.folder.startsWith(`${service}/`)).flatMap((f) => f.cases ?? []),
  );
