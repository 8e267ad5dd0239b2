import Table from "cli-table3";

export type TableOptions = NonNullable<ConstructorParameters<typeof Table>[0]>;

interface ColorStream {
  isTTY?: boolean;
}

/**
 * Whether output to `stream` gets colour: only a terminal does, so `vigil scan > report.txt` or a
 * pipe into grep holds plain text. `NO_COLOR` (https://no-color.org) turns colour off, `FORCE_COLOR`
 * (other than `0`) on.
 */
export function useColor(
  stream: ColorStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return stream.isTTY === true;
}

const RED = "\u001b[31m";
const DEFAULT_FOREGROUND = "\u001b[39m";

/**
 * A cli-table3 table whose head is red only when `color` (a terminal by default). cli-table3's own
 * colours are off: its colour library decides from the environment, not from the stream written to,
 * so it coloured every pipe; the head's codes are added here (cli-table3 measures cells without them).
 */
export function newTable(
  options: TableOptions = {},
  color: boolean = useColor(),
): InstanceType<typeof Table> {
  const head = color ? options.head?.map((h) => `${RED}${h}${DEFAULT_FOREGROUND}`) : options.head;
  return new Table({
    ...options,
    ...(head ? { head } : {}),
    style: { ...options.style, head: [], border: [] },
  });
}
