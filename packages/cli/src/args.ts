import { parseArgs } from 'node:util';

/** A mistake on the command line: the run ends with exit status 2, the reason and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One option a command accepts: a flag, or an option that takes a value. */
export interface OptionSpec {
  /** `boolean` for a flag (`--help`), `string` for an option with a value (`--out file`). */
  readonly type: 'boolean' | 'string';
  /** The one-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
}

/** The options a command accepts, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed option values: `true` for a flag given, the text for an option with a value, absent when not given. */
export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? true : string };

/** A parsed command line. */
export interface ParsedArgs<O extends OptionSpecs> {
  /** The options given. */
  readonly values: OptionValues<O>;
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments strictly: an unknown option, a value given to a flag, a missing
 * value, or more positional arguments than `maxPositionals` is a {@link UsageError} whose message
 * names the offending argument. `--` ends the options.
 */
export function parseCommandArgs<O extends OptionSpecs>(args: readonly string[], options: O, maxPositionals: number): ParsedArgs<O> {
  // Non-strict parsing hands over every token, so the checks below can name the argument at fault
  // in one line; Node's strict-mode messages are longer and differ between Node versions.
  const { tokens } = parseArgs({ args: [...args], options: { ...options }, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (positionals.length >= maxPositionals) throw new UsageError(`unexpected argument ${JSON.stringify(token.value)}`);
      positionals.push(token.value);
      continue;
    }
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option ${token.rawName} takes no value`);
      values[token.name] = true;
    } else {
      if (token.value === undefined) throw new UsageError(`option ${token.rawName} needs a value`);
      values[token.name] = token.value;
    }
  }
  return { values: values as OptionValues<O>, positionals };
}
