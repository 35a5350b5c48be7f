import { z } from 'zod';
import { corsPluginSchema } from './cors-options';
import { HTTP_METHOD_SET, HTTP_METHODS, LIMITS } from './limits';
import { ROUTE_ASSETS } from './route-assets';

/**
 * The scenario file, version 1 (shared/SCENARIO.md). This one schema gives the TypeScript types,
 * the runtime validation (validate.ts) and the JSON Schema that Monaco uses (json-schema.ts).
 * Rules that span fields (a page that names an origin, templates that name labels) live in
 * validate.ts, because JSON Schema cannot say them.
 */

export const LABEL_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
/** RFC 9110 token: what a header name may be. */
export const TOKEN_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value may hold neither CR nor LF nor NUL (RFC 9110, section 5.5). */
export const FORBIDDEN_VALUE_CHARACTERS = /[\r\n\0]/;
/** What else Node's writeHead refuses in a header value (ERR_INVALID_CHAR): it writes only tab, visible ASCII and U+0080-U+00FF. */
const UNWRITABLE_VALUE_CHARACTERS = /[^\t\x20-\x7e\x80-\xff]/;

const label = z
  .string()
  .regex(LABEL_PATTERN, 'must be a label: a lower-case letter, then up to 19 of a-z, 0-9 and -');

export const originSpecSchema = z
  .strictObject({
    site: label.optional().describe('Origins with the same site are same-site; it defaults to the label.'),
    host: label.optional().describe("Reuse another origin's host name, so the two differ only by scheme or port."),
    scheme: z.enum(['http', 'https']).optional().describe('Defaults to http.'),
    port: z.int().min(0).max(7).optional().describe("An index into the server's listening ports for the scheme; 0 is the first."),
  })
  .describe('One origin of the sandbox.');

const method = z
  .string()
  .refine((value) => value === '*' || HTTP_METHOD_SET.has(value), {
    message: `is not a method the sandbox server can receive (Node's HTTP parser answers 400 to it before any route runs; methods are case-sensitive). Accepted: ${HTTP_METHODS.join(', ')}, or *`,
  });

const headerValue = z
  .string()
  .max(LIMITS.headerValueLength, `a header value is at most ${LIMITS.headerValueLength} characters`)
  .refine((value) => !FORBIDDEN_VALUE_CHARACTERS.test(value), { message: 'CR, LF or NUL not allowed in a header value' })
  .refine((value) => FORBIDDEN_VALUE_CHARACTERS.test(value) || !UNWRITABLE_VALUE_CHARACTERS.test(value), {
    message: 'holds a character Node cannot send in a header value (a control character other than tab, or one above U+00FF)',
  });

/** Framing headers the sandbox server writes itself; a route may not set them. */
export const SERVER_SET_HEADERS = ['connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade'] as const;
const SERVER_SET_HEADER_SET: ReadonlySet<string> = new Set(SERVER_SET_HEADERS);

const headerName = z
  .string()
  .regex(TOKEN_PATTERN, "is not a valid header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~)")
  .max(LIMITS.headerNameLength, `a header name is at most ${LIMITS.headerNameLength} characters`)
  .refine((name) => !SERVER_SET_HEADER_SET.has(name.toLowerCase()), {
    message: `is written by the sandbox server itself (${SERVER_SET_HEADERS.join(', ')} are not configurable)`,
  });

export const headersSchema = z
  .record(headerName, z.union([headerValue, z.array(headerValue).min(1)]))
  .describe('Response headers. A list value sends one header line per item, in order.');

export const routeSchema = z.strictObject({
  path: z
    .string()
    .regex(/^\/[^\s?#]*$/, 'must start with / and hold no space, ? or #; end it with /* to match a prefix')
    .describe('An exact path, or a prefix ending in /*.'),
  method: z.union([method, z.array(method).min(1)]).default('*').describe('A method, "*" or a list; case-sensitive.'),
  status: z.int().min(200).max(599).default(200),
  headers: headersSchema.default({}),
  body: z
    .string()
    .max(LIMITS.bodyBytes, `a body is at most ${LIMITS.bodyBytes} characters`)
    .default('')
    .describe('The response body. Templates: ${origin:LABEL}, ${request.origin}, ${request.header:NAME}, ${request.method}, ${request.path}, ${request.body} (what arrived).'),
  delayMs: z.int().min(0).max(LIMITS.delayMs).default(0).describe(`Milliseconds to wait before answering, at most ${LIMITS.delayMs}.`),
  asset: z
    .enum(ROUTE_ASSETS)
    .optional()
    .describe('Answer with built-in bytes instead of body: "png" (a 3x2 image, image/png) or "font" (a TrueType font, font/ttf). The Content-Type is sent unless headers name one.'),
  websocket: z
    .union([z.literal(true), z.strictObject({ origins: z.array(headerValue).min(1).describe('The Origins accepted (templates allowed); any other gets 403.') })])
    .optional()
    .describe('Accept WebSocket upgrades on this path (no CORS applies: the server checks Origin itself). The socket echoes every message.'),
  postMessage: z
    .strictObject({
      data: z.string().max(LIMITS.headerValueLength).optional().describe('Posted once the page loads; left out, the page posts nothing.'),
      targetOrigin: headerValue.default('*').describe('The targetOrigin of that postMessage: "*", or an origin (templates allowed).'),
    })
    .optional()
    .describe('Answer with an HTML page (the body inside) that posts data to the window that embeds or opened it, and answers every message it receives with { echo, origin }.'),
  proxy: z
    .strictObject({
      to: label.describe('The origin of this sandbox that gets the request.'),
      path: z
        .string()
        .regex(/^\/[^\s#]*$/, 'must start with / and hold no space or #')
        .optional()
        .describe('The path on that origin; left out, the path as received. A prefix ending in /* (with a route path ending in /*) swaps the prefix.'),
    })
    .optional()
    .describe('Forward the request (method, headers with Host rewritten, body) to another origin of this sandbox, in process, and answer with its answer: the same-origin proxy. status and body are then not used.'),
});

export const serverSchema = z.strictObject({
  cors: corsPluginSchema.optional(),
  routes: z.array(routeSchema).max(LIMITS.routesPerServer, `at most ${LIMITS.routesPerServer} routes`).default([]),
});

/** https://html.spec.whatwg.org/#top-level-traversable: what a run's top-level page is. */
export const RUN_CONTEXTS = ['frame', 'window'] as const;
export type RunContext = (typeof RUN_CONTEXTS)[number];
export const THIRD_PARTY_COOKIE_SETTINGS = ['allowed', 'blocked'] as const;
export type ThirdPartyCookies = (typeof THIRD_PARTY_COOKIE_SETTINGS)[number];

export const scenarioSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (this is version 1 of the scenario format)' }),
  title: z.string().max(200).default(''),
  notes: z.string().max(20_000).default(''),
  origins: z.record(label, originSpecSchema).describe('1 to 8 origins, keyed by label.'),
  page: label.describe('The origin whose page runs the client code.'),
  client: z.string().max(LIMITS.clientBytes, `client code is at most ${LIMITS.clientBytes} characters`).default(''),
  servers: z.record(label, serverSchema).default({}),
  context: z
    .enum(RUN_CONTEXTS)
    .default('frame')
    .describe('Where the client code runs: "frame" (in a frame inside the playground: the top-level site is the playground\'s, cross-site to every origin) or "window" (a top-level page in a new window: the top-level site is the page origin\'s). SameSite cookies look at the top-level site.'),
  browser: z
    .strictObject({
      thirdPartyCookies: z
        .enum(THIRD_PARTY_COOKIE_SETTINGS)
        .default('allowed')
        .describe('"allowed" as in a regular Chromium profile (the default), "blocked" as in an incognito window or with "Block third-party cookies" on: a request cross-site to the top-level site then neither sends nor stores cookies, except Partitioned ones.'),
    })
    .default({ thirdPartyCookies: 'allowed' })
    .describe('The browser profile the scenario assumes.'),
});


/** A scenario as written (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario, every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type OriginSpec = z.output<typeof originSpecSchema>;
export type Route = z.output<typeof routeSchema>;
export type ServerConfig = z.output<typeof serverSchema>;
export type HeaderMap = z.output<typeof headersSchema>;
