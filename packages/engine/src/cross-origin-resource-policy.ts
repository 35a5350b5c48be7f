import type { LiveOrigin } from '@cors-playground/scenario';
import { getHeader, type HeaderList } from './header-list';
import type { NetworkErrorInfo } from './model-request';
import { labelOf } from './origin-labels';
import { verdict, type Verdict } from './spec';

/**
 * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check: a server's way to refuse
 * being embedded by other origins or sites. It applies to "no-cors" requests only (an <img>, a
 * classic <script>, a stylesheet without crossorigin, fetch with mode "no-cors"); a CORS request
 * is the server's own decision through the CORS headers. Not modelled: COEP (the page's
 * Cross-Origin-Embedder-Policy, which makes a missing header count as "same-origin").
 */
export interface CorpSubject {
  mode: string;
  /** The page origin, serialized. */
  origin: string;
  /** The URL of the response being checked (each response of a redirect chain is). */
  url: URL;
  headers: HeaderList;
}

/** Chromium's net error per refused policy, as it prints it ("Failed to load resource: net::…"). */
const CHROMIUM_ERRORS = { 'same-origin': 'ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'same-site': 'ERR_BLOCKED_BY_RESPONSE.NotSameSite' } as const;

/** The registrable domain of a URL: a sandbox origin's site, else its host. */
function siteOfUrl(origins: Readonly<Record<string, LiveOrigin>>, url: URL): string {
  const label = labelOf(origins, url);
  return (label === null ? undefined : origins[label]?.site) ?? url.hostname;
}

/** Null when the response may be used; a network error when its policy refuses the page. */
export function crossOriginResourcePolicyCheck(subject: CorpSubject, origins: Readonly<Record<string, LiveOrigin>>, trace: { verdicts: Verdict[] }): NetworkErrorInfo | null {
  // 1. If request's mode is not "no-cors", then return allowed.
  if (subject.mode !== 'no-cors') return null;
  // 2-3. The header, parsed; any value but same-origin or same-site (cross-origin, a list) allows.
  const policy = getHeader(subject.headers, 'cross-origin-resource-policy');
  const values = { 'Cross-Origin-Resource-Policy': policy };
  if (policy !== 'same-origin' && policy !== 'same-site') return null;
  const step = 'Cross-origin resource policy check';
  const page = new URL(subject.origin);
  // 4. If origin is same origin with the current URL's origin, then return allowed.
  if (page.origin === subject.url.origin) {
    trace.verdicts.push(verdict('pass', 'crossOriginResourcePolicyCheck', `${step}, step 4`, `Cross-Origin-Resource-Policy: ${policy}, and the page is on the resource's own origin.`, undefined, values));
    return null;
  }
  // 6. Same site (schemelessly), unless an http page loads an https resource.
  const sameSite = siteOfUrl(origins, page) === siteOfUrl(origins, subject.url) && (page.protocol === 'https:' || subject.url.protocol !== 'https:');
  if (policy === 'same-site' && sameSite) {
    trace.verdicts.push(verdict('pass', 'crossOriginResourcePolicyCheck', `${step}, step 6`, 'Cross-Origin-Resource-Policy: same-site, and the page is on the same site as the resource.', undefined, values));
    return null;
  }
  const why = policy === 'same-origin' ? `${subject.url.origin} is another origin than the page` : `${subject.url.origin} is another site than the page`;
  const failed = verdict('fail', 'crossOriginResourcePolicyCheck', `${step}, step ${policy === 'same-origin' ? 5 : 7}`,
    `The response says Cross-Origin-Resource-Policy: ${policy} and ${why}: the browser drops the response (a network error), though the server sent it.`, 'corp', values);
  trace.verdicts.push(failed);
  return { blockedBy: 'corp', corsFailure: null, otherConsole: `Failed to load resource: net::${CHROMIUM_ERRORS[policy]}`, verdict: failed };
}
