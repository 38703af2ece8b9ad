/** The versions a test run uses, printed at the start of each suite: which browsers CI had decides what a failure means. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** `<binary> --version`'s first line (Debian's wrapper scripts may print warnings on stderr; they are ignored). */
export function browserVersion(binary: string): string {
  if (!existsSync(binary)) return `none at ${binary}`;
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    return out.trim().split('\n')[0] || `unknown (${binary} printed nothing)`;
  } catch (error) {
    return `unknown (${binary} --version failed: ${(error as Error).message.split('\n')[0]})`;
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** One line: the browser, its path, Node and the OS. */
export function versionLine(suite: string, binary: string): string {
  return `[${suite}] ${browserVersion(binary)} (${binary}); Node ${process.version}; ${osName()}`;
}
