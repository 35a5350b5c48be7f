import { simulate } from '@cors-playground/engine';
import type { BenchScenario } from './corpus';

export type Evaluate = (code: string, scope: Record<string, unknown>) => Promise<void>;

type AsyncFunctionConstructor = new (...argumentsAndBody: string[]) => (...values: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

const compiled = new Map<string, (...values: unknown[]) => Promise<unknown>>();

/**
 * For the bench only: the client code as an async function in this process, with the scope's names
 * as its parameters (no isolation at all; the CLI uses node:vm and the web app a sandboxed iframe).
 * Each client is compiled once, as a page would parse its script once.
 */
export const directEvaluate: Evaluate = async (code, scope) => {
  const names = Object.keys(scope);
  const key = `${names.join(',')}\n${code}`;
  let body = compiled.get(key);
  if (body === undefined) {
    body = new AsyncFunction(...names, code);
    compiled.set(key, body);
  }
  await body(...Object.values(scope));
};

/** Simulates every scenario once; returns how many that was. */
export async function simulateAll(corpus: readonly BenchScenario[], evaluate: Evaluate): Promise<number> {
  for (const { scenario, origins } of corpus) await simulate({ scenario, origins, engine: 'chromium', evaluate });
  return corpus.length;
}
