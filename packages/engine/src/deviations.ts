import type { EngineName } from '@cors-playground/scenario';

/**
 * Where an engine departs from the Fetch standard, as data: one row per difference, each with a
 * note of where it was observed. The model reads these rows; it never branches on an engine name.
 * Firefox and WebKit have no rows yet: the model applies the standard to them.
 */
export const DEVIATION_IDS = [
  'client-hint-request-headers-safelisted',
  'authorization-covered-by-wildcard',
  'preflight-cache-one-entry-per-url',
] as const;
export type DeviationId = (typeof DEVIATION_IDS)[number];

export interface Deviation {
  id: DeviationId;
  engine: EngineName;
  summary: string;
  /** The step of the standard it departs from. */
  spec: string;
  /** Where it was observed: a browser version and how, or a source file. */
  observed: string;
}

export const DEVIATIONS: readonly Deviation[] = [
  {
    id: 'client-hint-request-headers-safelisted',
    engine: 'chromium',
    summary:
      'Intervention and the legacy client-hint request headers (DPR, Width, Viewport-Width, Device-Memory, RTT, Downlink, ECT, Save-Data) are CORS-safelisted when their value has the expected form, so setting them needs no preflight.',
    spec: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    observed:
      'Chromium 156.0.8078.79 (headless, Debian): fetch with DPR: 2, Width: 100 or Save-Data: on sent no OPTIONS; services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader',
  },
  {
    id: 'authorization-covered-by-wildcard',
    engine: 'chromium',
    summary:
      'Access-Control-Allow-Headers: * also allows Authorization (the standard requires Authorization to be listed by name); Chromium only reports a deprecation issue in DevTools.',
    spec: 'https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name',
    observed:
      'Chromium 156.0.8078.79 (headless, Debian): a preflight answered with Access-Control-Allow-Headers: * let a GET with Authorization through; the feature that enforces the standard is off by default',
  },
  {
    id: 'preflight-cache-one-entry-per-url',
    engine: 'chromium',
    summary:
      'The CORS-preflight cache keeps one result per origin and URL (its methods, header names and credentials), replaced by each new preflight, rather than one entry per method and header name.',
    spec: 'https://fetch.spec.whatwg.org/#cors-preflight-cache',
    observed:
      'Chromium 156.0.8078.79 (headless, Debian): PUT, DELETE, PUT to one URL, each preflight allowing only its own method, sent three preflights; services/network/cors/preflight_cache.cc',
  },
];

const ROWS = new Set(DEVIATIONS.map((row) => `${row.engine} ${row.id}`));

export function hasDeviation(engine: EngineName, id: DeviationId): boolean {
  return ROWS.has(`${engine} ${id}`);
}

export function deviationsOf(engine: EngineName): Deviation[] {
  return DEVIATIONS.filter((row) => row.engine === engine);
}

const decimal = (value: string) => /^\d+(\.\d+)?$/.test(value);
const integer = (value: string) => /^\d+$/.test(value);

/**
 * The value rule of each request header Chromium adds to the safelist
 * (deviation "client-hint-request-headers-safelisted"; cors.cc IsCorsSafelistedHeader).
 */
export const CHROMIUM_EXTRA_SAFELISTED_REQUEST_HEADERS: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['intervention', () => true],
  ['device-memory', decimal],
  ['dpr', decimal],
  ['downlink', decimal],
  ['width', integer],
  ['viewport-width', integer],
  ['rtt', integer],
  ['ect', (value: string) => ['slow-2g', '2g', '3g', '4g'].includes(value)],
  ['save-data', (value: string) => value.toLowerCase() === 'on'],
]);
