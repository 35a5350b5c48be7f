import { usePlaygroundStore } from '../store/store';
import { InlineMarkdown } from './inline-markdown';

export function ScenarioNotes() {
  const title = usePlaygroundStore((state) => (state.scenario.validation.ok ? state.scenario.validation.scenario.title : state.scenario.input?.title ?? ''));
  const notes = usePlaygroundStore((state) => (state.scenario.validation.ok ? state.scenario.validation.scenario.notes : state.scenario.input?.notes ?? ''));
  if (!title && !notes) return null;
  return (
    <details className="scenario-notes" open data-testid="scenario-notes">
      <summary>
        <h1>{title || 'Untitled scenario'}</h1>
      </summary>
      {notes && (
        <div className="notes-body">
          <InlineMarkdown text={notes} />
        </div>
      )}
    </details>
  );
}
