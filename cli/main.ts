/**
 * The command line: `provenance <command> [options] [args]`. Commands are
 * registered in COMMANDS; adding one means one new file and one line here.
 *
 * Conventions (POSIX utility syntax, GNU long options), the same for every command,
 * since main.ts parses every command's arguments (cli/args.ts) before running it:
 * - `provenance --help`, `provenance help [<command>]` and `provenance <command> --help`
 *   (or `-h`) print the usage to standard output and exit 0; `provenance --version`
 *   (or `-V`, as curl, python and ssh spell it: `-v` often means "verbose") prints
 *   "provenance <version>" the same way.
 * - A usage error (no command, an unknown command or option, a missing value) goes to
 *   standard error as "provenance <command>: <what>" and "Try '… --help' …", exit 2.
 * - Results go to standard output, progress and problems to standard error.
 */
import { parseArgs } from 'node:util';
import { parseCommandArgs, type OptionSpecs, type ParsedArgs } from './args';
import { inspectCommand } from './inspect';
import { verifyCommand } from './verify';
import { crawlCommand, mergeCommand } from './crawl';
import { reportCommand } from './crawl-report';
import { CliError } from './load';
import { terminalText } from './terminal';
import { VERSION } from './version';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for `--batch -` (default: the process's). */
  input?: () => NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  /** What `provenance <name> --help` prints. */
  usage: string;
  /** The command's options, read by cli/args.ts (`-h`/`--help` is added to every command). */
  options: O;
  /** Resolves to the exit code. Throws CliError for a problem the user can fix. */
  run(args: ParsedArgs<O>, io: Required<CommandIO>): Promise<number>;
}

export const COMMANDS: Command[] = [inspectCommand, verifyCommand, crawlCommand, reportCommand, mergeCommand];

const consoleIO: CommandIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  input: () => process.stdin,
};

/** The exit codes, a contract for scripts (README, `--help`). */
const EXIT_CODES = '0 ok, 1 some batch inputs or the verification failed, 2 usage error, 3 the page could not be loaded, 70 internal error';

const GLOBAL_OPTIONS = { version: { type: 'boolean', short: 'V' } } satisfies OptionSpecs;

function help(): string {
  return [
    'usage: provenance <command> [options] [args]',
    '       provenance --help | --version',
    '',
    'Where does a news article really come from? The Provenance engine on the command line.',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'options:',
    '  -h, --help     print this help and exit',
    '  -V, --version  print the version and exit',
    '',
    "Run 'provenance <command> --help' for a command's options.",
    `Exit status: ${EXIT_CODES}.`,
  ].join('\n');
}

function tryHelp(prefix: string, message: string): string {
  return `${prefix}: ${message}\nTry '${prefix} --help' for more information.`;
}

export async function main(argv: string[], outputs: CommandIO = consoleIO): Promise<number> {
  // Everything printed, reports, JSON and error messages alike, reaches the terminal without a control or bidi character.
  const io: Required<CommandIO> = {
    out: (text) => outputs.out(terminalText(text)),
    err: (text) => outputs.err(terminalText(text)),
    input: outputs.input ?? consoleIO.input!,
  };
  // The program's own options come before the command's name (the first positional); the rest is the command's.
  const first = parseArgs({ args: argv, options: {}, strict: false, allowPositionals: true, tokens: true }).tokens.find(
    (token) => token.kind === 'positional',
  );
  const at = first ? first.index : argv.length;
  let global: ParsedArgs<typeof GLOBAL_OPTIONS>;
  try {
    global = parseCommandArgs(argv.slice(0, at), GLOBAL_OPTIONS);
  } catch (error) {
    io.err(tryHelp('provenance', (error as Error).message));
    return 2;
  }
  const name = first?.value;
  if (global.help) {
    io.out(help());
    return 0;
  }
  if (global.values.version) {
    io.out(`provenance ${VERSION}`);
    return 0;
  }
  if (name === undefined) {
    io.err(`provenance: missing command\n\n${help()}`);
    return 2;
  }
  if (name === 'help') {
    const topic = argv[at + 1];
    const command = COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && !command) {
      io.err(tryHelp('provenance', `unknown command "${topic}"`));
      return 2;
    }
    io.out(command ? command.usage : help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(tryHelp('provenance', `unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`));
    return 2;
  }
  const prefix = `provenance ${command.name}`;
  try {
    const args = parseCommandArgs(argv.slice(at + 1), command.options);
    if (args.help) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      if (error.code === 'usage') {
        io.err(tryHelp(prefix, error.message));
        return 2;
      }
      io.err(`${prefix}: ${error.message}`);
      return 3;
    }
    io.err(`${prefix}: internal error: ${(error as Error)?.message ?? String(error)}`);
    return 70;
  }
}
