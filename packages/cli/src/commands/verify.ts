import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../io';
import { loadScenarioInput } from '../scenario-files';
import { caseLine, formatVerification, summaryLine, verificationJson, verificationsJson } from '../verify/format-verification';
import { InterruptedError } from '../verify/interrupt';
import { openDefaultSession, withVerifySession, type OpenSession } from '../verify/with-session';
import { agrees, verifyScenarios, type ScenarioCase, type ScenarioVerification } from '../verify/verify-scenarios';

export const VERIFY_USAGE = 'Usage: cors-playground verify FILE|DIRECTORY [--browser chromium] [--json]\n';

/** The browsers verify can run; Firefox and WebKit are not installed with the project. */
const BROWSERS = ['chromium'] as const;

interface VerifyRequest {
  path: string;
  json: boolean;
}

/** What the command needs from outside, so tests can share one browser between runs. */
export interface VerifyDependencies {
  openSession: OpenSession;
}

const defaultDependencies: VerifyDependencies = { openSession: openDefaultSession };

/** Exit codes: 0 when every case agrees, 1 when one differs or could not run. */
export function verificationExitCode(results: readonly Pick<ScenarioVerification, 'differences' | 'error'>[]): number {
  return results.every(agrees) ? EXIT.ok : EXIT.failure;
}

function parseVerifyArgs(args: string[], io: CliIo): VerifyRequest | number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, browser: { type: 'string', default: 'chromium' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${VERIFY_USAGE}`);
    return EXIT.usage;
  }
  const [path, ...extra] = parsed.positionals;
  if (path === undefined || extra.length > 0) {
    io.stderr(VERIFY_USAGE);
    return EXIT.usage;
  }
  if (!(BROWSERS as readonly string[]).includes(parsed.values.browser)) {
    io.stderr(`--browser: "${parsed.values.browser}" is not supported; verify runs ${BROWSERS.join(', ')}\n`);
    return EXIT.usage;
  }
  return { path, json: parsed.values.json };
}

/** Prints each case's line in the cases' order, as soon as every case before it has settled. */
function inOrder(count: number, print: (result: ScenarioVerification) => void): (result: ScenarioVerification, index: number) => void {
  const settled: Array<ScenarioVerification | undefined> = new Array(count);
  let next = 0;
  return (result, index) => {
    settled[index] = result;
    for (; next < count && settled[next]; next++) print(settled[next]!);
  };
}

function printResults(io: CliIo, request: VerifyRequest, single: boolean, results: ScenarioVerification[], browser: string): void {
  if (request.json) {
    const output = single ? verificationJson(results[0]!, browser) : verificationsJson(results, browser);
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else if (single) io.stdout(formatVerification(results[0]!, browser));
  else io.stdout(`${summaryLine(results)}\n`);
}

/** Verifies the cases in one session and prints them; the session is closed on every path, SIGINT included. */
async function runVerification(io: CliIo, request: VerifyRequest, cases: ScenarioCase[], single: boolean, dependencies: VerifyDependencies): Promise<number> {
  try {
    return await withVerifySession(async (session, signal) => {
      const progress = !single && !request.json;
      if (progress) io.stdout(`Verifying ${cases.length} ${cases.length === 1 ? 'scenario' : 'scenarios'} in ${session.browserLabel}\n`);
      const onResult = progress ? inOrder(cases.length, (result) => io.stdout(`${caseLine(result)}\n`)) : undefined;
      const results = await verifyScenarios(session.browser, session.target, cases, { signal, onResult });
      signal.throwIfAborted();
      printResults(io, request, single, results, session.browserLabel);
      return verificationExitCode(results);
    }, dependencies.openSession);
  } catch (error) {
    if (error instanceof InterruptedError) {
      io.stderr(`Interrupted: the browser and the server are closed.\n`);
      return EXIT.interrupted;
    }
    io.stderr(`verify: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
}

/**
 * `cors-playground verify FILE|DIRECTORY`: runs each scenario for real in headless Chromium through
 * a server started in this process, predicts it, and prints both sides and what differs.
 */
export async function verifyCommand(args: string[], io: CliIo, dependencies: VerifyDependencies = defaultDependencies): Promise<number> {
  const request = parseVerifyArgs(args, io);
  if (typeof request === 'number') return request;
  const input = await loadScenarioInput(io.cwd, request.path);
  const invalid = input.loaded.flatMap((entry) => (entry.ok ? [] : entry.messages));
  if (invalid.length > 0) {
    for (const message of invalid) io.stderr(`${message}\n`);
    return EXIT.usage;
  }
  const cases = input.loaded.flatMap((entry) => (entry.ok ? [{ file: entry.file, scenario: entry.scenario }] : []));
  return runVerification(io, request, cases, input.kind === 'file', dependencies);
}
