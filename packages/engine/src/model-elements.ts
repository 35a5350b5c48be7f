import type { Fix, RequestRecord } from '@cors-playground/scenario';
import { chromiumCorsMessage, consoleLinesFor } from './console-messages';
import type { CredentialsMode } from './cors-check';
import { ELEMENT_ACCEPT, ELEMENT_DESTINATIONS, type ElementApi } from './element-requests';
import { htmlVerdict, useResponse, type ElementUse } from './element-response';
import { runFetch, type FetchOutcome } from './main-fetch';
import { cloneRequest, currentUrl, type FetchContext, type ModelRequest, type RequestMode } from './model-request';
import { labelOf } from './origin-labels';
import { PreflightCache } from './preflight-cache';
import { newRecord } from './page-api-support';
import { notePreflight } from './request-record';
import { smallestFix } from './smallest-fix';
import type { Verdict } from './spec';
import { parseUrl, track, type SimulationContext } from './simulation-context';

/**
 * The element loads of the client code (`loadImage`, `loadScript`, `loadStylesheet`, `loadFont`,
 * the harness's helpers in apps/server/src/harness/elements.ts): each builds the request its
 * element would (HTML's "create a potential-CORS request"), runs it through the same fetch model
 * as fetch() and XMLHttpRequest, then does what the element does with the response. The helpers
 * never reject: `loaded` says whether the element fired `load` or `error`.
 */
export type CrossOriginSetting = 'anonymous' | 'use-credentials';

export interface ElementLoad {
  loaded: boolean;
}
export interface ImageLoad extends ElementLoad {
  width: number;
  height: number;
  /** Null when not loaded; false when getImageData threw SecurityError (a tainted canvas). */
  canvasReadable: boolean | null;
}
export interface StylesheetLoad extends ElementLoad {
  /** Null when not loaded; false when reading cssRules threw SecurityError. */
  rulesReadable: boolean | null;
}

interface LoadOptions {
  crossOrigin?: unknown;
  module?: unknown;
  family?: unknown;
}

/** The crossorigin attribute's state: missing is "No CORS", an invalid value is "Anonymous". */
function corsSetting(api: ElementApi, value: unknown): CrossOriginSetting | null {
  if (value === undefined || value === null) return api === 'module' || api === 'font' ? 'anonymous' : null;
  return String(value).toLowerCase() === 'use-credentials' ? 'use-credentials' : 'anonymous';
}

/** https://html.spec.whatwg.org/multipage/urls-and-fetching.html#create-a-potential-cors-request */
function potentialCorsRequest(context: SimulationContext, api: ElementApi, url: URL, setting: CrossOriginSetting | null): { request: ModelRequest; verdict: Verdict } {
  const mode: RequestMode = setting === null ? 'no-cors' : 'cors';
  const credentialsMode: CredentialsMode = setting === 'anonymous' ? 'same-origin' : 'include';
  const why = api === 'module' ? 'a module script is always fetched in mode "cors"'
    : api === 'font' ? 'a font is always fetched in mode "cors" (CSS Fonts)'
      : setting === null ? 'no crossorigin attribute: mode "no-cors"' : `crossorigin="${setting}": mode "cors"`;
  const request: ModelRequest = {
    api, method: 'GET', urlList: [url], origin: context.page.origin, headers: [['accept', ELEMENT_ACCEPT[api]]], body: null, mode, credentialsMode,
    redirectMode: 'follow', useCorsPreflight: false, responseTainting: 'basic', redirectCount: 0, destination: ELEMENT_DESTINATIONS[api],
  };
  const detail = `${why}, credentials mode "${credentialsMode}"${credentialsMode === 'include' ? ' (cookies go along)' : credentialsMode === 'same-origin' ? ' (cookies only to the page\'s own origin)' : ''}.`;
  return { request, verdict: htmlVerdict('info', 'Create a potential-CORS request', 'urls-and-fetching.html#create-a-potential-cors-request', detail.charAt(0).toUpperCase() + detail.slice(1)) };
}

function chromiumLine(request: ModelRequest, outcome: FetchOutcome & { ok: false }, context: SimulationContext): string | null {
  const { error } = outcome;
  if (context.engine !== 'chromium') return null;
  if (error.corsFailure === null) return error.otherConsole;
  return chromiumCorsMessage(error.corsFailure, { api: request.api, initialUrl: request.urlList[0]!.href, lastUrl: currentUrl(request).href, origin: request.origin });
}

/** The fetch of a cors-mode copy, on a scratch copy of the network (nothing is logged). */
function corsAttempt(context: FetchContext, made: ModelRequest, at: number): { request: ModelRequest; outcome: FetchOutcome } {
  const request = { ...cloneRequest(made), mode: 'cors' as const, credentialsMode: 'same-origin' as const };
  const scratch: FetchContext = { ...context, network: { ...context.network, exchanges: [] }, cache: new PreflightCache(context.engine) };
  return { request, outcome: runFetch(scratch, cloneRequest(request), at) };
}

/** An opaque <img> or stylesheet: fetch it with CORS (the crossorigin attribute) and have the server allow it. */
function readableFix(context: SimulationContext, made: ModelRequest, at: number): Fix | null {
  const attempt = corsAttempt(context, made, at);
  const prefix = "Load it with crossOrigin: 'anonymous' (the crossorigin attribute), so it is fetched with CORS and the page may read it";
  if (attempt.outcome.ok) return { summary: `${prefix}; the server already allows it.`, headers: [], unsafe: null };
  const fix = smallestFix({ context, request: attempt.request, ran: attempt.request, at, outcome: attempt.outcome, pageLabel: context.page.label });
  return fix && { ...fix, summary: `${prefix}; then ${fix.summary.charAt(0).toLowerCase()}${fix.summary.slice(1)}` };
}

/** A response refused by Cross-Origin-Resource-Policy: the resource's server must let other origins embed it. */
function corpFix(context: SimulationContext, ran: ModelRequest, policy: string | null): Fix | null {
  const url = currentUrl(ran);
  const origin = labelOf(context.network.origins, url);
  if (origin === null) return null;
  return {
    summary: `Answer GET ${url.pathname} on ${origin} with Cross-Origin-Resource-Policy: cross-origin (or without the header): "${policy}" forbids this page from embedding it.`,
    headers: [{ origin, method: 'GET', path: url.pathname, name: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }],
    unsafe: null,
  };
}

interface Settled {
  record: RequestRecord;
  use: ElementUse | null;
  opaque: boolean;
}

function finish(context: SimulationContext, record: RequestRecord, verdicts: Verdict[], made: ModelRequest, ran: ModelRequest, outcome: FetchOutcome, at: number): Settled {
  notePreflight(record, outcome.trace);
  record.explanation = verdicts;
  record.visibleHeaders = [];
  record.status = 0;
  if (!outcome.ok) {
    const { error } = outcome;
    const refused = error.corsFailure !== null || error.blockedBy === 'corp';
    record.outcome = refused ? 'blocked' : 'error';
    record.blockedBy = error.blockedBy;
    record.console = consoleLinesFor(context.engine, chromiumLine(ran, outcome, context));
    record.fix = error.blockedBy === 'corp' ? corpFix(context, ran, error.verdict.values?.['Cross-Origin-Resource-Policy'] ?? null) : refused ? smallestFix({ context, request: made, ran, at, outcome, pageLabel: context.page.label }) : null;
    return { record, use: null, opaque: false };
  }
  const { response } = outcome;
  const used = useResponse(made.api as ElementApi, response);
  verdicts.push(used.verdict);
  const opaque = response.type === 'opaque';
  if (!used.used) {
    record.outcome = 'error';
    record.blockedBy = used.verdict.blockedBy ?? null;
    record.console = consoleLinesFor(context.engine, context.engine === 'chromium' ? used.console : null);
    record.fix = null;
    return { record, use: used, opaque };
  }
  record.outcome = opaque ? 'opaque' : 'ok';
  record.status = opaque ? 0 : response.status;
  record.blockedBy = null;
  record.fix = opaque && (made.api === 'img' || made.api === 'stylesheet') ? readableFix(context, made, at) : null;
  return { record, use: used, opaque };
}

/** Makes the element's request now; `settle` gets the outcome when the response arrives (route delays pass on the clock). */
function load<T>(context: SimulationContext, api: ElementApi, input: unknown, options: LoadOptions, result: (settled: Settled) => T, failed: T): Promise<T> {
  const url = parseUrl(context, String(input));
  const { record, trace } = newRecord(context, api, 'GET', url?.href ?? String(input));
  if (url === null) {
    const refused = htmlVerdict('fail', 'Parse a URL', 'urls-and-fetching.html#resolving-urls', `"${String(input)}" is not a URL: nothing is fetched and the element fires its error event.`, 'invalid-url');
    trace.verdicts.push(refused);
    Object.assign(record, { blockedBy: 'invalid-url', explanation: trace.verdicts, fix: null });
    return track(context, Promise.resolve(failed));
  }
  const { request, verdict } = potentialCorsRequest(context, api, url, corsSetting(api, options.crossOrigin));
  trace.verdicts.push(verdict);
  const made = cloneRequest(request);
  const at = context.clock.now;
  const outcome = runFetch(context, request, at);
  trace.verdicts.push(...outcome.trace.verdicts);
  notePreflight(record, outcome.trace);
  record.explanation = trace.verdicts;
  return track(context, new Promise<T>((resolve) => {
    context.clock.schedule(outcome.trace.time, () => resolve(result(finish(context, record, trace.verdicts, made, request, outcome, at))));
  }));
}

function optionsOf(options: unknown): LoadOptions {
  return options !== null && typeof options === 'object' ? (options as LoadOptions) : {};
}

/** The helpers as the client code sees them (the same names and results as the harness's). */
export function createElementLoaders(context: SimulationContext) {
  return {
    loadImage: (url: unknown, options?: unknown): Promise<ImageLoad> =>
      load(context, 'img', url, optionsOf(options), ({ use, opaque }) => ({
        loaded: use?.used === true, width: use?.used ? use.width : 0, height: use?.used ? use.height : 0, canvasReadable: use?.used ? !opaque : null,
      }), { loaded: false, width: 0, height: 0, canvasReadable: null }),
    loadScript: (url: unknown, options?: unknown): Promise<ElementLoad> => {
      const given = optionsOf(options);
      return load(context, given.module ? 'module' : 'script', url, given, ({ use }) => ({ loaded: use?.used === true }), { loaded: false });
    },
    loadStylesheet: (url: unknown, options?: unknown): Promise<StylesheetLoad> =>
      load(context, 'stylesheet', url, optionsOf(options), ({ use, opaque }) => ({ loaded: use?.used === true, rulesReadable: use?.used ? !opaque : null }), { loaded: false, rulesReadable: null }),
    loadFont: (url: unknown, options?: unknown): Promise<ElementLoad> =>
      load(context, 'font', url, { ...optionsOf(options), crossOrigin: undefined }, ({ use }) => ({ loaded: use?.used === true }), { loaded: false }),
  };
}
