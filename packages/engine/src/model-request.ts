import type { EngineName, LiveOrigin } from '@cors-playground/scenario';
import type { CorsFailure, InitiatorApi } from './console-messages';
import type { CredentialsMode } from './cors-check';
import type { RunCookies } from './cookies/http-cookies';
import { hasHeader, type HeaderList } from './header-list';
import type { PreflightCache } from './preflight-cache';
import { serializeRequestOrigin } from './redirects';
import type { ResponseTainting } from './response-filtering';
import { utf8Length, type SandboxNetwork } from './sandbox-network';
import { isPotentiallyTrustworthyUrl } from './mixed-content';
import { labelOf } from './origin-labels';
import type { Verdict } from './spec';

/** https://fetch.spec.whatwg.org/#concept-request-mode (the modes a script can ask for) */
export const REQUEST_MODES = ['cors', 'no-cors', 'same-origin'] as const;
export type RequestMode = (typeof REQUEST_MODES)[number];

/** https://fetch.spec.whatwg.org/#concept-request-redirect-mode */
export const REDIRECT_MODES = ['follow', 'error', 'manual'] as const;
export type RedirectMode = (typeof REDIRECT_MODES)[number];

/** https://fetch.spec.whatwg.org/#concept-request: the fields the model uses. */
export interface ModelRequest {
  api: InitiatorApi;
  method: string;
  /** The URL list: the first URL, then one per redirect followed. The last is the current URL. */
  urlList: URL[];
  /** The page origin, serialized. */
  origin: string;
  /** Author headers (forbidden ones already dropped) and those the API adds (Accept, Content-Type). */
  headers: HeaderList;
  body: string | null;
  mode: RequestMode;
  credentialsMode: CredentialsMode;
  redirectMode: RedirectMode;
  useCorsPreflight: boolean;
  responseTainting: ResponseTainting;
  redirectCount: number;
  /** https://fetch.spec.whatwg.org/#concept-request-destination: "" (sent as "empty") for fetch and XHR, "image" for an <img>… */
  destination?: string;
}

export interface FetchContext {
  network: SandboxNetwork;
  cache: PreflightCache;
  engine: EngineName;
  /** The URL of the page that runs the client code. */
  pageUrl: string;
  /** The run's cookie jar; without it no cookie is sent or stored. */
  cookies?: RunCookies;
}

/** What one fetch went through, for the record and the explanation. */
export interface FetchTrace {
  verdicts: Verdict[];
  preflightSent: boolean;
  preflightReasons: string[];
  /** True once a request or a preflight reached a sandbox server. */
  reachedNetwork: boolean;
  /** Virtual time (ms): when the next request of this fetch leaves; at the end, when the fetch settles. */
  time: number;
  /** The names of the cookies its first request carried, once a server received it. */
  cookies?: string[];
}

export interface NetworkErrorInfo {
  blockedBy: string;
  /** Set when CORS refused the response: the request is "blocked" and Chromium prints a line. */
  corsFailure: CorsFailure | null;
  /** A console line that is not a CORS line (e.g. fetch's same-origin mode). */
  otherConsole: string | null;
  verdict: Verdict;
}

/** A copy the fetch can change (it follows redirects by changing its request). */
export function cloneRequest(request: ModelRequest): ModelRequest {
  const headers: HeaderList = [];
  for (const [name, value] of request.headers) headers.push([name, value]);
  return {
    api: request.api, method: request.method, urlList: request.urlList.slice(), origin: request.origin, headers, body: request.body,
    mode: request.mode, credentialsMode: request.credentialsMode, redirectMode: request.redirectMode, useCorsPreflight: request.useCorsPreflight,
    responseTainting: request.responseTainting, redirectCount: request.redirectCount, ...(request.destination ? { destination: request.destination } : {}),
  };
}

export function currentUrl(request: ModelRequest): URL {
  return request.urlList[request.urlList.length - 1]!;
}

export function serializedOriginOf(request: ModelRequest): string {
  return serializeRequestOrigin(request.origin, request.urlList);
}

function siteKey(origins: Readonly<Record<string, LiveOrigin>>, url: URL): string {
  const label = labelOf(origins, url);
  const live = label === null ? undefined : origins[label];
  return live ? `${live.scheme}:${live.site}` : `${url.protocol}${url.hostname}`;
}

/** https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-site-header, over the whole URL list. */
export function secFetchSite(request: ModelRequest, origins: Readonly<Record<string, LiveOrigin>>): string {
  const pageSite = siteKey(origins, new URL(request.origin));
  if (request.urlList.every((url) => url.origin === request.origin)) return 'same-origin';
  return request.urlList.every((url) => siteKey(origins, url) === pageSite) ? 'same-site' : 'cross-site';
}

/**
 * The header lines the server receives: the request's own, then `Origin` where
 * https://fetch.spec.whatwg.org/#append-a-request-origin-header adds it, then the fetch metadata.
 * Not modelled: Cookie, User-Agent, Accept-Language, Accept-Encoding and the client hints the
 * browser adds on its own.
 */
export function headersOnTheWire(request: ModelRequest, origins: Readonly<Record<string, LiveOrigin>>): HeaderList {
  const headers: HeaderList = [...request.headers];
  const url = currentUrl(request);
  // HTTP-network-or-cache fetch: without an `Accept` header, fetch and XHR send `*/*`.
  if (!hasHeader(headers, 'accept')) headers.push(['accept', '*/*']);
  if (request.body !== null || !['GET', 'HEAD'].includes(request.method)) {
    headers.push(['content-length', String(utf8Length(request.body ?? ''))]);
  }
  // 3. If response tainting is "cors", append (`Origin`, serializedOrigin).
  if (request.responseTainting === 'cors') headers.push(['origin', serializedOriginOf(request)]);
  // 4. Otherwise, if the method is neither GET nor HEAD, append it, "null" on an https-to-http
  //    downgrade (the default referrer policy, strict-origin-when-cross-origin).
  else if (request.method !== 'GET' && request.method !== 'HEAD') {
    const downgrade = request.mode !== 'cors' && request.origin.startsWith('https:') && url.protocol !== 'https:';
    headers.push(['origin', downgrade ? 'null' : serializedOriginOf(request)]);
  }
  // https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request:
  // only to a potentially trustworthy URL (https, or a host under localhost).
  if (!isPotentiallyTrustworthyUrl(url)) return headers;
  headers.push(['sec-fetch-site', secFetchSite(request, origins)], ['sec-fetch-mode', request.mode], ['sec-fetch-dest', request.destination || 'empty']);
  return headers;
}
