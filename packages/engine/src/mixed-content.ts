import type { InitiatorApi } from './console-messages';
import type { Verdict } from './spec';

/**
 * Mixed Content: an https page may not fetch an http URL, unless the URL is potentially
 * trustworthy, and `*.localhost` is: browsers resolve it to loopback, which no network attacker
 * sits on. So a local sandbox (every host under `localhost`) never meets mixed content, which
 * Chromium 156 confirms (an https page's fetch of http://api-….site-b.localhost goes out and CORS
 * decides); with a hosted domain the same fetch is blocked before anything is sent, for every
 * mode, and after a redirect to http too (checked in Chromium 156 with the sandbox under
 * `example.test`, mapped to loopback: e2e/mixed-content.spec.ts).
 */
export const MIXED_CONTENT_SPEC = 'https://w3c.github.io/webappsec-mixed-content/';
export const SECURE_CONTEXTS_SPEC = 'https://w3c.github.io/webappsec-secure-contexts/';
const SHOULD_BLOCK_FETCH = `${MIXED_CONTENT_SPEC}#should-block-fetch`;

/**
 * What Chromium names the resource in its console line, by the API that made the request. Not
 * modelled: the other APIs (Chromium upgrades images and media to https instead of blocking them).
 */
const RESOURCE_NAMES: Readonly<Partial<Record<InitiatorApi, string>>> = { fetch: 'resource', xhr: 'XMLHttpRequest endpoint' };

/** https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy, for the http(s) URLs the model fetches. */
export function isPotentiallyTrustworthyUrl(url: URL): boolean {
  // 2. If origin's scheme is either "https" or "wss", return "Potentially Trustworthy".
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  const host = url.hostname.replace(/\.$/, '');
  // 3. If origin's host matches 127.0.0.0/8 or ::1/128, return "Potentially Trustworthy".
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]') return true;
  // 4. "let-localhost-be-localhost": "localhost" and names that end in ".localhost".
  return host === 'localhost' || host.endsWith('.localhost');
}

export interface MixedContentVerdict {
  blocked: boolean;
  verdict: Verdict;
  /** The line Chromium prints when it blocks the request. */
  console: string | null;
}

/**
 * https://w3c.github.io/webappsec-mixed-content/#should-block-fetch, which main fetch runs for
 * every URL of the request (so also for each redirect's location). Null when the page is not
 * https or the URL is: nothing to say. "Does settings prohibit mixed security contexts?" is
 * answered as Chromium does, by the page's scheme (its MixedContentChecker restricts pages whose
 * scheme is https).
 */
export function shouldBlockAsMixedContent(pageUrl: string, url: URL, api: InitiatorApi): MixedContentVerdict | null {
  if (!pageUrl.startsWith('https:') || url.protocol === 'https:') return null;
  const step = 'Should fetching request be blocked as mixed content?';
  if (isPotentiallyTrustworthyUrl(url)) {
    const detail = `The page is https and ${url.origin} is http, but a host under localhost is potentially trustworthy (it resolves to loopback): not mixed content, the request may go out.`;
    return { blocked: false, verdict: { result: 'pass', step: `${step} step 1`, spec: SHOULD_BLOCK_FETCH, detail, values: { page: pageUrl, url: url.href } }, console: null };
  }
  const values = { page: pageUrl, url: url.href };
  const resource = RESOURCE_NAMES[api];
  if (resource === undefined) {
    const detail = `The page is https and ${url.origin} is http on a host that is not potentially trustworthy: mixed content for ${api} requests is not modelled.`;
    return { blocked: false, verdict: { result: 'unsupported', step, spec: SHOULD_BLOCK_FETCH, detail, values }, console: null };
  }
  const detail = `The page is https and ${url.origin} is http on a host that is not potentially trustworthy: the browser blocks it as mixed content before sending anything. Serve it over https.`;
  const console = `Mixed Content: The page at '${pageUrl}' was loaded over HTTPS, but requested an insecure ${resource} '${url.href}'. This request has been blocked; the content must be served over HTTPS.`;
  return {
    blocked: true,
    verdict: { result: 'fail', step: `${step} step 2`, spec: SHOULD_BLOCK_FETCH, detail, values, blockedBy: 'mixed-content' },
    console,
  };
}
