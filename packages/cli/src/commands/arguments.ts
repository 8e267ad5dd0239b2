import { type Command, InvalidArgumentError } from "commander";

/**
 * Option parsers for commander: a bad value is refused while the arguments are parsed, before a
 * command starts anything, with commander's usage error (`option '--events <n>' argument 'abc' is
 * invalid. expected a whole number from 1 to 1000000`) and a non-zero exit — never a run with NaN.
 */

function whole(value: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

const range = (min: number, max: number) => `${min} to ${max}`;

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = whole(value, min, max);
    if (n === undefined) throw new InvalidArgumentError(`expected a whole number from ${range(min, max)}.`);
    return n;
  };
}

/** Comma-separated whole numbers, each from `min` to `max` (at least one). */
export function wholeNumbers(min: number, max: number): (value: string) => number[] {
  return (value) => {
    const parts = value.split(",");
    const numbers = parts.map((part) => whole(part, min, max));
    if (value.trim() === "" || numbers.some((n) => n === undefined))
      throw new InvalidArgumentError(
        `expected whole numbers from ${range(min, max)}, comma-separated (e.g. 1,10,30).`,
      );
    return numbers as number[];
  };
}

/** A number greater than 0 and at most `max` (decimals allowed). */
export function positiveNumber(max: number): (value: string) => number {
  return (value) => {
    const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(Number.isFinite(n) && n > 0 && n <= max))
      throw new InvalidArgumentError(`expected a number greater than 0 and at most ${max}.`);
    return n;
  };
}

/** A bad argument's message names the help of the command it was given to (`vigil dlq list --help`). */
export function pointUsageAtOwnHelp(command: Command, path: readonly string[]): void {
  for (const sub of command.commands) {
    const own = [...path, sub.name()];
    sub.showHelpAfterError(`(run \`${own.join(" ")} --help\` for usage)`);
    pointUsageAtOwnHelp(sub, own);
  }
}
