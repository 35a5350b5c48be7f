import { compareRuns, type Difference, type RequestRecord } from '@cors-playground/scenario';
import type { VerdictView } from '../predict/messages';
import type { PredictionState, RunState } from '../store/store';

export interface RequestRowModel {
  index: number;
  predicted: RequestRecord | null;
  actual: RequestRecord | null;
  /** Why the model decided as it did (the predicted side only). */
  trace: VerdictView[];
  /** Fields where the two sides disagree (compareRuns' names: outcome, preflight.sent, status, ...). */
  differing: ReadonlySet<string>;
}

export interface ComparisonModel {
  rows: RequestRowModel[];
  /** Both sides belong to the same run and scenario, so disagreements are meaningful. */
  comparable: boolean;
  /** The actual side is from a run of an earlier version of the scenario. */
  actualStale: boolean;
  logDiffers: boolean;
  differences: Difference[];
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Lines up the predicted and actual requests by index and, when both come from the same sandbox
 * and the same version of the scenario, marks where they disagree (the same diff as the CLI and
 * the agreement suite: compareRuns).
 */
export function buildComparison(prediction: PredictionState, run: RunState, revision: number): ComparisonModel {
  const predicted = prediction.prediction;
  const actual = run.actual;
  const actualStale = run.status !== 'idle' && run.revision !== revision;
  const comparable =
    predicted !== null && actual !== null && !actualStale &&
    prediction.basis === 'sandbox' && prediction.revision === run.revision && prediction.status === 'done';
  const differences = comparable ? compareRuns(predicted, actual, { consoleOf: 'chromium' }) : [];
  const count = Math.max(predicted?.requests.length ?? 0, actual?.requests.length ?? 0);
  const rows: RequestRowModel[] = [];
  for (let index = 0; index < count; index++) {
    const fields = differences.filter((difference) => difference.request === index).map((difference) => difference.field);
    rows.push({
      index,
      predicted: predicted?.requests[index] ?? null,
      actual: actual?.requests[index] ?? null,
      trace: predicted?.traces[index] ?? [],
      differing: fields.length > 0 ? new Set(fields) : NONE,
    });
  }
  return { rows, comparable, actualStale, logDiffers: differences.some((difference) => difference.request === -1), differences };
}

/** The label and path a URL names, for a compact row title. */
export function describeUrl(record: RequestRecord): { target: string; path: string } {
  try {
    const url = new URL(record.url);
    return { target: record.to ?? url.host, path: url.pathname + url.search };
  } catch {
    return { target: record.to ?? '?', path: record.url };
  }
}
