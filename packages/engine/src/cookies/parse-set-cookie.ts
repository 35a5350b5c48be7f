import { splitSetCookie } from '@cors-playground/scenario';
import { utf8Length } from '../sandbox-network';

/**
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-set-cookie-header-field
 * (section 5.6): a Set-Cookie line becomes a name, a value and the attributes a browser acts on.
 * Unknown attributes and invalid attribute values are ignored, as browsers do; the last occurrence
 * of an attribute wins.
 */
export const SAME_SITE_VALUES = ['strict', 'lax', 'none', 'unspecified'] as const;
export type SameSite = (typeof SAME_SITE_VALUES)[number];

export interface ParsedSetCookie {
  /** "" for a nameless cookie (a line without "="): Chromium stores it and sends its value alone. */
  name: string;
  value: string;
  /** The Domain attribute without its leading dot, lower-cased; null when absent or empty. */
  domain: string | null;
  /** The Path attribute when it starts with "/"; null means the default path. */
  path: string | null;
  /** Max-Age in seconds, when present and an integer (it wins over Expires). */
  maxAge: number | null;
  /** Expires as milliseconds since the epoch, when present and a date. */
  expires: number | null;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  /** "unspecified" when absent or not Strict, Lax or None. */
  sameSite: SameSite;
}

/** Chromium's limit on a cookie's name plus value (kMaxCookieNamePlusValueSize). */
export const MAX_NAME_VALUE_BYTES = 4096;

/** Step 1 of the algorithm: a CTL (except tab) anywhere makes the whole line ignored. */
const CONTROL_CHARACTER = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Null when a browser ignores the whole line. */
export function parseSetCookie(line: string): ParsedSetCookie | null {
  if (CONTROL_CHARACTER.test(line)) return null;
  // 3. A name-value-pair without "=" is a cookie with an empty name (RFC 6265bis, as Chromium does).
  const { pair: { name, value }, attributes } = splitSetCookie(line);
  // 4-5. Both empty, or too long: ignore the line.
  if (name === '' && value === '') return null;
  if (utf8Length(name + value) > MAX_NAME_VALUE_BYTES) return null;
  const cookie: ParsedSetCookie = {
    name, value, domain: null, path: null, maxAge: null, expires: null, secure: false, httpOnly: false, partitioned: false, sameSite: 'unspecified',
  };
  for (const attribute of attributes) applyAttribute(cookie, attribute.name.toLowerCase(), attribute.value);
  return cookie;
}

/** Section 5.6.1 to 5.6.7 and CHIPS: one "; "-separated attribute. */
function applyAttribute(cookie: ParsedSetCookie, name: string, value: string): void {
  switch (name) {
    case 'expires': {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expires = time;
      break;
    }
    case 'max-age':
      if (/^-?\d+$/.test(value)) cookie.maxAge = Number(value);
      break;
    case 'domain':
      cookie.domain = value === '' ? null : value.replace(/^\./, '').toLowerCase();
      break;
    case 'path':
      cookie.path = value.startsWith('/') ? value : null;
      break;
    case 'secure':
      cookie.secure = true;
      break;
    case 'httponly':
      cookie.httpOnly = true;
      break;
    case 'partitioned':
      cookie.partitioned = true;
      break;
    case 'samesite': {
      const lower = value.toLowerCase();
      cookie.sameSite = lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : 'unspecified';
      break;
    }
    default:
      break;
  }
}

/** https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-paths-and-path-match: the default path. */
export function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/')) return '/';
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

/** Path-match (section 5.1.4). */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** Domain-match (section 5.1.3): the host is the domain, or ends with "." and the domain. */
export function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
