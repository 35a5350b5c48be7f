import type { Exchange, LiveOrigin, RunRecords } from '@cors-playground/scenario';
import { isExchange, isLiveOriginMap, isObject, isRunRecords } from './records-shape';

/**
 * The postMessage protocol between the playground and the predictor frame. The frame runs user
 * code, so the playground treats everything it sends as untrusted and checks each message's shape.
 */
export const PREDICTOR_READY = 'cors-playground:predictor-ready';
export const PREDICT = 'cors-playground:predict';
export const PREDICTION = 'cors-playground:prediction';

/** One decision of the model, as the engine's Verdict: the spec step that decided it and why. */
export interface VerdictView {
  result: 'pass' | 'fail' | 'info' | 'unsupported';
  step: string;
  /** A link into the Fetch standard. */
  spec: string;
  detail: string;
  /** The header values (or other inputs) the step looked at; null when absent. */
  values?: Record<string, string | null>;
}

/** What the engine's simulator returns: the records, how the client code ended, and why each request went as it did. */
export interface Prediction extends RunRecords {
  end: string;
  error: string | null;
  /** Index-aligned with `requests`. */
  traces: VerdictView[][];
  /** What the model met but does not simulate. */
  notes: VerdictView[];
  /** What the modelled servers would receive, in the server log's shape (`at` is the model's virtual clock, in ms). */
  exchanges: Exchange[];
}

export interface PredictorReady {
  type: typeof PREDICTOR_READY;
}

export interface PredictRequest {
  type: typeof PREDICT;
  id: string;
  /** The scenario as written; the frame validates it again. */
  scenario: unknown;
  origins: Record<string, LiveOrigin>;
  timeoutMs: number;
}

export type PredictionMessage =
  | { type: typeof PREDICTION; id: string; ok: true; prediction: Prediction }
  | { type: typeof PREDICTION; id: string; ok: false; message: string };

export function isPredictorReady(data: unknown): data is PredictorReady {
  return isObject(data) && data.type === PREDICTOR_READY;
}

export function isPredictRequest(data: unknown): data is PredictRequest {
  return (
    isObject(data) &&
    data.type === PREDICT &&
    typeof data.id === 'string' &&
    isObject(data.scenario) &&
    isLiveOriginMap(data.origins) &&
    typeof data.timeoutMs === 'number' &&
    data.timeoutMs > 0
  );
}

const VERDICT_RESULTS: ReadonlySet<unknown> = new Set(['pass', 'fail', 'info', 'unsupported']);

export function isVerdictView(value: unknown): value is VerdictView {
  return (
    isObject(value) &&
    VERDICT_RESULTS.has(value.result) &&
    typeof value.step === 'string' &&
    typeof value.spec === 'string' &&
    typeof value.detail === 'string' &&
    (value.values === undefined ||
      (isObject(value.values) && Object.values(value.values).every((item) => item === null || typeof item === 'string')))
  );
}

const isVerdictList = (value: unknown): value is VerdictView[] => Array.isArray(value) && value.every(isVerdictView);

export function isPrediction(value: unknown): value is Prediction {
  return (
    isRunRecords(value) &&
    isObject(value) &&
    typeof value.end === 'string' &&
    (value.error === null || typeof value.error === 'string') &&
    Array.isArray(value.traces) &&
    value.traces.every(isVerdictList) &&
    isVerdictList(value.notes) &&
    Array.isArray(value.exchanges) &&
    value.exchanges.every(isExchange)
  );
}

export function isPredictionMessage(data: unknown): data is PredictionMessage {
  if (!isObject(data) || data.type !== PREDICTION || typeof data.id !== 'string') return false;
  return data.ok === true ? isPrediction(data.prediction) : data.ok === false && typeof data.message === 'string';
}
