import { AWS_READS, type AwsRead } from "./reads.ts";

/** The markers around the generated table in docs/snapshot-format.md. */
export const LAYOUT_BEGIN = "<!-- reads:begin -->";
export const LAYOUT_END = "<!-- reads:end -->";

function fileOf(read: AwsRead): string {
  const scope = read.scope === "global" ? "global" : read.scope === "both" ? "<region|global>" : "<region>";
  const base = `${scope}/${read.service}/${read.command}`;
  return read.resource === undefined ? `${base}.json` : `${base}/<${read.resource}>.json`;
}

function whenNothing(read: AwsRead): string {
  const absent = read.absent;
  if (absent !== undefined)
    return "error" in absent
      ? `missing file: \`${absent.error}\``
      : `missing file: \`${JSON.stringify(absent.output)}\``;
  if (read.notConfigured) return `error file: ${read.notConfigured.map((c) => `\`${c}\``).join(" or ")}`;
  return "";
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The snapshot layout, one row per read, as a Markdown table. */
export function snapshotLayoutTable(): string {
  const rows = AWS_READS.map((r) => {
    const pages =
      r.pages === undefined
        ? ""
        : [r.pages]
            .flat()
            .map((m) => `\`${m}\``)
            .join(", ");
    const notes = [r.args ? `\`${r.args}\`` : "", r.note ?? ""].filter((s) => s !== "").join("; ");
    return `| ${r.service} ${r.command} | ${cell(`\`${fileOf(r)}\``)} | ${pages} | ${cell(whenNothing(r))} | ${cell(notes)} |`;
  });
  return [
    "| read | file | pages merged on | nothing configured | notes |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
