import { cookieHeaderPairs, splitSetCookie, type CookiePair } from '@cors-playground/scenario';

/**
 * Cookies as a reader wants them in the server log: the name=value pairs a request carried (its
 * `Cookie` header) and, for each `Set-Cookie` line, the cookie and its attributes. The syntax is
 * read by packages/scenario cookie-syntax.ts, as the engine reads it.
 */
export type { CookiePair };

export interface SetCookieLine extends CookiePair {
  /** Attributes as written, e.g. "SameSite=None", "Secure", "Path=/". */
  attributes: string[];
}

/** The pairs of one or more `Cookie` header values (browsers join cookies with "; "). */
export const cookiesSent = cookieHeaderPairs;

export function parseSetCookie(line: string): SetCookieLine {
  const { pair, attributes } = splitSetCookie(line);
  return { name: pair.name, value: pair.value, attributes: attributes.map((attribute) => attribute.text) };
}

/** The cookie lines of one exchange: what its request carried and what its answer set. */
export function exchangeCookies(requestHeaders: ReadonlyArray<readonly [string, string]>, responseHeaders: ReadonlyArray<readonly [string, string]>) {
  return {
    sent: cookiesSent(requestHeaders.filter(([name]) => name.toLowerCase() === 'cookie').map(([, value]) => value)),
    set: responseHeaders.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => parseSetCookie(value)),
  };
}
