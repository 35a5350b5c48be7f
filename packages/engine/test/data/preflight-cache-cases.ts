/**
 * The CORS-preflight cache over virtual time. Each case: an engine and steps at virtual
 * milliseconds. Chromium's rows match what Chromium 156 did in the proposed corpus cases named;
 * Firefox's and WebKit's follow their sources.
 */
import type { EngineName } from '@cors-playground/scenario';
import type { CredentialsMode } from '../../src/index';

export type CacheStep =
  | { at: number; store: { methods: string[]; headers?: string[]; maxAge: number; credentials?: CredentialsMode; url?: string } }
  | { at: number; lookup: { method: string; headers?: string[]; credentials?: CredentialsMode; url?: string; useCorsPreflight?: boolean }; missing: string[] }
  | { at: number; clear: true };

export interface CacheCase {
  name: string;
  engine: EngineName;
  steps: CacheStep[];
}

const PUT = { method: 'PUT' };

export const CACHE_CASES: CacheCase[] = [
  {
    name: 'an entry covers its method until its max-age has passed, and not a millisecond longer (Chromium)',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 5 } },
      { at: 4_999, lookup: PUT, missing: [] },
      { at: 5_000, lookup: PUT, missing: ['method PUT'] },
    ],
  },
  {
    name: 'an entry counts only from the instant its preflight answered',
    engine: 'chromium',
    steps: [
      { at: 1_000, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 500, lookup: PUT, missing: ['method PUT'] },
      { at: 1_000, lookup: PUT, missing: [] },
    ],
  },
  {
    name: 'a new method drops Chromium\'s one result for the URL (proposed corpus: preflight-cache-new-method-replaces-entry)',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 10, lookup: { method: 'DELETE' }, missing: ['method DELETE'] },
      { at: 20, lookup: PUT, missing: ['method PUT'] },
    ],
  },
  {
    name: 'the standard keeps one entry per method, so a new method leaves the old one (Firefox)',
    engine: 'firefox',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 10, lookup: { method: 'DELETE' }, missing: ['method DELETE'] },
      { at: 20, store: { methods: ['DELETE'], maxAge: 600 } },
      { at: 30, lookup: PUT, missing: [] },
      { at: 30, lookup: { method: 'DELETE' }, missing: [] },
    ],
  },
  {
    name: 'a new header name needs a new preflight, whose result then covers both (Chromium)',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['PUT'], headers: ['x-a'], maxAge: 600 } },
      { at: 10, lookup: { method: 'PUT', headers: ['x-a', 'x-b'] }, missing: ['header x-b'] },
      { at: 20, store: { methods: ['PUT'], headers: ['x-a', 'x-b'], maxAge: 600 } },
      { at: 30, lookup: { method: 'PUT', headers: ['x-a'] }, missing: [] },
    ],
  },
  {
    name: 'an entry made with credentials serves a request without them, not the other way round',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 10, lookup: { method: 'PUT', credentials: 'include' }, missing: ['method PUT'] },
      { at: 20, store: { methods: ['PUT'], maxAge: 600, credentials: 'include' } },
      { at: 30, lookup: { method: 'PUT', credentials: 'omit' }, missing: [] },
    ],
  },
  {
    name: 'Firefox keeps credentialed and anonymous entries apart',
    engine: 'firefox',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600, credentials: 'include' } },
      { at: 10, lookup: { method: 'PUT', credentials: 'omit' }, missing: ['method PUT'] },
      { at: 10, lookup: { method: 'PUT', credentials: 'include' }, missing: [] },
    ],
  },
  {
    name: 'a wildcard entry covers any method and header without credentials, Authorization too in Chromium',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['*'], headers: ['*'], maxAge: 600 } },
      { at: 10, lookup: { method: 'PATCH', headers: ['x-a', 'authorization'] }, missing: [] },
    ],
  },
  {
    name: 'a wildcard entry covers nothing for a request with credentials',
    engine: 'chromium',
    steps: [
      { at: 0, store: { methods: ['*'], headers: ['*'], maxAge: 600, credentials: 'include' } },
      { at: 10, lookup: { method: 'PATCH', headers: ['x-a'], credentials: 'include' }, missing: ['method PATCH', 'header x-a'] },
    ],
  },
  {
    name: 'a CORS-safelisted method needs no cache entry, unless the use-CORS-preflight flag is set',
    engine: 'chromium',
    steps: [
      { at: 0, lookup: { method: 'POST' }, missing: [] },
      { at: 0, lookup: { method: 'POST', useCorsPreflight: true }, missing: ['method POST'] },
    ],
  },
  {
    name: 'Firefox checks HEAD against the cached methods',
    engine: 'firefox',
    steps: [{ at: 0, lookup: { method: 'HEAD' }, missing: ['method HEAD'] }],
  },
  {
    name: 'entries are per URL, query included',
    engine: 'webkit',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 10, lookup: { method: 'PUT', url: 'http://api-k3j9x.site-b.localhost:8080/data?page=2' }, missing: ['method PUT'] },
    ],
  },
  {
    name: 'clearing drops the entries from that instant on, and a max-age of 0 stores nothing',
    engine: 'firefox',
    steps: [
      { at: 0, store: { methods: ['PUT'], maxAge: 600 } },
      { at: 10, clear: true },
      { at: 20, lookup: PUT, missing: ['method PUT'] },
      { at: 30, store: { methods: ['PUT'], maxAge: 0 } },
      { at: 40, lookup: PUT, missing: ['method PUT'] },
    ],
  },
];

/** Access-Control-Max-Age as each engine reads it (seconds; 0: not cached). Chromium's rows were observed. */
export const MAX_AGE_ROWS: Array<[value: string | null, chromium: number, firefox: number, webkit: number]> = [
  [null, 5, 5, 5],
  ['600', 600, 600, 600],
  ['0', 0, 0, 0],
  ['-1', 0, 0, 0],
  ['+600', 600, 0, 600],
  ['ten', 5, 0, 5],
  ['10.5', 5, 0, 5],
  ['', 5, 5, 5],
  ['7201', 7200, 7201, 600],
  ['100000', 7200, 86400, 600],
];
