import { requestCapSummary } from '@cors-playground/scenario';
import { flushPendingEdits } from '../editor/pending-edits';
import { predict } from '../predict/prediction-controller';
import { learnAddressing } from '../scenario/preview-origins';
import { showNotice } from '../store/actions';
import { getState, IDLE_RUN, setRun, setUi } from '../store/store';
import { addExchanges, createExchangeBatch, type ExchangeBatch } from './exchange-batch';
import { openRunEvents, type RunEndReason, type RunEvents } from './run-events';
import { createSandbox, deleteSandbox } from './sandbox-api';

/** A new top-level window for a run in the window context, opened blank before its URL is known. */
export interface RunWindow {
  navigate(url: string): void;
  close(): void;
}

/** The browser capabilities a run needs, passed in once at start-up so this module reads no globals. */
export interface RunEnvironment {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  /** Opens a blank window, or returns null when the browser blocks it. Called within the Run click. */
  openWindow: () => RunWindow | null;
}

/** What the run summary says when the pop-up blocker refused the run's window; the notice says what to do. */
export const POPUP_BLOCKED_STATUS = 'The run did not start: the browser blocked its new window.';
export const POPUP_BLOCKED_MESSAGE =
  'The browser blocked the new window, so the run did not start. Allow pop-ups for this page (the browser shows a blocked pop-up icon in the address bar), or run in a frame.';

/** When the server's own watchdog should long have ended the run (run timeout + its margin + page load). */
export const RUN_WATCHDOG_MS = 45_000;

let environment: RunEnvironment | null = null;
let token = 0;
let events: RunEvents | null = null;
let watchdog: number | null = null;
let exchangeBatch: ExchangeBatch | null = null;
/** The window of the current run in the window context; closed as soon as the run is over or stopped. */
let runWindow: RunWindow | null = null;

export function configureRuns(next: RunEnvironment): void {
  environment = next;
}

function release(): void {
  events?.close();
  events = null;
  exchangeBatch?.cancel();
  exchangeBatch = null;
  if (watchdog !== null) environment?.clearTimeout(watchdog);
  watchdog = null;
}

/** A run's window goes as soon as its run is over: client code there (a loop, timers) would run on unwatched. */
function closeRunWindow(): void {
  runWindow?.close();
  runWindow = null;
}

/** Stops listening to the current run and removes its frame or closes its window. */
export function stopRun(): void {
  token++;
  release();
  closeRunWindow();
  setRun((run) => (run.status === 'creating' || run.status === 'running' ? { status: 'idle', frameUrl: null } : { frameUrl: null }));
}

export const STOPPED_STATUS = 'You stopped the run; what it had done so far is shown.';

/** The Stop button: ends the run here at once, and deletes its sandbox so the server ends it too. */
export function stopRunByUser(): void {
  const { status, sandbox } = getState().ui.run;
  if (status !== 'creating' && status !== 'running') return;
  stopRun();
  if (sandbox && environment) void deleteSandbox(environment.fetch, sandbox.id);
  setRun(() => ({ status: 'failed', message: STOPPED_STATUS }));
}

function finish(mine: number, reason: RunEndReason | 'failed', message: string | null): void {
  if (mine !== token) return;
  release();
  closeRunWindow();
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
  const { context } = ran;
  // Opened now, while the click still counts as a user gesture: after the sandbox request the
  // browser would block it. It stays blank until the sandbox exists.
  runWindow = context === 'window' ? env.openWindow() : null;
  if (context === 'window' && !runWindow) {
    setRun(() => ({ ...IDLE_RUN, status: 'failed', revision: scenario.revision, context, scenario: ran, message: POPUP_BLOCKED_STATUS }));
    showNotice({ tone: 'warning', text: POPUP_BLOCKED_MESSAGE });
    return;
  }
  setRun(() => ({ ...IDLE_RUN, status: 'creating', revision: scenario.revision, context, scenario: ran }));

  const created = await createSandbox(env.fetch, scenario.input);
  if (mine !== token) {
    // Stopped (or run again) while the sandbox was being made: nobody will run it.
    if (created.ok) void deleteSandbox(env.fetch, created.sandbox.id);
    return;
  }
  if (!created.ok) {
    closeRunWindow();
    setRun(() => ({ status: 'failed', message: created.message, errors: created.errors }));
    return;
  }
  const { sandbox } = created;
  setUi((ui) => ({ addressing: learnAddressing(ran, sandbox.live, ui.addressing) }));
  void predict('sandbox', sandbox.live);

  const batch = createExchangeBatch((exchanges) => mine === token && setRun((run) => ({ exchanges: addExchanges(run.exchanges, exchanges) })), env);
  exchangeBatch = batch;
  events = openRunEvents(env.EventSource, sandbox.eventsUrl, {
    exchange: (exchange) => mine === token && batch.add(exchange),
    // The harness has reported: the run is over in its window, whatever the window's code still does.
    report: (report) => mine === token && (batch.flush(), closeRunWindow(), setRun(() => ({ report }))),
    actual: (actual) => mine === token && (batch.flush(), setRun(() => ({ actual }))),
    end: (reason, cap) => {
      if (mine === token) batch.flush();
      finish(mine, reason, reason === 'expired' ? 'The sandbox expired before the run ended.' : cap ? requestCapSummary(cap.limit, cap.refused) : null);
    },
    broken: (message) => finish(mine, 'failed', message),
  });
  watchdog = env.setTimeout(() => finish(mine, 'timeout', 'The run did not report back in time.'), RUN_WATCHDOG_MS);
  if (runWindow) runWindow.navigate(sandbox.runUrl);
  setRun(() => ({ status: 'running', sandbox, frameUrl: runWindow ? null : sandbox.runUrl }));
}
