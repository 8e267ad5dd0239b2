import Table from "cli-table3";

export type TableOptions = NonNullable<ConstructorParameters<typeof Table>[0]>;

interface ColorStream {
  isTTY?: boolean;
}

/**
 * Whether output to `stream` gets colour: only a terminal does, so `vigil scan > report.txt` or a
 * pipe into grep holds plain text. `NO_COLOR` (https://no-color.org) turns colour off, `FORCE_COLOR`
 * (other than `0`) on. cli-table3's own colour library asks no stream and colours every pipe.
 */
export function useColor(
  stream: ColorStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return stream.isTTY === true;
}

/** A cli-table3 table, its head and borders coloured only when `color` (a terminal by default). */
export function newTable(
  options: TableOptions = {},
  color: boolean = useColor(),
): InstanceType<typeof Table> {
  if (color) return new Table(options);
  return new Table({ ...options, style: { ...options.style, head: [], border: [] } });
}
