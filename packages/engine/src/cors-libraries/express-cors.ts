import type { LiveCorsOptions, LiveCorsValue } from '@cors-playground/scenario';
import { OutgoingHeaders } from './outgoing-headers';
import { isOriginAllowed, type LibraryRequest, type LibraryVerdict } from './library-verdict';

/**
 * The Express cors middleware 2.8 (node_modules/cors/lib/index.js), `app.use(cors(options))`, on
 * Node's response: it sets headers with res.setHeader (Vary through the vary package) and either
 * calls next() or ends a preflight itself. It differs from @fastify/cors in small ways that show:
 * lists are joined with "," (no space), a fixed string origin also sends Vary: Origin, "*" never
 * does, every OPTIONS request is a preflight (no Origin or Access-Control-Request-Method needed),
 * and a continued preflight with no route falls to the app's 404.
 */
export const DEFAULTS = {
  origin: '*',
  methods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  preflightContinue: false,
  optionsSuccessStatus: 204,
} as const;

/**
 * The vary package: appends a field name to Vary, case-preserving. The middleware's own lines are
 * the only ones set when it runs, so Vary is absent or holds just Origin (never "*" or a repeat).
 */
function vary(headers: OutgoingHeaders, field: string): void {
  const current = headers.get('Vary');
  headers.set('Vary', current ? `${current}, ${field}` : field);
}

/** `x.join ? x.join(',') : x`, as each configure* function does. */
const commaJoined = (value: LiveCorsValue | undefined) => (Array.isArray(value) ? value.join(',') : value);

export function expressCors(given: LiveCorsOptions, request: LibraryRequest): LibraryVerdict {
  const options: LiveCorsOptions = { ...DEFAULTS, ...given };
  const headers = new OutgoingHeaders();
  // A falsy origin (false) means no origin callback: next() with no header at all.
  if (!options.origin) return { ended: false, headers: [] };
  const origin = request.headers.origin;
  // applyHeaders: a falsy value (no origin matched, an empty list) writes no line.
  const set = (name: string, value: LiveCorsValue | undefined) => {
    if (value) headers.set(name, String(value));
  };

  // configureOrigin
  if (options.origin === '*') set('Access-Control-Allow-Origin', '*');
  else if (typeof options.origin === 'string') {
    set('Access-Control-Allow-Origin', options.origin);
    vary(headers, 'Origin');
  } else {
    set('Access-Control-Allow-Origin', isOriginAllowed(origin, options.origin) ? origin : undefined);
    vary(headers, 'Origin');
  }
  // configureCredentials
  if (options.credentials === true) set('Access-Control-Allow-Credentials', 'true');
  if (request.method.toUpperCase() !== 'OPTIONS') {
    setExposedHeaders(options, set);
    return { ended: false, headers: headers.lines() };
  }
  set('Access-Control-Allow-Methods', commaJoined(options.methods));
  // configureAllowedHeaders: none configured (or an empty string) reflects the request's list.
  const allowed = options.allowedHeaders;
  if (!allowed) {
    vary(headers, 'Access-Control-Request-Headers');
    set('Access-Control-Allow-Headers', request.headers['access-control-request-headers']);
  } else {
    set('Access-Control-Allow-Headers', commaJoined(allowed));
  }
  // configureMaxAge: a number (0 included) becomes its string.
  if (typeof options.maxAge === 'number' || options.maxAge) set('Access-Control-Max-Age', String(options.maxAge));
  setExposedHeaders(options, set);
  if (options.preflightContinue) return { ended: false, headers: headers.lines() };
  const status = Number(options.optionsSuccessStatus);
  headers.set('Content-Length', '0');
  return { ended: true, status, headers: headers.lines(), body: '', reason: `cors answered the preflight itself (${status})` };
}

function setExposedHeaders(options: LiveCorsOptions, set: (name: string, value: LiveCorsValue | undefined) => void): void {
  if (options.exposedHeaders) set('Access-Control-Expose-Headers', commaJoined(options.exposedHeaders));
}
