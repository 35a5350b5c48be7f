/**
 * `npm run agreement-report`: verifies every corpus scenario in one headless Chromium (the same
 * code as `cors-playground verify`) and writes docs/agreement.md. Exits 1 when a case differs or
 * could not run (the report is written all the same), 2 when a corpus file is not a valid scenario.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agrees, caseLine, InterruptedError, loadScenarioInput, summaryLine, verifyScenarios, withVerifySession, type ScenarioCase } from '@cors-playground/cli';
import { agreementMarkdown } from './agreement-markdown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = 'docs/agreement.md';

async function corpusCases(): Promise<ScenarioCase[] | null> {
  const input = await loadScenarioInput(ROOT, 'corpus');
  const invalid = input.loaded.flatMap((entry) => (entry.ok ? [] : entry.messages));
  for (const message of invalid) process.stderr.write(`${message}\n`);
  if (invalid.length > 0) return null;
  return input.loaded.flatMap((entry) => (entry.ok ? [{ file: entry.file, scenario: entry.scenario }] : []));
}

async function main(): Promise<number> {
  const cases = await corpusCases();
  if (!cases) return 2;
  const { browser, results } = await withVerifySession(async (session, signal) => {
    process.stderr.write(`Verifying ${cases.length} corpus scenarios in ${session.browserLabel}\n`);
    const onResult = (result: Parameters<typeof caseLine>[0]) => process.stderr.write(`${caseLine(result)}\n`);
    return { browser: session.browserLabel, results: await verifyScenarios(session.browser, session.target, cases, { signal, onResult }) };
  });
  const date = new Date().toISOString().slice(0, 10);
  await writeFile(join(ROOT, OUTPUT), agreementMarkdown({ browser, date, results }));
  process.stdout.write(`${OUTPUT}: ${summaryLine(results)} (${browser}, ${date})\n`);
  return results.every(agrees) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(error instanceof InterruptedError ? 'Interrupted: the browser and the server are closed.\n' : `agreement-report: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = error instanceof InterruptedError ? 130 : 1;
  },
);
