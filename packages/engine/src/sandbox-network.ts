import { answerPastCap, answerRequest, HTTP_METHOD_SET, LIMITS, type LiveOrigin, type Scenario, type ServerAnswer } from '@cors-playground/scenario';
import { answerThroughCorsLibrary } from './cors-libraries';
import { labelOf } from './origin-labels';
import { hasHeader, type HeaderList } from './header-list';

/**
 * The modelled network: a request to a sandbox origin gets what the sandbox server answers
 * (answerRequest, the function the real server calls), plus the header lines Node's HTTP server
 * adds on the wire; a request anywhere else is a network error. No real I/O happens.
 */
export interface NetworkRequest {
  method: string;
  url: URL;
  headers: HeaderList;
  body: string | null;
}

export interface NetworkResponse {
  label: string;
  status: number;
  statusText: string;
  headers: HeaderList;
  /** The body as text (bytes decoded as UTF-8, as Response.text() does). */
  body: string;
  /** The bytes of a built-in asset (route-assets.ts), null for a text body. */
  bytes: Uint8Array | null;
  /** Milliseconds between the request and its response (the route's delayMs). */
  delayMs: number;
  /** Set when Node's HTTP parser answered (an unknown method): no route ran, nothing was logged. */
  rejectedByParser: boolean;
}

/** One request the modelled servers received, and what they answered. */
export interface ModelExchange {
  label: string;
  method: string;
  url: string;
  requestHeaders: HeaderList;
  response: { status: number; headers: HeaderList };
  routeIndex: number | null;
  /** The CORS library that answered the request itself (a preflight), when one did. */
  answeredBy?: '@fastify/cors' | 'cors';
  /** Set when a proxy route of that origin sent the request, not the browser. */
  via?: string;
  /** True for a CORS-preflight request. */
  preflight: boolean;
  /** Virtual milliseconds since the run started, when the server received it. */
  at: number;
}

export interface SandboxNetwork {
  scenario: Scenario;
  origins: Readonly<Record<string, LiveOrigin>>;
  originStrings: Readonly<Record<string, string>>;
  exchanges: ModelExchange[];
  /** Requests the servers received this run (request-cap.ts: past LIMITS.requestsPerRun they answer 429). */
  received?: number;
}

/** Counts a request that reached a server; the sandbox's 429 when it is past the run's request cap. */
function overRequestCap(network: SandboxNetwork): ServerAnswer | null {
  network.received = (network.received ?? 0) + 1;
  return answerPastCap(network.received, LIMITS.requestsPerRun);
}

/** A request body as the server reads it: the client's text through UTF-8 and back (a lone surrogate becomes U+FFFD). */
function wireText(body: string | null): string {
  return body === null ? '' : new TextDecoder().decode(new TextEncoder().encode(body));
}

/** The reason phrases Node's HTTP server writes (http.STATUS_CODES, Node 20); others get "unknown". */
export const STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
  206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect',
  308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
  410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** The Date header every modelled answer carries (only its name matters to JavaScript). */
export const MODEL_DATE = 'Thu, 01 Jan 1970 00:00:00 GMT';

/**
 * What the sandbox server adds to a route's header lines (apps/server/src/sandbox-handler.ts
 * send(), on Node's http server): Content-Length unless 204 or 304, then Date, Connection and
 * Keep-Alive, each only when the route did not set it. Only the names matter to JavaScript.
 */
export function withTransportHeaders(status: number, headers: HeaderList, body: string | Uint8Array): HeaderList {
  const result: HeaderList = [...headers];
  const length = typeof body === 'string' ? utf8Length(body) : body.length;
  if (status !== 204 && status !== 304 && !hasHeader(headers, 'content-length')) result.push(['content-length', String(length)]);
  if (!hasHeader(headers, 'date')) result.push(['date', MODEL_DATE]);
  if (!hasHeader(headers, 'connection')) result.push(['connection', 'keep-alive']);
  if (!hasHeader(headers, 'keep-alive')) result.push(['keep-alive', 'timeout=5']);
  return result;
}

/** The length of `text` in UTF-8 bytes (a lone surrogate counts as U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * What the sandbox server answers when Node's HTTP parser refuses a method it does not know
 * (`patch`, `FOO`, methods are case-sensitive): the server's handler never runs, so no route
 * answers and the server's log has no line for it, and the answer has no CORS header. Every
 * listener answers as Fastify's own server does (its defaultClientErrorHandler: a JSON body;
 * apps/server/src/listen.ts gives the other ports and addresses the same handler).
 */
export const PARSER_REJECTION = {
  headers: [['content-length', '65'], ['content-type', 'application/json']] as HeaderList,
  body: '{"error":"Bad Request","message":"Client Error","statusCode":400}',
} as const;

/** The answer to a method the parser refuses. */
function parserRejection(label: string, method: string): NetworkResponse {
  const { headers, body } = PARSER_REJECTION;
  return { label, status: 400, statusText: 'Bad Request', headers: [...headers], body: method === 'HEAD' ? '' : body, bytes: null, delayMs: 0, rejectedByParser: true };
}

/**
 * Sends a request over the modelled network at virtual time `at`: null is a network error (no
 * sandbox origin there).
 */
export function sendRequest(network: SandboxNetwork, request: NetworkRequest, preflight = false, at = 0): NetworkResponse | null {
  const label = labelOf(network.origins, request.url);
  if (label === null) return null;
  if (!HTTP_METHOD_SET.has(request.method)) return parserRejection(label, request.method);
  // Every HTTP/1.1 request carries Host first (the browser writes it; routes may reflect it).
  const lines: HeaderList = [['host', request.url.host], ...request.headers.filter(([name]) => name.toLowerCase() !== 'host')];
  const headers: Record<string, string> = {};
  for (const [name, value] of lines) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
  }
  const serverRequest = { method: request.method, path: request.url.pathname + request.url.search, headers, body: wireText(request.body) };
  // A CORS library on the origin (cors-libraries/) answers first, or adds its lines to the routes' answer.
  const answer = overRequestCap(network) ?? answerThroughCorsLibrary(network.scenario, network.originStrings, label, serverRequest, () =>
    answerRequest(network.scenario, network.originStrings, label, serverRequest));
  // What a proxy route sent on reached its origin first (the server logs it the same way).
  for (const hop of answer.forwarded ?? []) {
    network.exchanges.push({
      label: hop.label, via: hop.via, method: hop.method, url: network.originStrings[hop.label] + hop.path, requestHeaders: hop.requestHeaders,
      response: hop.response, routeIndex: hop.routeIndex, preflight: false, at,
    });
  }
  const bodiless = answer.status === 204 || answer.status === 304 || request.method === 'HEAD';
  const responseHeaders = withTransportHeaders(answer.status, answer.headers, answer.body).map(
    ([name, value]): [string, string] => [name, value.replace(/^[\t ]+|[\t ]+$/g, '')],
  );
  network.exchanges.push({
    label,
    method: request.method,
    url: request.url.origin + request.url.pathname + request.url.search,
    requestHeaders: lines.map(([name, value]) => [name.toLowerCase(), value]),
    response: { status: answer.status, headers: responseHeaders },
    routeIndex: answer.routeIndex,
    ...(answer.answeredBy ? { answeredBy: answer.answeredBy } : {}),
    preflight,
    at,
  });
  return {
    label, status: answer.status, statusText: STATUS_TEXTS[answer.status] ?? 'unknown', headers: responseHeaders,
    body: bodiless ? '' : typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body),
    bytes: bodiless || typeof answer.body === 'string' ? null : answer.body,
    delayMs: answer.delayMs, rejectedByParser: false,
  };
}
