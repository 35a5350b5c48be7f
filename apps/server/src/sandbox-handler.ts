import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRequest, originStrings, REPORT_LIMITS, type HarnessReport, type ServerAnswer } from '@cors-playground/scenario';
import type { ServerConfig } from './config';
import { withLibraryHeaders } from '@cors-playground/engine';
import { runCorsLibrary } from './cors-plugins';
import { harnessPage, harnessScript, REPORT_PATH, RUN_PATH, SCRIPT_PATH, HARNESS_PREFIX } from './harness/page';
import type { SandboxStore, SandboxTarget } from './sandbox-store';
import { requestHeaderLines, requestHeaders, routeDelay } from './request-lines';
import { MAX_REPORT_BYTES, overCap } from './run-limits';

/** Reads a body up to a limit; null when it is larger. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, headers: Array<[string, string]>, body: string | Uint8Array, head = false): void {
  // 204 and 304 answers carry no body (RFC 9110, sections 15.3.5 and 15.4.5).
  const bodiless = status === 204 || status === 304;
  const payload = bodiless ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body) : body;
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  if (!bodiless) flat.push('content-length', String(payload.length));
  response.writeHead(status, flat);
  response.end(head || bodiless ? undefined : payload);
}

const TEXT = 'text/plain; charset=utf-8';

export function expiredPage(hostname: string): string {
  return `This sandbox origin (${hostname}) has expired or never existed. Sandboxes are deleted when idle; press Run in the playground to make a new one.\n`;
}

/**
 * Answers a request to a sandbox origin: the harness paths on the page origin, and otherwise the
 * scenario's routes, exactly as configured (repeated header lines, no CORS header of ours), after
 * recording what arrived and what was sent.
 */
export async function handleSandboxRequest(
  store: SandboxStore,
  config: ServerConfig,
  target: SandboxTarget,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { sandbox, origin } = target;
  const path = request.url ?? '/';
  const method = request.method ?? 'GET';
  if (path.startsWith(HARNESS_PREFIX)) return handleHarness(store, config, target, method, path, request, response);

  const body = await readBody(request, config.maxRequestBodyBytes);
  const headerLines = requestHeaderLines(request);
  const headers = requestHeaders(request, headerLines);
  const capped = overCap(sandbox, config.maxRequestsPerRun);
  // The origin's CORS library (cors-plugins.ts) runs first: it may answer a preflight itself.
  const library = capped || body === null ? null : await runCorsLibrary(sandbox.scenario, originStrings(sandbox.origins), origin.label, method, path, request, response);
  if (library?.ended) {
    const sent = { status: library.status, headers: library.headers };
    store.recordExchange(sandbox, { label: origin.label, method, url: origin.origin + path, requestHeaders: headerLines, response: sent, routeIndex: null, answeredBy: library.plugin });
    return;
  }
  const answer: ServerAnswer =
    capped ??
    (body === null
      ? { status: 413, headers: [['content-type', TEXT]], body: `Request body over ${config.maxRequestBodyBytes} bytes.\n`, delayMs: 0, routeIndex: null }
      : answerRequest(sandbox.scenario, originStrings(sandbox.origins), origin.label, { method, path, headers, body: body.toString('utf8') }));
  // The library's lines first, then the route's, which replace the library's of the same name.
  const sentHeaders = library ? withLibraryHeaders(library.headers, answer.headers) : answer.headers;
  // What a proxy route sent on reached its origin first; the log shows it on that origin.
  for (const hop of answer.forwarded ?? []) {
    const { label, via, method: hopMethod, path: hopPath, requestHeaders, response: hopResponse, routeIndex } = hop;
    store.recordExchange(sandbox, { label, via, method: hopMethod, url: sandbox.origins[label]!.origin + hopPath, requestHeaders, response: hopResponse, routeIndex });
  }
  store.recordExchange(sandbox, {
    label: origin.label,
    method,
    url: origin.origin + path,
    requestHeaders: headerLines,
    response: { status: answer.status, headers: sentHeaders },
    routeIndex: answer.routeIndex,
  });
  await routeDelay(answer.delayMs, config.runTimeoutMs);
  send(response, answer.status, sentHeaders, answer.body, method === 'HEAD');
}

async function handleHarness(
  store: SandboxStore,
  config: ServerConfig,
  { sandbox, origin }: SandboxTarget,
  method: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const onPage = origin.label === sandbox.scenario.page;
  const pathname = path.split('?')[0];
  if (onPage && method === 'GET' && pathname === RUN_PATH) {
    // Served every time it is asked for, but only the first time starts the run (sandbox-store.ts startRun).
    store.startRun(sandbox);
    const html = harnessPage({ origins: originStrings(sandbox.origins), client: sandbox.scenario.client, timeoutMs: config.runTimeoutMs, title: sandbox.scenario.title });
    return send(response, 200, [['content-type', 'text/html; charset=utf-8'], ['cache-control', 'no-store']], html);
  }
  if (onPage && method === 'GET' && pathname === SCRIPT_PATH) {
    return send(response, 200, [['content-type', 'text/javascript; charset=utf-8'], ['cache-control', 'no-store']], harnessScript());
  }
  if (onPage && method === 'POST' && pathname === REPORT_PATH) {
    // Same-origin only: the harness's fetch on this very origin sends its Origin with the POST.
    if (request.headers.origin !== origin.origin) return send(response, 403, [['content-type', TEXT]], 'Reports come from the page origin only.\n');
    // One report per sandbox, while its run is in progress: a second one (the page loaded again) is refused.
    if (!store.awaitsReport(sandbox)) return send(response, 409, [['content-type', TEXT]], 'No run of this sandbox awaits a report: a sandbox runs once (press Run for a fresh one).\n');
    const body = await readBody(request, MAX_REPORT_BYTES);
    if (body === null) return send(response, 413, [['content-type', TEXT]], `The report is over ${MAX_REPORT_BYTES} bytes.\n`);
    const report = parseReport(body.toString('utf8'));
    if (!report) return send(response, 400, [['content-type', TEXT]], 'The report is not a harness report.\n');
    // Two reports read at once: the first to finish the run wins.
    if (!store.finishRun(sandbox, report)) return send(response, 409, [['content-type', TEXT]], 'This run has already ended.\n');
    return send(response, 204, [], '');
  }
  return send(response, 404, [['content-type', TEXT]], `No harness resource ${method} ${pathname} on this origin.\n`);
}

function parseReport(text: string): HarnessReport | null {
  try {
    const value = JSON.parse(text) as HarnessReport;
    const valid =
      Array.isArray(value.observations) && Array.isArray(value.log) && ['finished', 'threw', 'timeout'].includes(value.end) &&
      value.observations.length <= REPORT_LIMITS.observations && value.log.length <= REPORT_LIMITS.logLines &&
      value.observations.every((o) => typeof o.url === 'string' && typeof o.method === 'string' && typeof o.status === 'number' && Array.isArray(o.headers)) &&
      value.log.every((line) => typeof line === 'string') &&
      (value.dropped === undefined || (Number.isInteger(value.dropped.observations) && Number.isInteger(value.dropped.logLines)));
    return valid ? value : null;
  } catch {
    return null;
  }
}
