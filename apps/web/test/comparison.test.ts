import type { RequestRecord } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import type { Prediction } from '../src/predict/messages';
import { IDLE_PREDICTION, IDLE_RUN, type PredictionState, type RunState } from '../src/store/store';
import { buildComparison, describeUrl } from '../src/view/comparison';

const record = (overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  api: 'fetch', method: 'GET', url: 'http://api-x.site-b.localhost:8080/data', from: 'app', to: 'api',
  preflight: { sent: false, reasons: [] }, outcome: 'ok', status: 200, visibleHeaders: ['content-type'], blockedBy: null,
  console: { chromium: null, firefox: null, webkit: null }, ...overrides,
});

const prediction = (requests: RequestRecord[], overrides: Partial<PredictionState> = {}): PredictionState => {
  const value: Prediction = { requests, log: ['200'], end: 'finished', error: null, traces: requests.map(() => []), notes: [], exchanges: [] };
  return { ...IDLE_PREDICTION, status: 'done', basis: 'sandbox', revision: 3, prediction: value, ...overrides };
};
const run = (requests: RequestRecord[], overrides: Partial<RunState> = {}): RunState => ({
  ...IDLE_RUN, status: 'finished', revision: 3, actual: { requests, log: ['200'] }, ...overrides,
});

describe('predicted and actual side by side', () => {
  it('marks the fields that disagree, per request', () => {
    const model = buildComparison(prediction([record()]), run([record({ outcome: 'blocked', status: 0, visibleHeaders: [] })]), 3);
    expect(model.comparable).toBe(true);
    expect([...model.rows[0]!.differing].sort()).toEqual(['outcome', 'status', 'visibleHeaders']);
  });

  it('finds agreement when both sides match', () => {
    const model = buildComparison(prediction([record()]), run([record()]), 3);
    expect(model.differences).toEqual([]);
    expect(model.rows[0]!.differing.size).toBe(0);
  });

  it('lines up a request only one side made', () => {
    const model = buildComparison(prediction([record(), record({ method: 'PUT' })]), run([record()]), 3);
    expect(model.rows).toHaveLength(2);
    expect(model.rows[1]!.actual).toBeNull();
    expect(model.rows[1]!.differing.has('request')).toBe(true);
  });

  it('does not compare a preview prediction with a run', () => {
    const model = buildComparison(prediction([record()], { basis: 'preview' }), run([record({ outcome: 'blocked' })]), 3);
    expect(model.comparable).toBe(false);
    expect(model.rows[0]!.differing.size).toBe(0);
  });

  it('calls the actual side stale once the scenario has changed since the run', () => {
    const model = buildComparison(prediction([record()], { revision: 4, basis: 'preview' }), run([record()]), 4);
    expect(model.actualStale).toBe(true);
    expect(model.comparable).toBe(false);
  });

  it('flags a log that differs', () => {
    const model = buildComparison(prediction([record()]), run([record()], { actual: { requests: [record()], log: ['404'] } }), 3);
    expect(model.logDiffers).toBe(true);
  });

  it('names a request by its origin label and path', () => {
    expect(describeUrl(record({ url: 'http://api-x.site-b.localhost:8080/data?q=1' }))).toEqual({ target: 'api', path: '/data?q=1' });
  });
});
