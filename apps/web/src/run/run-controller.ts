import type { Exchange } from '@cors-playground/scenario';
import { flushPendingEdits } from '../editor/pending-edits';
import { predict } from '../predict/prediction-controller';
import { learnAddressing } from '../scenario/preview-origins';
import { getState, IDLE_RUN, setRun, setUi } from '../store/store';
import { openRunEvents, type RunEndReason, type RunEvents } from './run-events';
import { createSandbox, deleteSandbox } from './sandbox-api';

/** The browser capabilities a run needs, passed in once at start-up so this module reads no globals. */
export interface RunEnvironment {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/** When the server's own watchdog should long have ended the run (run timeout + its margin + page load). */
export const RUN_WATCHDOG_MS = 45_000;

let environment: RunEnvironment | null = null;
let token = 0;
let events: RunEvents | null = null;
let watchdog: number | null = null;

export function configureRuns(next: RunEnvironment): void {
  environment = next;
}

function release(): void {
  events?.close();
  events = null;
  if (watchdog !== null) environment?.clearTimeout(watchdog);
  watchdog = null;
}

/** Stops listening to the current run and removes its frame. */
export function stopRun(): void {
  token++;
  release();
  setRun((run) => (run.status === 'creating' || run.status === 'running' ? { status: 'idle', frameUrl: null } : { frameUrl: null }));
}

function addExchange(list: Exchange[], exchange: Exchange): Exchange[] {
  if (list.some((known) => known.seq === exchange.seq)) return list;
  return [...list, exchange].sort((a, b) => a.seq - b.seq);
}

function finish(mine: number, reason: RunEndReason | 'failed', message: string | null): void {
  if (mine !== token) return;
  release();
  setRun(() => ({ status: reason, frameUrl: null, message }));
}

/**
 * One run: create a fresh sandbox, predict with its live origins (so the URLs match), listen to
 * its events, then load its harness page in a frame; Actual fills in as events arrive.
 */
export async function runScenario(): Promise<void> {
  const env = environment;
  flushPendingEdits();
  const { scenario } = getState();
  if (!env || !scenario.validation.ok || !scenario.input) return;
  const previous = getState().ui.run.sandbox;
  stopRun();
  // Each run gets a fresh sandbox (no cookie or cache leaks between runs); the last one goes now.
  if (previous) void deleteSandbox(env.fetch, previous.id);
  const mine = token;
  const ran = scenario.validation.scenario;
  setRun(() => ({ ...IDLE_RUN, status: 'creating', revision: scenario.revision, scenario: ran }));

  const created = await createSandbox(env.fetch, scenario.input);
  if (mine !== token) return;
  if (!created.ok) {
    setRun(() => ({ status: 'failed', message: created.message, errors: created.errors }));
    return;
  }
  const { sandbox } = created;
  setUi((ui) => ({ addressing: learnAddressing(ran, sandbox.live, ui.addressing) }));
  void predict('sandbox', sandbox.live);

  events = openRunEvents(env.EventSource, sandbox.eventsUrl, {
    exchange: (exchange) => mine === token && setRun((run) => ({ exchanges: addExchange(run.exchanges, exchange) })),
    report: (report) => mine === token && setRun(() => ({ report })),
    actual: (actual) => mine === token && setRun(() => ({ actual })),
    end: (reason) => finish(mine, reason, reason === 'expired' ? 'The sandbox expired before the run ended.' : null),
    broken: (message) => finish(mine, 'failed', message),
  });
  watchdog = env.setTimeout(() => finish(mine, 'timeout', 'The run did not report back in time.'), RUN_WATCHDOG_MS);
  setRun(() => ({ status: 'running', sandbox, frameUrl: sandbox.runUrl }));
}
