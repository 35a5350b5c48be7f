import { deleteHeader, getHeader, type HeaderList } from './header-list';

/** https://fetch.spec.whatwg.org/#redirect-status */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;
export const REDIRECT_STATUS_SET: ReadonlySet<number> = new Set(REDIRECT_STATUSES);

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUS_SET.has(status);
}

/** The most redirects a fetch follows (HTTP-redirect fetch, step 7). */
export const REDIRECT_LIMIT = 20;

/** https://fetch.spec.whatwg.org/#request-body-header-name */
export const REQUEST_BODY_HEADER_NAMES = ['content-encoding', 'content-language', 'content-location', 'content-type'] as const;

/**
 * https://fetch.spec.whatwg.org/#concept-response-location-url
 * Null when there is no Location, "failure" when it does not parse against the request URL.
 */
export function locationUrl(headers: HeaderList, currentUrl: URL): URL | null | 'failure' {
  const location = getHeader(headers, 'Location');
  if (location === null) return null;
  let url: URL;
  try {
    url = new URL(location, currentUrl);
  } catch {
    return 'failure';
  }
  // If location is a URL whose fragment is null, set its fragment to requestFragment.
  if (url.hash === '' && !location.includes('#')) url.hash = currentUrl.hash;
  return url;
}

/**
 * https://fetch.spec.whatwg.org/#http-redirect-fetch, step 12: 301/302 turn POST into GET, 303
 * turns anything but GET and HEAD into GET; the body and the request-body headers go.
 */
export function rewriteForRedirect(status: number, method: string, headers: HeaderList): { method: string; headers: HeaderList; dropBody: boolean } {
  const toGet = ((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD');
  if (!toGet) return { method, headers, dropBody: false };
  let rest = headers;
  for (const name of REQUEST_BODY_HEADER_NAMES) rest = deleteHeader(rest, name);
  return { method: 'GET', headers: rest, dropBody: true };
}

/**
 * https://fetch.spec.whatwg.org/#concept-request-tainted-origin (redirect-taint), reduced to what
 * the Origin header needs: true as soon as a redirect leaves a URL that was not the request's
 * origin for another origin. Then the request origin serializes as "null".
 */
export function isRedirectTainted(requestOrigin: string, urlList: readonly URL[]): boolean {
  for (let index = 1; index < urlList.length; index++) {
    const last = urlList[index - 1]!;
    if (urlList[index]!.origin !== last.origin && requestOrigin !== last.origin) return true;
  }
  return false;
}

/** https://fetch.spec.whatwg.org/#serializing-a-request-origin */
export function serializeRequestOrigin(requestOrigin: string, urlList: readonly URL[]): string {
  return isRedirectTainted(requestOrigin, urlList) ? 'null' : requestOrigin;
}
