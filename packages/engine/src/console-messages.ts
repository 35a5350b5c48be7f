import type { ConsoleLines, EngineName } from '@cors-playground/scenario';
import { FIREFOX_CONSOLE_SOURCE } from './firefox-console';
import { ELEMENT_RESOURCE_KINDS, isElementApi, type ElementApi } from './element-requests';
import { WEBKIT_CONSOLE_SOURCE } from './webkit-console';

/**
 * The console line each engine prints when it blocks a request. Chromium's lines are built as in
 * third_party/blink/renderer/platform/loader/cors/cors_error_string.cc, and every one below was
 * checked byte for byte against a real browser.
 */
export const CHROMIUM_CONSOLE_VERIFIED_WITH = 'Chromium 156.0.8078.79 (Debian 12, headless, driven by playwright-core)';

/** Chromium's network::mojom::CorsError values that the model produces. */
export const CORS_ERRORS = [
  'DisallowedByMode',
  'CorsDisabledScheme',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
] as const;
export type CorsError = (typeof CORS_ERRORS)[number];

/** A CORS failure as Chromium reports it: the error, the value it names, and whether a preflight failed. */
export interface CorsFailure {
  error: CorsError;
  /** The failed parameter: the header value, method or header name the message quotes. */
  hint: string;
  /** True when the CORS check failed on a preflight response (the message says so first). */
  preflight: boolean;
  /** The status of the response that failed (Firefox and WebKit quote it). */
  status?: number;
  /** How many Access-Control-Allow-Origin lines the response had (Firefox counts lines). */
  allowOriginLines?: number;
  /** Set when the failed response was a redirect the request would have followed: where to. */
  redirectTo?: string;
}

/** Who made the request; EventSource and sendBeacon requests are a "resource" in Chromium's lines. */
export type InitiatorApi = 'fetch' | 'xhr' | 'eventsource' | 'beacon' | ElementApi;

export interface ConsoleContext {
  api: InitiatorApi;
  /** The URL the request started with. */
  initialUrl: string;
  /** The URL of the response that failed (differs after redirects). */
  lastUrl: string;
  /** The page origin, serialized. */
  origin: string;
  /** The serialized request origin the check used ("null" once redirect-tainted); default `origin`. */
  serializedOrigin?: string;
  /** The request's method and header list (WebKit names the header as the script wrote it). */
  method?: string;
  headers?: ReadonlyArray<readonly [string, string]>;
}

const NO_CORS_HINT = ' Have the server send the header with a valid value.';
const XHR_CREDENTIALS_HINT = ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';
/** Chromium 156 on Linux; the list is build-specific (SchemeRegistry::ListOfCorsEnabledURLSchemes). */
const CORS_ENABLED_SCHEMES = 'chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app';

/** What follows "has been blocked by CORS policy: ", per error (cors_error_string.cc GetErrorString). */
const REASONS: Record<CorsError, (hint: string, api: InitiatorApi) => string> = {
  DisallowedByMode: () => 'Cross origin requests are not allowed by request mode.',
  CorsDisabledScheme: () => `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`,
  WildcardOriginNotAllowed: (_hint, api) =>
    "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." +
    (api === 'xhr' ? XHR_CREDENTIALS_HINT : ''),
  MissingAllowOriginHeader: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  MultipleAllowOriginValues: (hint, api) =>
    `The 'Access-Control-Allow-Origin' header contains multiple values '${hint}', but only one is allowed.${api === 'fetch' ? NO_CORS_HINT : ''}`,
  InvalidAllowOriginValue: (hint, api) =>
    `The 'Access-Control-Allow-Origin' header contains the invalid value '${hint}'.${api === 'fetch' ? NO_CORS_HINT : ''}`,
  AllowOriginMismatch: (hint, api) =>
    `The 'Access-Control-Allow-Origin' header has a value '${hint}' that is not equal to the supplied origin.${api === 'fetch' ? NO_CORS_HINT : ''}`,
  InvalidAllowCredentials: (hint, api) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${hint}' which must be 'true' when the request's credentials mode is 'include'.` +
    (api === 'xhr' ? XHR_CREDENTIALS_HINT : ''),
  PreflightInvalidStatus: () => 'It does not have HTTP ok status.',
  PreflightDisallowedRedirect: () => 'Redirect is not allowed for a preflight request.',
  InvalidAllowMethodsPreflightResponse: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
  InvalidAllowHeadersPreflightResponse: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
  MethodDisallowedByPreflightResponse: (hint) => `Method ${hint} is not allowed by Access-Control-Allow-Methods in preflight response.`,
  HeaderDisallowedByPreflightResponse: (hint) => `Request header field ${hint} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  // Chromium 156 leaves the location out (the quotes are empty).
  RedirectContainsCredentials: (hint) => `Redirect location '${hint}' contains a username and password, which is disallowed for cross-origin requests.`,
};

/** The errors after which Chromium writes "Response to preflight request doesn't pass access control check: ". */
const PREFLIGHT_PREFIXED: ReadonlySet<CorsError> = new Set<CorsError>([
  'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue',
  'AllowOriginMismatch', 'InvalidAllowCredentials', 'PreflightInvalidStatus', 'PreflightDisallowedRedirect',
]);

export function chromiumCorsMessage(failure: CorsFailure, context: ConsoleContext): string {
  const kind = context.api === 'xhr' ? 'XMLHttpRequest' : context.api === 'fetch' ? 'fetch' : isElementApi(context.api) ? ELEMENT_RESOURCE_KINDS[context.api] : 'resource';
  let line = `Access to ${kind} at '${context.lastUrl}' `;
  if (context.initialUrl !== context.lastUrl) line += `(redirected from '${context.initialUrl}') `;
  line += `from origin '${context.origin}' has been blocked by CORS policy: `;
  if (failure.preflight && PREFLIGHT_PREFIXED.has(failure.error)) line += "Response to preflight request doesn't pass access control check: ";
  return line + REASONS[failure.error](failure.hint, context.api);
}

/** fetch() with mode "same-origin" to another origin, before anything is sent. */
export function chromiumSameOriginModeMessage(url: string, origin: string): string {
  return `Fetch API cannot load ${url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${origin}.`;
}

/** fetch() with mode "same-origin" redirected to another origin (the line ends with a line feed). */
export function chromiumUnsafeRedirectMessage(url: string, pageUrl: string): string {
  return `Unsafe attempt to load URL ${url} from frame with URL ${pageUrl}. Domains, protocols and ports must match.\n`;
}

/** Where each engine's console lines come from, and whether a real browser confirmed them. */
export const CONSOLE_LINE_SOURCES: Readonly<Record<EngineName, { verified: boolean; source: string }>> = {
  chromium: { verified: true, source: `third_party/blink/renderer/platform/loader/cors/cors_error_string.cc, every line checked in ${CHROMIUM_CONSOLE_VERIFIED_WITH}` },
  firefox: FIREFOX_CONSOLE_SOURCE,
  webkit: WEBKIT_CONSOLE_SOURCE,
};

/** The console lines of a request: only the engine being simulated gets its line. */
export function consoleLinesFor(engine: EngineName, line: string | null): ConsoleLines {
  const lines: ConsoleLines = { chromium: null, firefox: null, webkit: null };
  lines[engine] = line;
  return lines;
}
