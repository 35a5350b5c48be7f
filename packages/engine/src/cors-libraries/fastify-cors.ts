import type { LiveCorsOptions, LiveCorsValue } from '@cors-playground/scenario';
import { OutgoingHeaders } from './outgoing-headers';
import { isOriginAllowed, type LibraryRequest, type LibraryVerdict } from './library-verdict';

/**
 * @fastify/cors 11 (node_modules/@fastify/cors/index.js), registered with static options:
 * `fastify.register(cors, options)`. Its onRequest hook (or the hook named by `hook`: every one
 * offered runs before the route, so they behave alike here) sets the headers, answers preflights
 * itself unless told not to, and its `OPTIONS *` route answers an OPTIONS request that no route of
 * the app takes. Apps/server runs the real plugin; test/cors-library-model.test.ts holds the two
 * together.
 */
export const DEFAULTS = {
  origin: '*',
  methods: 'GET,HEAD,POST',
  preflightContinue: false,
  optionsSuccessStatus: 204,
  credentials: false,
  exposedHeaders: null,
  allowedHeaders: null,
  maxAge: null,
  preflight: true,
  strictPreflight: true,
} as const;

type Options = Record<string, LiveCorsValue | null | undefined>;

/** normalizeCorsOptions: a list holding "*" means "*"; cacheControl an integer or a string, else none. */
function normalize(given: LiveCorsOptions): Options {
  const options: Options = { ...DEFAULTS, ...given };
  if (Array.isArray(given.origin) && given.origin.includes('*')) options.origin = '*';
  const cache = options.cacheControl;
  options.cacheControl = Number.isInteger(cache) ? `max-age=${String(cache)}` : typeof cache === 'string' ? cache : null;
  return options;
}

/**
 * vary.js createAddFieldnameToVary: appends a field name to Vary. The plugin's own lines are the
 * only ones set when it runs, so Vary is absent or holds just Origin (never "*" or a repeat).
 */
function addToVary(headers: OutgoingHeaders, field: string): void {
  const current = headers.get('Vary');
  headers.set('vary', current ? `${current}, ${field}` : field);
}

const joined = (value: LiveCorsValue | null | undefined) => (Array.isArray(value) ? value.join(', ') : String(value));

/** getAccessControlAllowOriginHeader (a list holding "*" is "*" by now): the value to send, or undefined for none. */
function allowOriginValue(origin: string | undefined, option: LiveCorsValue | null | undefined): string | undefined {
  if (typeof option === 'string') return option;
  return isOriginAllowed(origin, option) ? origin : undefined;
}

export function fastifyCors(given: LiveCorsOptions, request: LibraryRequest): LibraryVerdict {
  const options = normalize(given);
  const headers = new OutgoingHeaders();
  // Static options: Vary: Origin only when the answer depends on the origin (not for a fixed string).
  if (typeof options.origin !== 'string' && options.origin !== false) addToVary(headers, 'Origin');
  if (options.origin === false) return { ended: false, headers: headers.lines() };

  const origin = request.headers.origin;
  const allowOrigin = allowOriginValue(origin, options.origin);
  if (allowOrigin) headers.set('access-control-allow-origin', allowOrigin);
  if (options.credentials) headers.set('access-control-allow-credentials', 'true');
  if (options.exposedHeaders !== null) headers.set('access-control-expose-headers', joined(options.exposedHeaders));

  if (request.method !== 'OPTIONS' || options.preflight !== true) return { ended: false, headers: headers.lines() };
  if (options.strictPreflight === true && (!origin || !request.headers['access-control-request-method'])) {
    const body = 'Invalid Preflight Request';
    headers.set('content-type', 'text/plain');
    headers.set('content-length', String(body.length));
    return { ended: true, status: 400, headers: headers.lines(), body, reason: '@fastify/cors refused an OPTIONS request without Origin or Access-Control-Request-Method (strictPreflight)' };
  }
  headers.set('access-control-allow-methods', joined(options.methods));
  if (options.allowedHeaders === null) {
    addToVary(headers, 'Access-Control-Request-Headers');
    const requested = request.headers['access-control-request-headers'];
    if (requested !== undefined) headers.set('access-control-allow-headers', requested);
  } else {
    headers.set('access-control-allow-headers', joined(options.allowedHeaders));
  }
  if (options.maxAge !== null) headers.set('access-control-max-age', String(options.maxAge));
  if (options.cacheControl) headers.set('cache-control', String(options.cacheControl));

  if (!options.preflightContinue) {
    headers.set('content-length', '0');
    const status = Number(options.optionsSuccessStatus);
    return { ended: true, status, headers: headers.lines(), body: '', reason: `@fastify/cors answered the preflight itself (${status})` };
  }
  if (request.routeMatches) return { ended: false, headers: headers.lines() };
  // preflightContinue with no route of the app for this path: the plugin's own OPTIONS * route
  // answers, with an empty 200 (Fastify adds Content-Length: 0 to an empty answer).
  headers.set('content-length', '0');
  return { ended: true, status: 200, headers: headers.lines(), body: '', reason: "@fastify/cors's OPTIONS * route answered (preflightContinue, and no route of the app takes OPTIONS here)" };
}
