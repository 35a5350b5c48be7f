/**
 * Requests and outcomes (SCENARIO.md): the one shape that a prediction and a real run both
 * produce, so comparing them is a field-by-field diff in the UI, the CLI and the tests.
 */
export const REQUEST_APIS = [
  'fetch', 'xhr', 'img', 'script', 'module', 'stylesheet', 'iframe', 'beacon', 'websocket', 'eventsource', 'font', 'window',
] as const;
export type RequestApi = (typeof REQUEST_APIS)[number];

export const OUTCOMES = ['ok', 'blocked', 'opaque', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];
export type ConsoleLines = Record<EngineName, string | null>;

/** One step the browser took for a request, as the engine explains it (issue: explanation). */
export interface ExplanationStep {
  result: 'pass' | 'fail' | 'info' | 'unsupported';
  /** The spec step in its own words, e.g. "CORS check, step 4". */
  step: string;
  /** A link to the Fetch standard's section that decided it. */
  spec: string;
  /** A sentence a reader understands without the spec open. */
  detail: string;
  /** The header values (or other inputs) the step looked at, by name; null when absent. */
  values?: Record<string, string | null>;
  /** The id of the failed check, when result is "fail". */
  blockedBy?: string;
}

/** The smallest change that makes a blocked request succeed. */
export interface Fix {
  /** One sentence: what to change and why. */
  summary: string;
  /** Response headers to send: on which origin, for which request (method and path), name and value. */
  headers: Array<{ origin: string; method: string; path: string; name: string; value: string }>;
  /** The same change as options of the CORS library the origin runs, when it runs one. */
  library?: { plugin: '@fastify/cors' | 'cors'; options: Record<string, unknown> };
  /** Set when the only change that works is unsafe (e.g. reflecting any origin with credentials). */
  unsafe: string | null;
}

export interface RequestRecord {
  api: RequestApi;
  method: string;
  url: string;
  /** The label of the page origin that made the request. */
  from: string;
  /** The label of the origin the URL names, or null outside the sandbox. */
  to: string | null;
  preflight: { sent: boolean; reasons: string[] };
  outcome: Outcome;
  /** As JavaScript sees it; 0 when blocked or opaque. */
  status: number;
  /** Lower-case names JavaScript can read, sorted. */
  visibleHeaders: string[];
  /** The id of the failed check when the outcome is blocked. */
  blockedBy: string | null;
  console: ConsoleLines;
  /**
   * The names of the cookies the request carried to its server (its first request, not a redirect
   * or a preflight), sorted; null when it never reached a server. Left out where a side cannot say.
   */
  cookies?: string[] | null;
  /** Prediction only: the ordered steps the browser takes, with pass or fail. */
  explanation?: ExplanationStep[];
  /** Prediction only: the smallest fix, or null when the request succeeds or nothing can fix it. */
  fix?: Fix | null;
}

export interface RunRecords {
  requests: RequestRecord[];
  log: string[];
}

export interface Difference {
  request: number;
  field: string;
  predicted: unknown;
  actual: unknown;
}

/** The fields a prediction must get right to agree with a real run. */
export const COMPARED_FIELDS = ['outcome', 'preflight.sent', 'status', 'visibleHeaders'] as const;

function fieldOf(record: RequestRecord, field: string): unknown {
  switch (field) {
    case 'preflight.sent':
      return record.preflight.sent;
    case 'visibleHeaders':
      return [...record.visibleHeaders].sort();
    default:
      return record[field as keyof RequestRecord];
  }
}

export interface CompareOptions {
  /** Also compare this engine's console line for blocked requests, where the actual side captured one. */
  consoleOf?: EngineName;
}

export function compareRuns(predicted: RunRecords, actual: RunRecords, options: CompareOptions = {}): Difference[] {
  const differences: Difference[] = [];
  const count = Math.max(predicted.requests.length, actual.requests.length);
  for (let index = 0; index < count; index++) {
    const p = predicted.requests[index];
    const a = actual.requests[index];
    if (!p || !a) {
      differences.push({ request: index, field: 'request', predicted: p ? `${p.method} ${p.url}` : null, actual: a ? `${a.method} ${a.url}` : null });
      continue;
    }
    const fields: string[] = ['api', 'method', 'url', ...COMPARED_FIELDS];
    const engine = options.consoleOf;
    if (engine && a.outcome === 'blocked' && a.console[engine] !== null) fields.push(`console.${engine}`);
    if (p.cookies !== undefined && a.cookies !== undefined) fields.push('cookies');
    for (const field of fields) {
      const pv = field.startsWith('console.') ? p.console[engine!] : fieldOf(p, field);
      const av = field.startsWith('console.') ? a.console[engine!] : fieldOf(a, field);
      if (JSON.stringify(pv) !== JSON.stringify(av)) differences.push({ request: index, field, predicted: pv, actual: av });
    }
  }
  if (JSON.stringify(predicted.log) !== JSON.stringify(actual.log)) {
    differences.push({ request: -1, field: 'log', predicted: predicted.log, actual: actual.log });
  }
  return differences;
}
