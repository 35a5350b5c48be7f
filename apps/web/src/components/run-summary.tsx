import { RUN_CONTEXT_TEXT } from '../scenario/run-context';
import type { RunState } from '../store/store';
import { usePlaygroundStore } from '../store/store';
import type { ComparisonModel } from '../view/comparison';

function agreementText(comparison: ComparisonModel): string {
  if (!comparison.comparable) return '';
  const disagreeing = comparison.rows.filter((row) => row.differing.size > 0).length;
  const log = comparison.logDiffers ? ', and the logs differ' : '';
  if (disagreeing === 0 && !comparison.logDiffers) return ' · prediction and browser agree';
  return ` · ${disagreeing} of ${comparison.rows.length} requests disagree${log}`;
}

function describe(run: RunState, comparison: ComparisonModel): string {
  const where = RUN_CONTEXT_TEXT[run.context];
  switch (run.status) {
    case 'idle':
      return 'Not run yet. The prediction updates as you edit; Run checks it in this browser.';
    case 'creating':
      return 'Creating a fresh sandbox…';
    case 'running':
      return run.context === 'window' ? `Running ${where}; the results arrive here…` : `Running ${where}…`;
    case 'finished':
      return `Ran ${where} · ${run.exchanges.length} ${run.exchanges.length === 1 ? 'request' : 'requests'} reached the servers${agreementText(comparison)}${run.message ? ` · ${run.message}` : ''}`;
    case 'timeout':
      return `The run timed out (${where}). ${run.message ?? run.report?.error ?? ''}`;
    case 'expired':
    case 'failed':
      return run.message ?? 'The run failed.';
  }
}

export function RunSummary({ comparison }: { comparison: ComparisonModel }) {
  const run = usePlaygroundStore((state) => state.ui.run);
  const page = run.sandbox && run.scenario ? run.sandbox.origins[run.scenario.page] : undefined;
  const tone = run.status === 'failed' || run.status === 'timeout' || run.status === 'expired' ? 'bad' : comparison.comparable && comparison.differences.length > 0 ? 'differs' : 'plain';
  return (
    <p className={`run-summary run-summary-${tone}`} data-testid="run-status" data-status={run.status} aria-live="polite">
      {describe(run, comparison)}
      {comparison.actualStale && run.actual && <span className="stale-note"> · Actual is from the previous version of the scenario: run again.</span>}
      {page && run.status !== 'failed' && <span className="page-origin">page origin {page}</span>}
    </p>
  );
}
