import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXIT, processIo, type CliIo } from './io';
import { predictCommand, PREDICT_USAGE } from './commands/predict';
import { serveCommand, SERVE_USAGE } from './commands/serve';
import { verifyCommand, VERIFY_USAGE } from './commands/verify';

export const USAGE = `cors-playground: predict and check what browsers do with cross-origin requests.

${PREDICT_USAGE}${VERIFY_USAGE}${SERVE_USAGE}`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  predict: predictCommand,
  serve: serveCommand,
  verify: (args, io) => verifyCommand(args, io),
};

/** Runs one command line and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(args, io);
  } catch (error) {
    io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

// No top-level await: index.ts re-exports main, and CommonJS loaders (Playwright's) refuse TLA.
if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
