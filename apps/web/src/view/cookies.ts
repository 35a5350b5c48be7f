/**
 * Cookies as a reader wants them in the server log: the name=value pairs a request carried (its
 * `Cookie` header) and, for each `Set-Cookie` line, the cookie and its attributes.
 */
export interface CookiePair {
  name: string;
  value: string;
}

export interface SetCookieLine extends CookiePair {
  /** Attributes as written, e.g. "SameSite=None", "Secure", "Path=/". */
  attributes: string[];
}

function pair(text: string): CookiePair {
  const at = text.indexOf('=');
  return at === -1 ? { name: '', value: text.trim() } : { name: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

/** The pairs of one or more `Cookie` header values (browsers join cookies with "; "). */
export function cookiesSent(values: readonly string[]): CookiePair[] {
  return values.flatMap((value) => value.split(';').map((part) => part.trim()).filter((part) => part !== '').map(pair));
}

export function parseSetCookie(line: string): SetCookieLine {
  const [first = '', ...attributes] = line.split(';').map((part) => part.trim());
  return { ...pair(first), attributes: attributes.filter((attribute) => attribute !== '') };
}

/** The cookie lines of one exchange: what its request carried and what its answer set. */
export function exchangeCookies(requestHeaders: ReadonlyArray<readonly [string, string]>, responseHeaders: ReadonlyArray<readonly [string, string]>) {
  return {
    sent: cookiesSent(requestHeaders.filter(([name]) => name.toLowerCase() === 'cookie').map(([, value]) => value)),
    set: responseHeaders.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => parseSetCookie(value)),
  };
}
