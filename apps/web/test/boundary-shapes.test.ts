import { describe, expect, it } from 'vitest';
import { isPredictionMessage, isPredictRequest, PREDICT, PREDICTION } from '../src/predict/messages';
import { isExchange, isRunRecords } from '../src/predict/records-shape';

const request = {
  api: 'fetch', method: 'GET', url: 'http://a/', from: 'app', to: null, preflight: { sent: false, reasons: [] },
  outcome: 'blocked', status: 0, visibleHeaders: [], blockedBy: 'cors-check', console: { chromium: 'x', firefox: null, webkit: null },
};
const prediction = { requests: [request], log: ['a'], end: 'finished', error: null, traces: [[{ result: 'fail', step: 'CORS check, step 2', spec: 'https://fetch.spec.whatwg.org/#concept-cors-check', detail: 'no ACAO' }]], notes: [], exchanges: [] };
const live = { app: { label: 'app', scheme: 'http', host: 'app-x.site-a.localhost', port: 8080, site: 'a', origin: 'http://app-x.site-a.localhost:8080' } };

describe('messages that cross the predictor frame boundary', () => {
  it('accept a well-formed prediction', () => {
    expect(isPredictionMessage({ type: PREDICTION, id: '1', ok: true, prediction })).toBe(true);
    expect(isPredictionMessage({ type: PREDICTION, id: '1', ok: false, message: 'boom' })).toBe(true);
  });

  it('drop a prediction with an unknown outcome, a missing field or a foreign type', () => {
    expect(isPredictionMessage({ type: PREDICTION, id: '1', ok: true, prediction: { ...prediction, requests: [{ ...request, outcome: 'maybe' }] } })).toBe(false);
    expect(isPredictionMessage({ type: PREDICTION, id: '1', ok: true, prediction: { ...prediction, traces: undefined } })).toBe(false);
    expect(isPredictionMessage({ type: 'something-else', id: '1', ok: true, prediction })).toBe(false);
    expect(isPredictionMessage('a string')).toBe(false);
    expect(isPredictionMessage(null)).toBe(false);
  });

  it('accept a predict request only with live origins and a positive timeout', () => {
    expect(isPredictRequest({ type: PREDICT, id: '1', scenario: {}, origins: live, timeoutMs: 5000 })).toBe(true);
    expect(isPredictRequest({ type: PREDICT, id: '1', scenario: {}, origins: { app: 'http://x' }, timeoutMs: 5000 })).toBe(false);
    expect(isPredictRequest({ type: PREDICT, id: '1', scenario: {}, origins: live, timeoutMs: 0 })).toBe(false);
  });
});

describe('events from the server', () => {
  it('accept run records and exchanges of the documented shape', () => {
    expect(isRunRecords({ requests: [request], log: [] })).toBe(true);
    expect(isExchange({ seq: 0, at: 3, label: 'api', method: 'GET', url: 'http://a/', requestHeaders: [['origin', 'x']], response: { status: 200, headers: [] }, routeIndex: 0 })).toBe(true);
  });

  it('drop malformed ones', () => {
    expect(isRunRecords({ requests: [{}], log: [] })).toBe(false);
    expect(isExchange({ seq: 0, at: 3, label: 'api', method: 'GET', url: 'http://a/', requestHeaders: [['origin']], response: { status: 200, headers: [] }, routeIndex: 0 })).toBe(false);
  });
});
