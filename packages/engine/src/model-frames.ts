import { messengerMessage, PONG_WAIT_MS, type FrameHandle, type ReceivedMessage, type RequestRecord, type Route } from '@cors-playground/scenario';
import { getHeader } from './header-list';
import { parseMimeTypeEssence } from './mime-type';
import { domException, HTML_SPEC, newRecord, pageVerdict } from './page-api-support';
import { isRedirectStatus, locationUrl, REDIRECT_LIMIT } from './redirects';
import { sendRequest, type NetworkResponse } from './sandbox-network';
import { note, parseUrl, track, type SimulationContext } from './simulation-context';
import type { RequestTrace } from './request-record';

/**
 * openFrame(url) and openWindow(url), the harness's helpers (apps/server/src/harness/frames.ts),
 * over the modelled servers: the navigation follows redirects, and the document it ends on is
 * readable when it has the page's origin; reading a cross-origin document throws SecurityError
 * (https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)).
 * A route with `postMessage` answers a messenger page, whose messages the model delivers by the
 * rules of postMessage's targetOrigin. Not modelled: X-Frame-Options and CSP frame-ancestors,
 * scripts a route's own HTML runs, popup blocking (the harness's runs allow popups).
 */
const CROSS_ORIGIN_OBJECTS = `${HTML_SPEC}nav-history-apis.html#crossoriginproperties-(-o-)`;
const POST_MESSAGE = `${HTML_SPEC}web-messaging.html#window-post-message-steps`;

interface Navigation {
  /** The URL of the document the navigation ended on. */
  url: URL;
  response: NetworkResponse | null;
  /** The route that answered it, when one did. */
  route: Route | undefined;
  requestHeaders: Record<string, string>;
  delayMs: number;
}

/** A navigation: GET requests without Origin, following redirects, as the servers answer them. */
function navigate(context: SimulationContext, start: URL, destination: 'iframe' | 'document', trace: RequestTrace): Navigation {
  let url = start;
  let delayMs = 0;
  for (let hop = 0; ; hop++) {
    const headers: Array<[string, string]> = [['accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'], ['sec-fetch-mode', 'navigate'], ['sec-fetch-dest', destination]];
    const response = sendRequest(context.network, { method: 'GET', url, headers, body: null }, false, context.clock.now + delayMs);
    const exchange = response === null ? undefined : context.network.exchanges.at(-1);
    const route = exchange?.routeIndex == null ? undefined : context.network.scenario.servers[exchange.label]?.routes[exchange.routeIndex];
    const requestHeaders = Object.fromEntries(exchange?.requestHeaders ?? []);
    if (response === null) return { url, response, route, requestHeaders, delayMs };
    delayMs += response.delayMs;
    const location = isRedirectStatus(response.status) ? locationUrl(response.headers, url) : null;
    if (!(location instanceof URL) || !['http:', 'https:'].includes(location.protocol) || hop === REDIRECT_LIMIT) return { url, response, route, requestHeaders, delayMs };
    trace.verdicts.push(pageVerdict('info', `${HTML_SPEC}browsing-the-web.html#navigate`, 'Navigate', `The ${response.status} redirects the navigation to ${location.href}.`));
    url = location;
  }
}

/** The message a messenger page posts once loaded, if its targetOrigin lets the page have it. */
function initialMessages(context: SimulationContext, navigation: Navigation): ReceivedMessage[] {
  const spec = navigation.route?.postMessage;
  if (spec === undefined) return [];
  const { data, targetOrigin } = messengerMessage(spec, { origins: context.network.originStrings, requestHeaders: navigation.requestHeaders });
  const sender = navigation.url.origin;
  return data !== undefined && targetOriginAllows(targetOrigin, sender, context.page.origin) === true ? [{ data, origin: sender }] : [];
}

/**
 * https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps, steps 2-3
 * and the task's origin check: true when the message reaches a window of `recipient`, false when
 * it is dropped, 'invalid' when targetOrigin is no URL (postMessage throws SyntaxError).
 */
export function targetOriginAllows(targetOrigin: string, sender: string, recipient: string): boolean | 'invalid' {
  if (targetOrigin === '*') return true;
  if (targetOrigin === '/') return sender === recipient;
  try {
    return new URL(targetOrigin).origin === recipient;
  } catch {
    return 'invalid';
  }
}

function isMessenger(navigation: Navigation): boolean {
  const type = navigation.response === null ? null : getHeader(navigation.response.headers, 'content-type');
  return navigation.route?.postMessage !== undefined && type !== null && parseMimeTypeEssence(type) === 'text/html';
}

function finishFrameRecord(context: SimulationContext, record: RequestRecord, trace: RequestTrace, navigation: Navigation, readable: boolean): void {
  const headers = navigation.response?.headers ?? [];
  if (getHeader(headers, 'x-frame-options') !== null || /frame-ancestors/i.test(getHeader(headers, 'content-security-policy') ?? '')) {
    note(context, pageVerdict('unsupported', `${HTML_SPEC}document-lifecycle.html#the-x-frame-options-header`, 'X-Frame-Options', 'Not modelled: X-Frame-Options and CSP frame-ancestors (the frame is predicted to load as if they were absent).'));
  }
  if (navigation.response === null) {
    trace.verdicts.push(pageVerdict('fail', `${HTML_SPEC}browsing-the-web.html#navigate`, 'Navigate', `Nothing answers at ${navigation.url.origin}: the browser shows its error page, a document of another origin.`, 'network-error'));
    Object.assign(record, { outcome: 'error', blockedBy: 'network-error' });
  } else {
    trace.verdicts.push(readable
      ? pageVerdict('pass', CROSS_ORIGIN_OBJECTS, 'Same origin', `The document's origin ${navigation.url.origin} is the page's: the page may read it. No CORS check applies to a navigation.`)
      : pageVerdict('info', CROSS_ORIGIN_OBJECTS, 'CrossOriginProperties', `The document loaded, but its origin ${navigation.url.origin} is not the page's (${context.page.origin}): reading its document throws SecurityError. Only postMessage crosses; no CORS header changes that.`));
    record.outcome = readable ? 'ok' : 'opaque';
  }
  Object.assign(record, { status: 0, visibleHeaders: [], explanation: trace.verdicts, fix: null });
}

export function frameScope(context: SimulationContext) {
  const securityError = () => `SecurityError: Failed to read a named property 'document' from 'Window': Blocked a frame with origin "${context.page.origin}" from accessing a cross-origin frame.`;

  async function open(api: 'iframe' | 'window', input: unknown): Promise<FrameHandle> {
    const url = parseUrl(context, String(input));
    if (url === null) throw domException(`The URL '${String(input)}' is invalid.`, 'SyntaxError');
    const { record, trace } = newRecord(context, api, 'GET', url.href);
    trace.verdicts.push(pageVerdict('info', `${HTML_SPEC}browsing-the-web.html#navigate`, 'Navigate', `${api === 'iframe' ? 'An <iframe>' : 'window.open()'} navigates to ${url.href}: a GET with no Origin header and no CORS.`));
    const navigation = navigate(context, url, api === 'iframe' ? 'iframe' : 'document', trace);
    const readable = navigation.response !== null && navigation.url.origin === context.page.origin;
    const messenger = isMessenger(navigation);
    const received = messenger ? initialMessages(context, navigation) : [];
    await track(context, context.clock.sleep(navigation.delayMs));
    finishFrameRecord(context, record, trace, navigation, readable);
    if (!messenger) await context.clock.sleep(PONG_WAIT_MS);
    let open = true;
    return {
      url: url.href,
      loaded: true,
      readable,
      error: readable ? null : securityError(),
      async post(message: unknown, targetOrigin: string) {
        const allows = targetOriginAllows(String(targetOrigin), context.page.origin, navigation.response === null ? 'null' : navigation.url.origin);
        if (allows === 'invalid') throw domException(`Failed to execute 'postMessage' on 'Window': Invalid target origin '${String(targetOrigin)}' in a call to 'postMessage'.`, 'SyntaxError');
        trace.verdicts.push(pageVerdict(allows ? 'pass' : 'fail', POST_MESSAGE, 'postMessage', allows
          ? `targetOrigin ${String(targetOrigin)} matches the document's origin: the message is delivered.`
          : `targetOrigin ${String(targetOrigin)} is not the document's origin (${navigation.url.origin}): the browser drops the message.`));
        if (allows && messenger && open) received.push({ data: { echo: structuredClone(message), origin: context.page.origin }, origin: navigation.url.origin });
      },
      messages: () => [...received],
      close: () => {
        open = false;
      },
    };
  }

  return {
    openFrame: (url: unknown) => open('iframe', url),
    openWindow: (url: unknown) => open('window', url),
  };
}
