/** @module Argument reading shared by `opendts agent` and `opendts job`: flags with values (repeatable, in order), switches and positionals. */

/** One flag or positional, in command-line order. */
export interface ArgItem {
  readonly flag?: string;
  readonly value: string;
}

/** Parsed arguments. */
export interface ParsedArgs {
  readonly positional: string[];
  /** Every flag with its value, in order (switches have the value 'true'). */
  readonly items: ArgItem[];
  get(flag: string): string | undefined;
  all(flag: string): string[];
  has(flag: string): boolean;
}

/** Reads `args`; `--flag value` and `--flag=value` for the flags in `valued`, switches in `switches`. Returns an error text for anything else. */
export function parseArgs(args: readonly string[], valued: readonly string[], switches: readonly string[]): ParsedArgs | string {
  const positional: string[] = [];
  const items: ArgItem[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return `${name} needs a value.`;
      items.push({ flag: name, value });
    } else if (switches.includes(a)) {
      items.push({ flag: a, value: 'true' });
    } else if (a.startsWith('--')) {
      return `unknown option "${a}".`;
    } else {
      positional.push(a);
      items.push({ value: a });
    }
  }
  return {
    positional,
    items,
    get: (flag) => items.filter((x) => x.flag === flag).at(-1)?.value,
    all: (flag) => items.filter((x) => x.flag === flag).map((x) => x.value),
    has: (flag) => items.some((x) => x.flag === flag),
  };
}
