/**
 * One way to read a command line, for `provenance` and every command: node:util
 * parseArgs, with the GNU/POSIX conventions people expect.
 *
 * - `--opt value` and `--opt=value` are the same; `-h` and `--help` always exist.
 * - `--` ends the options: what follows is a positional even if it starts with "-".
 * - A lone `-` is a positional (standard input, where a command reads it).
 * - An unknown option, a value given to a switch, or a missing value is a usage
 *   error naming the option (main.ts prints it with "Try ... --help", exit 2).
 *
 * parseArgs runs with `strict: false` and `tokens: true` so that the messages are
 * ours and name the option as the user wrote it (`-x`, `--json=yes`); the checks
 * strict mode makes are made here, on the tokens.
 */
import { parseArgs } from 'node:util';
import { CliError } from './load';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs<O extends OptionSpecs = OptionSpecs> {
  values: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };
  positionals: string[];
  /** `-h` or `--help` was given (before `--`): print the usage and nothing else. */
  help: boolean;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h' };

export function parseCommandArgs<O extends OptionSpecs>(args: string[], options: O): ParsedArgs<O> {
  const specs: OptionSpecs = { ...options, help: HELP };
  const { tokens } = parseArgs({ args, options: specs, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  // The first problem is reported, after the whole line is read: `-h` anywhere still gets help.
  let problem: string | null = null;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    // `-h` arrives named "help"; a long option's name written with one dash (`-json`) is not the option.
    if (!spec || !(token.rawName.startsWith('--') || token.rawName === `-${spec.short}`)) {
      problem ??= `unknown option ${token.rawName}`;
    } else if (token.name === 'help') {
      help = true;
    } else if (spec.type === 'boolean') {
      if (token.value === undefined) values[token.name] = true;
      else problem ??= `${token.rawName} takes no value (got ${token.rawName}=${token.value})`;
    } else if (token.value === undefined) {
      problem ??= `${token.rawName} needs a value`;
    } else if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
      // `--url --json`: the value was forgotten; `--url=--json` says it is meant.
      problem ??= `${token.rawName} needs a value, got the option ${token.value} (write ${token.rawName}=${token.value} if that is the value)`;
    } else {
      values[token.name] = token.value;
    }
  }
  if (help) return { values: {} as ParsedArgs<O>['values'], positionals: [], help: true };
  if (problem) throw new CliError('usage', problem);
  return { values: values as ParsedArgs<O>['values'], positionals, help: false };
}
