/** The IAM credential report: AWS's CSV, one row per user plus `<root_account>`. */

export interface CredentialReportRow {
  readonly user: string;
  readonly arn: string;
  readonly passwordEnabled: boolean;
  /** ISO time, or `null` for `N/A` / `no_information` / never. */
  readonly passwordLastUsed: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly {
    active: boolean;
    lastRotated: string | null;
    lastUsedDate: string | null;
  }[];
}

export const ROOT_ROW = "<root_account>";

function dateOrNull(value: string | undefined): string | null {
  if (
    value === undefined ||
    value === "" ||
    value === "N/A" ||
    value === "no_information" ||
    value === "not_supported"
  ) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Parses the report's CSV (no field of it is quoted in practice; quotes are still honoured). */
export function parseCredentialReport(csv: string): Map<string, CredentialReportRow> {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const rows = new Map<string, CredentialReportRow>();
  const header = splitCsv(lines[0] ?? "");
  const col = (cells: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : cells[i];
  };
  for (const line of lines.slice(1)) {
    const cells = splitCsv(line);
    const user = col(cells, "user") ?? "";
    const keys = [1, 2].flatMap((n) => {
      const lastRotated = dateOrNull(col(cells, `access_key_${n}_last_rotated`));
      const active = col(cells, `access_key_${n}_active`) === "true";
      if (lastRotated === null && !active) return [];
      return [
        { active, lastRotated, lastUsedDate: dateOrNull(col(cells, `access_key_${n}_last_used_date`)) },
      ];
    });
    rows.set(user, {
      user,
      arn: col(cells, "arn") ?? "",
      passwordEnabled: col(cells, "password_enabled") === "true",
      passwordLastUsed: dateOrNull(col(cells, "password_last_used")),
      mfaActive: col(cells, "mfa_active") === "true",
      accessKeys: keys,
    });
  }
  return rows;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
