// Light pieces every command shares (no database imports, so `yunwei --help` starts fast).
// Exit codes: 0 done, 1 the operation failed, 2 bad usage or configuration, 3 the data dir is in use.

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_IN_USE = 3;

/** An error the CLI reports as one message and an exit code, without a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = EXIT_FAILED) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const out = (line = ''): void => void process.stdout.write(line + '\n');
export const warn = (line: string): void => void process.stderr.write(line + '\n');
