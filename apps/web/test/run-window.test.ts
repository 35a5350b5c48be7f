import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configureRuns, POPUP_BLOCKED_MESSAGE, POPUP_BLOCKED_STATUS, runScenario, stopRunByUser, type RunWindow } from '../src/run/run-controller';
import { chooseRunContext } from '../src/store/actions';
import { getState } from '../src/store/store';

const live = { app: { label: 'app', scheme: 'http', host: 'app-x.site-a.localhost', port: 8080, site: 'a', origin: 'http://app-x.site-a.localhost:8080' } };
const sandbox = { id: 'x', origins: { app: live.app.origin }, live, runUrl: `${live.app.origin}/__cors-playground/run`, eventsUrl: '/api/sandboxes/x/events', expiresAt: '2030-01-01T00:00:00Z' };

class SilentEventSource {
  static readonly CLOSED = 2;
  readyState = 1;
  addEventListener() {}
  close() {}
}

function environment(openWindow: () => RunWindow | null, timers: Array<() => void> = [], created = () => new Response(JSON.stringify(sandbox), { status: 201 })) {
  const fetchImpl = vi.fn(async () => created());
  configureRuns({
    fetch: fetchImpl as unknown as typeof fetch,
    EventSource: SilentEventSource as unknown as typeof EventSource,
    setTimeout: (callback) => timers.push(callback),
    clearTimeout: () => undefined,
    openWindow,
  });
  return fetchImpl;
}

/** A run window that records whether the playground closed it. */
function trackedWindow() {
  const state = { closed: 0 };
  return { state, open: () => ({ navigate: () => undefined, close: () => void state.closed++ }) };
}

describe('a run in the window context', () => {
  beforeEach(() => chooseRunContext('window'));

  it('opens the window before asking for a sandbox, then sends it to the run page instead of a frame', async () => {
    const steps: string[] = [];
    const fetchImpl = environment(() => {
      steps.push(`open (sandbox requests so far: ${fetchImpl.mock.calls.length})`);
      return { navigate: (url) => steps.push(`navigate ${url}`), close: () => steps.push('close') };
    });
    await runScenario();
    expect(steps).toEqual(['open (sandbox requests so far: 0)', `navigate ${sandbox.runUrl}`]);
    expect(getState().ui.run).toMatchObject({ status: 'running', context: 'window', frameUrl: null });
  });

  it('stops before creating a sandbox when the browser blocks the window, and says what to do', async () => {
    const fetchImpl = environment(() => null);
    await runScenario();
    const created = fetchImpl.mock.calls.filter((call) => (call as unknown as [string, RequestInit?])[1]?.method === 'POST');
    expect(created).toEqual([]);
    expect(getState().ui.run).toMatchObject({ status: 'failed', context: 'window', message: POPUP_BLOCKED_STATUS });
    expect(getState().ui.notice?.text).toBe(POPUP_BLOCKED_MESSAGE);
  });

  it('runs in a frame again once the user picks the frame, opening no window', async () => {
    const openWindow = vi.fn(() => null);
    environment(openWindow);
    chooseRunContext('frame');
    await runScenario();
    expect(openWindow).not.toHaveBeenCalled();
    expect(getState().ui.run).toMatchObject({ status: 'running', context: 'frame', frameUrl: sandbox.runUrl });
  });

  it('closes the window when the run times out, so code still running there stops', async () => {
    const window = trackedWindow();
    const timers: Array<() => void> = [];
    environment(window.open, timers);
    await runScenario();
    expect(window.state.closed).toBe(0);
    for (const fire of timers) fire();
    expect(getState().ui.run.status).toBe('timeout');
    expect(window.state.closed).toBe(1);
  });

  it('closes the window when the user stops the run', async () => {
    const window = trackedWindow();
    environment(window.open);
    await runScenario();
    stopRunByUser();
    expect(getState().ui.run).toMatchObject({ status: 'failed' });
    expect(window.state.closed).toBe(1);
  });

  it('closes the blank window when the sandbox cannot be created', async () => {
    const window = trackedWindow();
    environment(window.open, [], () => new Response(JSON.stringify({ error: 'too-many-sandboxes', message: 'busy' }), { status: 429 }));
    await runScenario();
    expect(getState().ui.run.status).toBe('failed');
    expect(window.state.closed).toBe(1);
  });
});
