import type { RequestApi, RequestRecord } from '@cors-playground/scenario';
import { startRecord, type RequestTrace } from './request-record';
import type { SimulationContext } from './simulation-context';
import type { Verdict, VerdictResult } from './spec';

/**
 * What the modelled frames, EventSource, WebSocket and sendBeacon share: a record per request (as
 * the harness observes one), DOMExceptions, `on…` handler attributes, and verdicts that cite the
 * HTML, WebSockets or Beacon standard rather than Fetch.
 */
export const HTML_SPEC = 'https://html.spec.whatwg.org/multipage/';
export const WEBSOCKETS_SPEC = 'https://websockets.spec.whatwg.org/';
export const BEACON_SPEC = 'https://w3c.github.io/beacon/';

export function newRecord(context: SimulationContext, api: RequestApi, method: string, url: string): { record: RequestRecord; trace: RequestTrace } {
  const record = startRecord({ api, method, url, from: context.page.label, origins: context.network.origins });
  const trace: RequestTrace = { verdicts: [] };
  context.records.push(record);
  context.traces.push(trace);
  return { record, trace };
}

/** A DOMException where the host has one (browsers, Node 17+), else an Error with its name. */
export function domException(message: string, name: string): Error {
  const Constructor = (globalThis as { DOMException?: new (message: string, name: string) => Error }).DOMException;
  if (Constructor) return new Constructor(message, name);
  const error = new Error(message);
  error.name = name;
  return error;
}

export function pageVerdict(result: VerdictResult, spec: string, step: string, detail: string, blockedBy?: string, values?: Record<string, string | null>): Verdict {
  const made: Verdict = { result, step, spec, detail };
  if (values !== undefined) made.values = values;
  if (blockedBy !== undefined) made.blockedBy = blockedBy;
  return made;
}

interface HandlerTarget {
  getHandler(type: string): unknown;
  setHandler(type: string, callback: unknown): void;
}

/** The `on…` event handler attributes, on the prototype as in a browser. */
export function defineEventHandlers(prototype: object, types: readonly string[]): void {
  for (const type of types) {
    Object.defineProperty(prototype, `on${type}`, {
      get(this: HandlerTarget) {
        return this.getHandler(type);
      },
      set(this: HandlerTarget, callback: unknown) {
        this.setHandler(type, callback);
      },
      configurable: true,
      enumerable: true,
    });
  }
}

/** What JavaScript sees of these APIs' responses: no status and no header (the record says 0 and []). */
export function hideResponse(record: RequestRecord): void {
  record.status = 0;
  record.visibleHeaders = [];
}
