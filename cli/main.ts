/**
 * The command line: `provenance <command> [args]`. Commands are registered in
 * COMMANDS; adding one (e.g. `verify`) means one new file and one line here.
 */
import { inspectCommand } from './inspect';
import { verifyCommand } from './verify';
import { CliError } from './load';
import { terminalText } from './terminal';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code. Throws CliError for a problem the user can fix. */
  run(args: string[], io: CommandIO): Promise<number>;
}

export const COMMANDS: Command[] = [inspectCommand, verifyCommand];

const consoleIO: CommandIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function help(): string {
  return ['usage: provenance <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`), '', ...COMMANDS.map((c) => c.usage)].join('\n');
}

/** Exit codes: 0 ok, 1 some inputs failed (batch), 2 usage error, 3 the page could not be loaded, 70 internal error. */
export async function main(argv: string[], outputs: CommandIO = consoleIO): Promise<number> {
  // Everything printed, reports, JSON and error messages alike, reaches the terminal without a control or bidi character.
  const io: CommandIO = { out: (text) => outputs.out(terminalText(text)), err: (text) => outputs.err(terminalText(text)) };
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`provenance: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`provenance ${name}: ${error.message}`);
      return error.code === 'usage' ? 2 : 3;
    }
    io.err(`provenance ${name}: internal error: ${(error as Error)?.message ?? String(error)}`);
    return 70;
  }
}
