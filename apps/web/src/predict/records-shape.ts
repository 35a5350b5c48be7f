import {
  OUTCOMES,
  REQUEST_APIS,
  type Exchange,
  type HarnessReport,
  type LiveOrigin,
  type RequestRecord,
  type RunRecords,
} from '@cors-playground/scenario';

/**
 * Shape checks for data that crosses a boundary: messages from the predictor frame (which also
 * runs user code, so it is untrusted) and events from the server. Each returns a boolean and
 * never throws, so a malformed message is dropped rather than rendered.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

const OUTCOME_SET: ReadonlySet<unknown> = new Set(OUTCOMES);
const API_SET: ReadonlySet<unknown> = new Set(REQUEST_APIS);
const nullableString = (value: unknown) => value === null || typeof value === 'string';

function isFix(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.summary === 'string' &&
    nullableString(value.unsafe ?? null) &&
    Array.isArray(value.headers) &&
    value.headers.every((header) => isObject(header) && ['origin', 'method', 'path', 'name', 'value'].every((key) => typeof header[key] === 'string'))
  );
}

export function isRequestRecord(value: unknown): value is RequestRecord {
  if (!isObject(value)) return false;
  const { preflight, console: lines } = value;
  return (
    API_SET.has(value.api) &&
    typeof value.method === 'string' &&
    typeof value.url === 'string' &&
    typeof value.from === 'string' &&
    nullableString(value.to) &&
    isObject(preflight) &&
    typeof preflight.sent === 'boolean' &&
    isStringArray(preflight.reasons) &&
    OUTCOME_SET.has(value.outcome) &&
    typeof value.status === 'number' &&
    isStringArray(value.visibleHeaders) &&
    nullableString(value.blockedBy) &&
    isObject(lines) &&
    nullableString(lines.chromium ?? null) &&
    nullableString(lines.firefox ?? null) &&
    nullableString(lines.webkit ?? null) &&
    (value.fix === undefined || value.fix === null || isFix(value.fix))
  );
}

export function isRunRecords(value: unknown): value is RunRecords {
  return isObject(value) && Array.isArray(value.requests) && value.requests.every(isRequestRecord) && isStringArray(value.log);
}

function isHeaderLines(value: unknown): value is Array<[string, string]> {
  return Array.isArray(value) && value.every((line) => Array.isArray(line) && line.length === 2 && isStringArray(line));
}

export function isExchange(value: unknown): value is Exchange {
  if (!isObject(value) || !isObject(value.response)) return false;
  return (
    typeof value.seq === 'number' &&
    typeof value.at === 'number' &&
    typeof value.label === 'string' &&
    typeof value.method === 'string' &&
    typeof value.url === 'string' &&
    isHeaderLines(value.requestHeaders) &&
    typeof value.response.status === 'number' &&
    isHeaderLines(value.response.headers) &&
    (value.routeIndex === null || typeof value.routeIndex === 'number') &&
    (value.via === undefined || typeof value.via === 'string') &&
    (value.answeredBy === undefined || value.answeredBy === '@fastify/cors' || value.answeredBy === 'cors')
  );
}

export function isHarnessReport(value: unknown): value is HarnessReport {
  return (
    isObject(value) &&
    Array.isArray(value.observations) &&
    isStringArray(value.log) &&
    (value.end === 'finished' || value.end === 'threw' || value.end === 'timeout') &&
    nullableString(value.error)
  );
}

export function isLiveOrigin(value: unknown): value is LiveOrigin {
  return (
    isObject(value) &&
    typeof value.label === 'string' &&
    (value.scheme === 'http' || value.scheme === 'https') &&
    typeof value.host === 'string' &&
    typeof value.port === 'number' &&
    typeof value.site === 'string' &&
    typeof value.origin === 'string'
  );
}

export function isLiveOriginMap(value: unknown): value is Record<string, LiveOrigin> {
  return isObject(value) && Object.values(value).every(isLiveOrigin);
}
