import type { LiveOrigin } from '@cors-playground/scenario';
import type { FetchTrace, ModelRequest } from '../model-request';
import type { NetworkResponse, SandboxNetwork } from '../sandbox-network';
import { CookieJar } from './cookie-jar';
import { CookieSites } from './cookie-sites';

/**
 * Where cookies meet HTTP fetch (https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch):
 * when credentials are included, the request carries the jar's cookies for its URL and the
 * response's Set-Cookie lines reach the jar, before any CORS check. So a response that CORS then
 * blocks still sets its cookies (Chromium 156 agrees), and a preflight, sent without credentials,
 * neither carries nor sets any.
 */
export interface RunCookies {
  jar: CookieJar;
  /**
   * The run's own list of exchanges. The smallest fix and other trial fetches run on a copy of the
   * network with a list of their own: they read the jar but must not change it.
   */
  exchanges: readonly unknown[];
}

/** An empty jar for a run: the scenario's context and profile decide what is first-party. */
export function createRunCookies(network: SandboxNetwork, page: LiveOrigin): RunCookies {
  const { scenario } = network;
  // A scenario built in code may skip validation's defaults.
  const sites = new CookieSites({ origins: network.origins, page, context: scenario.context ?? 'frame', thirdPartyCookies: scenario.browser?.thirdPartyCookies ?? 'allowed' });
  return { jar: new CookieJar(sites), exchanges: network.exchanges };
}

/** https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch, step 8.13: includeCredentials. */
export function includesCredentials(request: ModelRequest): boolean {
  return request.credentialsMode === 'include' || (request.credentialsMode === 'same-origin' && request.responseTainting === 'basic');
}

/** The Cookie header for the request's current URL, or null; the decision joins the trace. */
export function cookieHeaderFor(cookies: RunCookies | undefined, request: ModelRequest, url: URL, trace: FetchTrace): { header: string | null; names: string[] } {
  if (!cookies || !includesCredentials(request)) return { header: null, names: [] };
  const found = cookies.jar.cookiesFor(url, trace.time);
  if (found.verdict) trace.verdicts.push(found.verdict);
  return found;
}

/** Hands a response's Set-Cookie lines to the jar when credentials were included. */
export function storeResponseCookies(
  cookies: RunCookies | undefined, exchanges: readonly unknown[], request: ModelRequest, url: URL, response: NetworkResponse, trace: FetchTrace,
): void {
  if (!cookies || cookies.exchanges !== exchanges) return;
  const lines = response.headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
  if (lines.length === 0) return;
  if (!includesCredentials(request)) {
    trace.verdicts.push({
      result: 'info', step: 'HTTP-network-or-cache fetch, step 8.13', spec: 'https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch',
      detail: `The response sets ${lines.length === 1 ? 'a cookie' : `${lines.length} cookies`}, but the request does not include credentials (credentials mode "${request.credentialsMode}"): the browser ignores Set-Cookie.`,
    });
    return;
  }
  trace.verdicts.push(...cookies.jar.store(lines, url, trace.time));
}
