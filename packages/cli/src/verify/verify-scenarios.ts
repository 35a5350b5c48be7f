import type { Browser, BrowserContext } from 'playwright-core';
import { compareRuns, type Difference, type RunRecords, type Scenario } from '@cors-playground/scenario';
import { predictScenario } from '../predict';
import { realRun } from './real-run';
import { newRunContext } from './run-browsers';

/** Where real runs happen: the server's API and the ports its sandbox origins listen on. */
export interface VerifyTarget {
  /** E.g. http://localhost:18080; the API lives under /api. */
  apiBaseUrl: string;
  ports: { http: readonly number[]; https: readonly number[] };
  /** The parent of the site domains when the server is not on `localhost` (a hosted deployment). */
  domain?: string;
}

/** Both sides of one scenario and what differs between them (SCENARIO.md, `verify --json`). */
export interface Verification {
  predicted: RunRecords;
  actual: RunRecords;
  differences: Difference[];
}

export interface ScenarioCase {
  /** How the scenario is named in the output, e.g. its path. */
  file: string;
  scenario: Scenario;
}

/** One case's verdict; `error` says why the run could not finish, and then both sides are null. */
export interface ScenarioVerification {
  file: string;
  scenario: Scenario;
  predicted: RunRecords | null;
  actual: RunRecords | null;
  differences: Difference[];
  error: string | null;
}

export interface VerifyOptions {
  /** How many browser contexts run at once; default 4. */
  concurrency?: number;
  /** Stops taking new cases once aborted (a SIGINT); the cases under way still settle. */
  signal?: AbortSignal;
  /** Called as each case settles, in completion order. */
  onResult?: (result: ScenarioVerification, index: number) => void;
}

export const DEFAULT_CONCURRENCY = 4;

/**
 * Runs one scenario for real in the given context, predicts it with the same sandbox id and the
 * real ports (so both sides name the same URLs), and compares the two, console lines included.
 */
export async function verifyScenario(target: VerifyTarget, context: BrowserContext, scenario: Scenario): Promise<Verification> {
  const run = await realRun(target.apiBaseUrl, context, scenario);
  const prediction = await predictScenario(scenario, { sandboxId: run.sandbox.id, ports: { http: [...target.ports.http], https: [...target.ports.https] }, domain: target.domain });
  const predicted = { requests: prediction.requests, log: prediction.log };
  return { predicted, actual: run.actual, differences: compareRuns(predicted, run.actual, { consoleOf: 'chromium' }) };
}

/** Whether the prediction and the browser agree on a case: it ran, and nothing differs. */
export function agrees(result: Pick<ScenarioVerification, 'differences' | 'error'>): boolean {
  return result.error === null && result.differences.length === 0;
}

/** Verifies one case in a fresh browser context, closed afterwards; a failed run becomes the case's error. */
async function verifyCase(browser: Browser, target: VerifyTarget, { file, scenario }: ScenarioCase): Promise<ScenarioVerification> {
  const context = await newRunContext(browser, scenario);
  try {
    return { file, scenario, ...(await verifyScenario(target, context, scenario)), error: null };
  } catch (error) {
    return { file, scenario, predicted: null, actual: null, differences: [], error: (error as Error).message };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Runs `task` over the items with at most `limit` at once; results keep the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Verifies every case in one browser, each in its own context, a few at once. The command line,
 * the agreement report and (through verifyScenario) the e2e agreement suite all run this code.
 */
export async function verifyScenarios(browser: Browser, target: VerifyTarget, cases: readonly ScenarioCase[], options: VerifyOptions = {}): Promise<ScenarioVerification[]> {
  return mapConcurrently(
    cases,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async (item, index) => {
      const result = await verifyCase(browser, target, item);
      options.onResult?.(result, index);
      return result;
    },
    options.signal,
  );
}
