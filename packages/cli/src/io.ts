/** Where a command writes, so tests can capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths resolve against this directory. */
  cwd: string;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/**
 * Exit codes: 0 done, 1 something broke (for verify: a difference, or a run that could not finish),
 * 2 the input or the usage is wrong, 130 interrupted (SIGINT or SIGTERM).
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
