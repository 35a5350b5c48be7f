import { preflightReasons, type HeaderList } from '@cors-playground/engine';

/**
 * Request classification: for a request's method and author headers, whether it is CORS-safelisted
 * or needs a preflight and why (https://fetch.spec.whatwg.org/#cors-safelisted-request-header and
 * the CORS-unsafe request-header names). A mix of what pages send.
 */
export const CLASSIFICATION_SAMPLES: Array<{ method: string; headers: HeaderList }> = [
  { method: 'GET', headers: [] },
  { method: 'GET', headers: [['Accept', 'application/json']] },
  { method: 'POST', headers: [['Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8']] },
  { method: 'POST', headers: [['Content-Type', 'application/json']] },
  { method: 'PUT', headers: [['Content-Type', 'text/plain;charset=UTF-8'], ['X-Token', 'abc']] },
  { method: 'GET', headers: [['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'], ['Accept-Language', 'fr-CA,fr;q=0.9']] },
  { method: 'DELETE', headers: [] },
  { method: 'GET', headers: [['Range', 'bytes=0-1023'], ['Content-Language', 'en']] },
  { method: 'POST', headers: [['Content-Type', 'multipart/form-data; boundary=----x'], ['DPR', '2']] },
  { method: 'PATCH', headers: [['Content-Type', 'application/merge-patch+json'], ['If-Match', '"v1"'], ['X-Request-Id', '42']] },
];

/**
 * Classifies every sample once; returns how many classifications that was. Each classification
 * gets a header list of its own, as each request has (the engine remembers lists it classified).
 */
export function classifyAll(): number {
  let preflighted = 0;
  for (const sample of CLASSIFICATION_SAMPLES) {
    const headers: HeaderList = sample.headers.map(([name, value]) => [name, value]);
    if (preflightReasons(sample.method, headers, 'chromium').length > 0) preflighted++;
  }
  if (preflighted === 0) throw new Error('unreachable: keeps the work observable');
  return CLASSIFICATION_SAMPLES.length;
}
