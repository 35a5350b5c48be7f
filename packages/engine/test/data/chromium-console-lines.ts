/**
 * Console lines as Chromium 156.0.8078.79 printed them (Debian 12, headless, playwright-core,
 * page http://app.site-a.localhost:PORT, API http://api.site-b.localhost:PORT), with the page origin
 * written {origin} and the API origin written {api}. Each row: the failure the model reports, the API,
 * the URLs, and the line.
 */
import type { CorsFailure, InitiatorApi } from '../../src/index';

export interface ConsoleRow {
  name: string;
  failure: CorsFailure;
  api: InitiatorApi;
  initialUrl: string;
  lastUrl: string;
  line: string;
}

const f = (error: CorsFailure['error'], hint = '', preflight = false): CorsFailure => ({ error, hint, preflight });

export const CHROMIUM_CONSOLE_ROWS: ConsoleRow[] = [
  { name: 'fetch, no Access-Control-Allow-Origin', failure: f('MissingAllowOriginHeader'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." },
  { name: 'fetch, another origin', failure: f('AllowOriginMismatch', 'http://evil.example'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://evil.example' that is not equal to the supplied origin. Have the server send the header with a valid value." },
  { name: 'fetch, two header lines', failure: f('MultipleAllowOriginValues', '{origin}, *'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values '{origin}, *', but only one is allowed. Have the server send the header with a valid value." },
  { name: 'fetch, a value that is no origin', failure: f('InvalidAllowOriginValue', 'foo'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'. Have the server send the header with a valid value." },
  { name: 'fetch, a wildcard with credentials', failure: f('WildcardOriginNotAllowed'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." },
  { name: 'fetch, no Access-Control-Allow-Credentials', failure: f('InvalidAllowCredentials'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'." },
  { name: 'fetch, Access-Control-Allow-Credentials: TRUE', failure: f('InvalidAllowCredentials', 'TRUE'), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'." },
  { name: 'fetch, a preflight answered 404', failure: f('PreflightInvalidStatus', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status." },
  { name: 'fetch, a preflight without Access-Control-Allow-Origin', failure: f('MissingAllowOriginHeader', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource." },
  { name: 'fetch, a preflight with another origin', failure: f('AllowOriginMismatch', 'http://x.example', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header has a value 'http://x.example' that is not equal to the supplied origin. Have the server send the header with a valid value." },
  { name: 'fetch, a redirected preflight', failure: f('PreflightDisallowedRedirect', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request." },
  { name: 'fetch, a preflight with credentials and a wildcard', failure: f('WildcardOriginNotAllowed', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." },
  { name: 'fetch, a preflight without Access-Control-Allow-Credentials', failure: f('InvalidAllowCredentials', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'." },
  { name: 'fetch, a method not allowed', failure: f('MethodDisallowedByPreflightResponse', 'PUT', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response." },
  { name: 'fetch, a lower-case method not allowed', failure: f('MethodDisallowedByPreflightResponse', 'patch', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Method patch is not allowed by Access-Control-Allow-Methods in preflight response." },
  { name: 'fetch, a header not allowed', failure: f('HeaderDisallowedByPreflightResponse', 'x-abc', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Request header field x-abc is not allowed by Access-Control-Allow-Headers in preflight response." },
  { name: 'fetch, an unparsable Access-Control-Allow-Methods', failure: f('InvalidAllowMethodsPreflightResponse', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Methods response header field in preflight response." },
  { name: 'fetch, an unparsable Access-Control-Allow-Headers', failure: f('InvalidAllowHeadersPreflightResponse', '', true), api: 'fetch', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Headers response header field in preflight response." },
  { name: 'fetch, blocked after a redirect', failure: f('MissingAllowOriginHeader'), api: 'fetch', initialUrl: '{api}/r', lastUrl: 'http://other.test/d',
    line: "Access to fetch at 'http://other.test/d' (redirected from '{api}/r') from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." },
  { name: 'fetch, redirected to another scheme', failure: f('CorsDisabledScheme'), api: 'fetch', initialUrl: '{api}/r', lastUrl: 'ftp://x/',
    line: "Access to fetch at 'ftp://x/' (redirected from '{api}/r') from origin '{origin}' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app." },
  { name: 'fetch, a redirect location with credentials', failure: f('RedirectContainsCredentials'), api: 'fetch', initialUrl: '{api}/r', lastUrl: '{api}/r',
    line: "Access to fetch at '{api}/r' from origin '{origin}' has been blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for cross-origin requests." },
  { name: 'XHR, no Access-Control-Allow-Origin', failure: f('MissingAllowOriginHeader'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." },
  { name: 'XHR, a wildcard with credentials', failure: f('WildcardOriginNotAllowed'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute." },
  { name: 'XHR, no Access-Control-Allow-Credentials', failure: f('InvalidAllowCredentials'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute." },
  { name: 'XHR, another origin', failure: f('AllowOriginMismatch', 'http://x.example'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://x.example' that is not equal to the supplied origin." },
  { name: 'XHR, two header lines', failure: f('MultipleAllowOriginValues', '*, *'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values '*, *', but only one is allowed." },
  { name: 'XHR, a value that is no origin', failure: f('InvalidAllowOriginValue', 'foo'), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'." },
  { name: 'XHR, a preflight with two values', failure: f('MultipleAllowOriginValues', '*, *', true), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains multiple values '*, *', but only one is allowed." },
  { name: 'XHR, a method not allowed', failure: f('MethodDisallowedByPreflightResponse', 'PUT', true), api: 'xhr', initialUrl: '{api}/d', lastUrl: '{api}/d',
    line: "Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response." },
];

/** Seen with the same browser for fetch(…, { mode: 'same-origin' }). */
export const SAME_ORIGIN_MODE_LINE = 'Fetch API cannot load {api}/d. Request mode is "same-origin" but the URL\'s origin is not same as the request origin {origin}.';
export const UNSAFE_REDIRECT_LINE = 'Unsafe attempt to load URL {api}/d from frame with URL {origin}/. Domains, protocols and ports must match.\n';
