/**
 * Console lines of Firefox and WebKit, built from their sources (not observed in a running browser:
 * the model marks them unverified). {origin} is the page origin, {api} the API origin. Each row:
 * the failure the model reports, the API, the URLs, and the line each engine prints.
 */
import type { CorsFailure, InitiatorApi } from '../../src/index';

export interface OtherEngineRow {
  name: string;
  failure: CorsFailure;
  api: InitiatorApi;
  lastUrl: string;
  /** The serialized request origin when it differs from the page origin (redirect-tainted: "null"). */
  serializedOrigin?: string;
  headers?: Array<[string, string]>;
  firefox: string | null;
  webkit: string;
}

const f = (error: CorsFailure['error'], extra: Partial<CorsFailure> = {}): CorsFailure => ({ error, hint: '', preflight: false, status: 200, ...extra });
const FF = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';
const WK_FETCH = (url: string) => `\nFetch API cannot load ${url} due to access control checks.`;

export const OTHER_ENGINE_ROWS: OtherEngineRow[] = [
  {
    name: 'no Access-Control-Allow-Origin on a 200', failure: f('MissingAllowOriginHeader'), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`,
    webkit: `Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 200${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'no Access-Control-Allow-Origin on a 500', failure: f('MissingAllowOriginHeader', { status: 500 }), api: 'xhr', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 500.`,
    webkit: 'Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 500\nXMLHttpRequest cannot load {api}/d due to access control checks.',
  },
  {
    name: 'another origin', failure: f('AllowOriginMismatch', { hint: 'http://evil.example' }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://evil.example’).`,
    webkit: `Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 200${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'two header lines', failure: f('MultipleAllowOriginValues', { hint: '{origin}, *', allowOriginLines: 2 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).`,
    webkit: `Access-Control-Allow-Origin cannot contain more than one origin.${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'one line with two origins', failure: f('MultipleAllowOriginValues', { hint: '{origin} {api}', allowOriginLines: 1 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘{origin} {api}’).`,
    webkit: `Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 200${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a wildcard with credentials', failure: f('WildcardOriginNotAllowed'), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} ‘{api}/d’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).`,
    webkit: `Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'credentials without Access-Control-Allow-Credentials', failure: f('InvalidAllowCredentials'), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).`,
    webkit: `Credentials flag is true, but Access-Control-Allow-Credentials is not "true".${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a preflight answered 404 without Access-Control-Allow-Origin (WebKit checks the status first)', failure: f('MissingAllowOriginHeader', { preflight: true, status: 404 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.`,
    webkit: `Preflight response is not successful. Status code: 404${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a preflight answered 500 with Access-Control-Allow-Origin', failure: f('PreflightInvalidStatus', { preflight: true, status: 500 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS preflight response did not succeed). Status code: 500.`,
    webkit: `Preflight response is not successful. Status code: 500${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a redirected preflight', failure: f('PreflightDisallowedRedirect', { preflight: true, status: 302 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS request external redirect not allowed).`,
    webkit: `Preflight response is not successful. Status code: 302${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a method not allowed', failure: f('MethodDisallowedByPreflightResponse', { preflight: true, hint: 'DELETE', status: 204 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).`,
    webkit: `Method DELETE is not allowed by Access-Control-Allow-Methods.${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a header not allowed (WebKit writes the name as the script did)', failure: f('HeaderDisallowedByPreflightResponse', { preflight: true, hint: 'x-token', status: 204 }), api: 'fetch', lastUrl: '{api}/d',
    headers: [['X-Token', '1']],
    firefox: `${FF} {api}/d. (Reason: header ‘x-token’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`,
    webkit: `Request header field X-Token is not allowed by Access-Control-Allow-Headers.${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'an unparsable Access-Control-Allow-Methods', failure: f('InvalidAllowMethodsPreflightResponse', { preflight: true, hint: 'GET, PUT POST', status: 204 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: invalid token ‘PUT POST’ in CORS header ‘Access-Control-Allow-Methods’).`,
    webkit: `Header Access-Control-Allow-Methods has an invalid value: GET, PUT POST${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'an unparsable Access-Control-Allow-Headers', failure: f('InvalidAllowHeadersPreflightResponse', { preflight: true, hint: 'x-a x-b', status: 204 }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: invalid token ‘x-a x-b’ in CORS header ‘Access-Control-Allow-Headers’).`,
    webkit: `Header Access-Control-Allow-Headers has an invalid value: x-a x-b${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a redirect without Access-Control-Allow-Origin', failure: f('MissingAllowOriginHeader', { status: 302, redirectTo: '{api}/new' }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302.`,
    webkit: `Cross-origin redirection to {api}/new denied by Cross-Origin Resource Sharing policy: Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 302${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a redirect-tainted origin', failure: f('AllowOriginMismatch', { hint: '{origin}' }), api: 'fetch', lastUrl: '{api}/d', serializedOrigin: 'null',
    firefox: `${FF} {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘{origin}’).`,
    webkit: `Origin null is not allowed by Access-Control-Allow-Origin. Status code: 200${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a redirect to a scheme CORS does not support', failure: f('CorsDisabledScheme', { redirectTo: 'data:,x' }), api: 'fetch', lastUrl: '{api}/d',
    firefox: `${FF} {api}/d. (Reason: CORS request not http).`,
    webkit: `not allowed to follow a cross-origin CORS redirection with non CORS scheme${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'a redirect to a URL with credentials (Firefox logs no CORS line)', failure: f('RedirectContainsCredentials', { redirectTo: 'http://u:p@x.example/' }), api: 'fetch', lastUrl: '{api}/d',
    firefox: null,
    webkit: `redirection URL http://u:p@x.example/ has credentials${WK_FETCH('{api}/d')}`,
  },
  {
    name: 'mode same-origin to another origin', failure: f('DisallowedByMode'), api: 'fetch', lastUrl: '{api}/d',
    firefox: null,
    webkit: `Cross origin requests are not allowed when using same-origin fetch mode.${WK_FETCH('{api}/d')}`,
  },
];
