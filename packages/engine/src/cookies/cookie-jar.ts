import { isPotentiallyTrustworthyUrl } from '../mixed-content';
import type { Verdict } from '../spec';
import type { CookieSites } from './cookie-sites';
import { defaultPath, domainMatches, parseSetCookie, pathMatches, type ParsedSetCookie, type SameSite } from './parse-set-cookie';

/**
 * The browser's cookie store for one run, over virtual time: what responses store
 * (https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-storage-model) and
 * which cookies a request carries (#name-retrieval-algorithm), with Chromium 156's rules: SameSite
 * (unspecified means Lax), SameSite=None needs Secure, Secure works on http://*.localhost (a
 * potentially trustworthy origin), third-party cookie blocking, and Partitioned (CHIPS) cookies
 * keyed by the top-level site, which survive blocking. Each behaviour was checked in Chromium 156
 * by a corpus case (corpus/cookies).
 *
 * Not modelled: cookie limits per domain, port- and scheme-bound cookies (off by default in
 * Chromium 156), the redirect chain's effect on SameSite, document.cookie.
 */
export const COOKIES_SPEC = 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html';

export interface StoredCookie {
  name: string;
  value: string;
  /** The host (host-only) or the Domain attribute's domain. */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Virtual milliseconds at which it expires; Infinity for a session cookie. */
  expiry: number;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** The top-level site it belongs to, for a Partitioned cookie; null otherwise. */
  partitionKey: string | null;
  /** Orders cookies of equal path length (earliest first), as creation time does. */
  creation: number;
}

export interface CookiesForRequest {
  /** The Cookie header's value, or null when no cookie goes. */
  header: string | null;
  /** The names of the cookies sent, sorted. */
  names: string[];
  verdict: Verdict | null;
}

function cookieVerdict(result: Verdict['result'], step: string, anchor: string, detail: string, values?: Record<string, string | null>): Verdict {
  return { result, step, spec: `${COOKIES_SPEC}#${anchor}`, detail, ...(values ? { values } : {}) };
}

const serialize = (cookie: StoredCookie) => (cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`);
const describeSameSite = (sameSite: SameSite) => (sameSite === 'unspecified' ? 'no SameSite (Lax by default)' : `SameSite=${sameSite[0]!.toUpperCase()}${sameSite.slice(1)}`);

export class CookieJar {
  #cookies: StoredCookie[] = [];
  #created = 0;

  constructor(readonly sites: CookieSites) {}

  /** The cookies stored now (expired ones are gone), for the explanation and the tests. */
  stored(now: number): StoredCookie[] {
    return this.#cookies.filter((cookie) => cookie.expiry > now);
  }

  /** Retrieval: which stored cookies a request to `url` carries at virtual time `now`, and why others stay. */
  cookiesFor(url: URL, now: number): CookiesForRequest {
    const sent: StoredCookie[] = [];
    const withheld: string[] = [];
    for (const cookie of this.stored(now)) {
      if (!(cookie.hostOnly ? url.hostname === cookie.domain : domainMatches(url.hostname, cookie.domain)) || !pathMatches(url.pathname, cookie.path)) continue;
      const reason = this.#withholdReason(cookie, url);
      if (reason === null) sent.push(cookie);
      else withheld.push(`${cookie.name} (${reason})`);
    }
    sent.sort((a, b) => b.path.length - a.path.length || a.creation - b.creation);
    const names = sent.map((cookie) => cookie.name).sort();
    if (sent.length === 0 && withheld.length === 0) return { header: null, names, verdict: null };
    const header = sent.length === 0 ? null : sent.map(serialize).join('; ');
    const detail = `${sent.length > 0 ? `The request carries the cookies ${names.join(', ')}.` : 'The request carries no cookie.'}${withheld.length > 0 ? ` Withheld: ${withheld.join('; ')}.` : ''}`;
    return { header, names, verdict: cookieVerdict('info', 'Cookie retrieval', 'name-retrieval-algorithm', detail, { cookie: header }) };
  }

  #withholdReason(cookie: StoredCookie, url: URL): string | null {
    if (cookie.secure && !isPotentiallyTrustworthyUrl(url)) return 'Secure, and the URL is not a secure origin';
    if (cookie.partitionKey !== null && cookie.partitionKey !== this.sites.topLevelSite) return 'Partitioned for another top-level site';
    if (cookie.sameSite !== 'none' && !this.sites.isSameSite(url)) return `${describeSameSite(cookie.sameSite)} and the request is cross-site: ${this.sites.describeTopLevel()}`;
    if (cookie.partitionKey === null && this.sites.blocksThirdParty(url)) return 'a third-party cookie, and the profile blocks third-party cookies';
    return null;
  }

  /** Storage: the Set-Cookie lines of a response to `url`, received at virtual time `now`. */
  store(lines: readonly string[], url: URL, now: number): Verdict[] {
    return lines.map((line) => {
      const parsed = parseSetCookie(line);
      const refused = parsed === null ? 'the line is not a cookie a browser accepts' : this.#refusal(parsed, url);
      const name = parsed?.name ?? line.split('=')[0]!.trim();
      if (parsed === null || refused !== null) {
        return cookieVerdict('info', 'Cookie storage', 'name-storage-model', `The browser ignores the cookie ${name}: ${refused}.`, { 'set-cookie': line });
      }
      return cookieVerdict('info', 'Cookie storage', 'name-storage-model', this.#keep(parsed, url, now), { 'set-cookie': line });
    });
  }

  /** Why the storage model ignores a cookie, or null when it is stored (or deleted, when expired). */
  #refusal(cookie: ParsedSetCookie, url: URL): string | null {
    const secureOrigin = isPotentiallyTrustworthyUrl(url);
    if (cookie.secure && !secureOrigin) return 'it is Secure, and the response does not come from a secure origin';
    if (cookie.domain !== null) {
      if (!domainMatches(url.hostname, cookie.domain)) return `Domain=${cookie.domain} does not domain-match ${url.hostname}`;
      if (!domainMatches(cookie.domain, this.sites.registrableDomainOf(url.hostname)) && cookie.domain !== url.hostname) {
        return `Domain=${cookie.domain} is a public suffix, broader than the site ${this.sites.registrableDomainOf(url.hostname)}`;
      }
    }
    const lowerName = cookie.name.toLowerCase();
    if (lowerName.startsWith('__secure-') && !(cookie.secure && secureOrigin)) return 'a __Secure- cookie must be Secure';
    if (lowerName.startsWith('__host-') && !(cookie.secure && secureOrigin && cookie.domain === null && cookie.path === '/')) {
      return 'a __Host- cookie must be Secure, with Path=/ and no Domain';
    }
    if (cookie.sameSite === 'none' && !cookie.secure) return 'SameSite=None requires Secure';
    if (cookie.partitioned && !cookie.secure) return 'Partitioned requires Secure';
    if (cookie.sameSite !== 'none' && !this.sites.isSameSite(url)) {
      return `it has ${describeSameSite(cookie.sameSite)} and the response is cross-site: ${this.sites.describeTopLevel()}`;
    }
    if (!cookie.partitioned && this.sites.blocksThirdParty(url)) return 'it is a third-party cookie, and the profile blocks third-party cookies';
    return null;
  }

  /** Stores, replaces or (when already expired) deletes the cookie; says which. */
  #keep(parsed: ParsedSetCookie, url: URL, now: number): string {
    const expiry = parsed.maxAge !== null ? (parsed.maxAge <= 0 ? -Infinity : now + parsed.maxAge * 1000) : parsed.expires !== null && parsed.expires <= Date.now() ? -Infinity : Infinity;
    const cookie: StoredCookie = {
      name: parsed.name, value: parsed.value, domain: parsed.domain ?? url.hostname, hostOnly: parsed.domain === null, path: parsed.path ?? defaultPath(url),
      expiry, secure: parsed.secure, httpOnly: parsed.httpOnly, sameSite: parsed.sameSite,
      partitionKey: parsed.partitioned ? this.sites.topLevelSite : null, creation: this.#created++,
    };
    const index = this.#cookies.findIndex((old) =>
      old.name === cookie.name && old.domain === cookie.domain && old.hostOnly === cookie.hostOnly && old.path === cookie.path && old.partitionKey === cookie.partitionKey);
    const old = index === -1 ? undefined : this.#cookies[index];
    if (old) this.#cookies.splice(index, 1);
    if (expiry <= now) return old && old.expiry > now ? `The cookie ${cookie.name} has expired: the browser deletes it.` : `The cookie ${cookie.name} is already expired: nothing is stored.`;
    // Chromium keeps the old creation time (its place in the Cookie header) only when the value is
    // unchanged; a new value makes a new cookie, last among equal paths (corpus/cookies/18).
    this.#cookies.push(old && old.value === cookie.value ? { ...cookie, creation: old.creation } : cookie);
    const scope = `${cookie.hostOnly ? cookie.domain : `*.${cookie.domain}`}${cookie.path}`;
    return `The browser stores the cookie ${cookie.name} for ${scope} (${describeSameSite(cookie.sameSite)}${cookie.secure ? ', Secure' : ''}${cookie.partitionKey ? ', Partitioned' : ''}).`;
  }
}
