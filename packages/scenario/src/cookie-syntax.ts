/**
 * The one reading of cookie header syntax, shared by the scenario check (cookies.ts), the engine's
 * cookie store (packages/engine/src/cookies) and the web app's log view: `Set-Cookie` lines and
 * `Cookie` header values split into their parts, as RFC 6265bis section 5.6 splits them. What each
 * part means is the reader's business.
 */

export interface CookiePair {
  name: string;
  value: string;
}

/**
 * "NAME=VALUE" split at its first "=", both trimmed. Text without "=" is a cookie with an empty
 * name whose value is the text (RFC 6265bis, as Chromium does); `hasEquals` tells them apart.
 */
export function cookiePair(text: string): CookiePair & { hasEquals: boolean } {
  const at = text.indexOf('=');
  return at === -1 ? { name: '', value: text.trim(), hasEquals: false } : { name: text.slice(0, at).trim(), value: text.slice(at + 1).trim(), hasEquals: true };
}

export interface CookieAttribute {
  /** As written, trimmed, e.g. "SameSite=None". */
  text: string;
  /** The name as written (not lower-cased) and the value, both trimmed; value "" when there is no "=". */
  name: string;
  value: string;
  hasValue: boolean;
}

/** A Set-Cookie line: its name-value pair and its non-empty attributes, in order. */
export function splitSetCookie(line: string): { pair: CookiePair & { hasEquals: boolean }; attributes: CookieAttribute[] } {
  const [first = '', ...rest] = line.split(';');
  const attributes = rest
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((text): CookieAttribute => {
      const { name, value, hasEquals } = cookiePair(text);
      return hasEquals ? { text, name, value, hasValue: true } : { text, name: text, value: '', hasValue: false };
    });
  return { pair: cookiePair(first), attributes };
}

/** The pairs of one or more `Cookie` header values (browsers join cookies with "; "). */
export function cookieHeaderPairs(values: readonly string[]): CookiePair[] {
  return values.flatMap((value) =>
    value
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const { name, value: text } = cookiePair(part);
        return { name, value: text };
      }),
  );
}
