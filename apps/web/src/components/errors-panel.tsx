import type { ValidationError } from '@cors-playground/scenario';
import { usePlaygroundStore } from '../store/store';

const MAX_SHOWN = 12;
const NO_ERRORS: ValidationError[] = [];

function ErrorList({ errors, title, testId }: { errors: ValidationError[]; title: string; testId: string }) {
  return (
    <section className="errors-panel" data-testid={testId} role="alert">
      <h3>{title}</h3>
      <ul>
        {errors.slice(0, MAX_SHOWN).map((error, index) => (
          <li key={`${error.path}-${index}`}>
            <code className="error-path">{error.path}</code>
            <span className="error-message">{error.message}</span>
          </li>
        ))}
        {errors.length > MAX_SHOWN && <li className="muted">and {errors.length - MAX_SHOWN} more</li>}
      </ul>
    </section>
  );
}

/** The scenario's validation errors (Run is disabled while there are any), or the server's. */
export function ErrorsPanel() {
  const validation = usePlaygroundStore((state) => state.scenario.validation);
  // The server's errors are about the scenario as it was run; an edit since makes them moot.
  const serverErrors = usePlaygroundStore((state) => (state.ui.run.revision === state.scenario.revision ? state.ui.run.errors : NO_ERRORS));
  if (!validation.ok) {
    const count = validation.errors.length;
    return <ErrorList errors={validation.errors} title={`${count} ${count === 1 ? 'problem' : 'problems'} to fix before running`} testId="errors-panel" />;
  }
  if (serverErrors.length > 0) return <ErrorList errors={serverErrors} title="The server refused the scenario" testId="errors-panel" />;
  return null;
}
