import { usePlaygroundStore } from '../store/store';
import { useComparison } from '../view/use-comparison';
import { LogPanel } from './log-panel';
import { RequestList } from './request-list';
import { RunSummary } from './run-summary';
import { ScenarioNotes } from './scenario-notes';
import { Timeline } from './timeline';

export function ResultsPane({ browser }: { browser: string }) {
  const comparison = useComparison();
  const valid = usePlaygroundStore((state) => state.scenario.validation.ok);
  return (
    <div className={valid ? 'results-pane' : 'results-pane results-outdated'} data-testid="results">
      <ScenarioNotes />
      {!valid && <p className="outdated-note">The scenario has errors: what follows is for its last valid version.</p>}
      <RunSummary comparison={comparison} />
      <RequestList comparison={comparison} browser={browser} />
      <LogPanel comparison={comparison} />
      <Timeline />
    </div>
  );
}
