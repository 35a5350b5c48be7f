import type { RequestRecord } from '@cors-playground/scenario';
import { runFetch, type FetchOutcome } from './main-fetch';
import { cloneRequest, type ModelRequest } from './model-request';
import { finishRecord, notePreflight, type RequestTrace } from './request-record';
import type { SimulationContext } from './simulation-context';

/**
 * https://fetch.spec.whatwg.org/#concept-fetch, as the modelled fetch() and XMLHttpRequest call it:
 * the request goes through main fetch at the clock's current time, the servers see it at once, and
 * the response reaches the page (processResponse) when the routes' delays have passed. The record
 * is finished then, so a request still in flight when the run ends stays unfinished, as the
 * harness reports it.
 */
export interface FetchCallbacks {
  processResponse: (outcome: FetchOutcome) => void;
  /** True once the page gave up on the request (XHR abort): the record stays as the abort left it. */
  aborted?: () => boolean;
  /** A synchronous XHR: the page waits, so the clock moves on by the delays at once. */
  synchronous?: boolean;
}

export function fetchRequest(context: SimulationContext, record: RequestRecord, trace: RequestTrace, request: ModelRequest, callbacks: FetchCallbacks): void {
  const at = context.clock.now;
  const made = cloneRequest(request);
  const outcome = runFetch(context, request, at);
  notePreflight(record, outcome.trace);
  trace.verdicts.push(...outcome.trace.verdicts);
  record.explanation = trace.verdicts;
  const arrive = () => {
    if (callbacks.aborted?.() !== true) finishRecord(record, { request: made, ran: request, outcome, at, context, pageLabel: context.page.label, verdicts: trace.verdicts });
    callbacks.processResponse(outcome);
  };
  if (callbacks.synchronous) context.clock.jumpTo(outcome.trace.time);
  if (outcome.trace.time > context.clock.now) context.clock.schedule(outcome.trace.time, arrive);
  else arrive();
}
