import { runScenario, stopRunByUser } from '../run/run-controller';
import { usePlaygroundStore } from '../store/store';

/** How the run shortcut is written on this platform (navigator.platform is passed in). */
export function runShortcutLabel(platform: string): string {
  return /Mac|iPhone|iPad/.test(platform) ? '⌘↵' : 'Ctrl+Enter';
}

export function RunButton({ shortcut }: { shortcut: string }) {
  const valid = usePlaygroundStore((state) => state.scenario.validation.ok);
  const status = usePlaygroundStore((state) => state.ui.run.status);
  const busy = status === 'creating' || status === 'running';
  return (
    <button
      type="button"
      className="run-button"
      data-testid="run-button"
      disabled={!valid || status === 'creating'}
      title={valid ? `Run in this browser (${shortcut})` : 'Fix the scenario’s errors to run it'}
      onClick={() => void runScenario()}
    >
      <span aria-hidden="true" className="run-icon">▶</span>
      {busy ? 'Running…' : 'Run'}
      <kbd>{shortcut}</kbd>
    </button>
  );
}

/** Shown while a run goes on: ends it now, rather than at its time limit, and closes its window or frame. */
export function StopButton() {
  const status = usePlaygroundStore((state) => state.ui.run.status);
  if (status !== 'creating' && status !== 'running') return null;
  return (
    <button type="button" className="ghost-button" data-testid="stop-button" title="Stop the run now" onClick={stopRunByUser}>
      Stop
    </button>
  );
}
