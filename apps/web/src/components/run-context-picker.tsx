import { RUN_CONTEXTS, type RunContext } from '@cors-playground/scenario';
import { runContextOf } from '../scenario/run-context';
import { chooseRunContext } from '../store/actions';
import { usePlaygroundStore } from '../store/store';

const LABEL: Record<RunContext, string> = { frame: 'a frame', window: 'a new window' };
const TITLE: Record<RunContext, string> = {
  frame: 'Run in a hidden frame inside the playground: fast; the page is not the top-level site, so SameSite cookies treat it as embedded',
  window: 'Run as a top-level page in a new window: what SameSite cookies look at; the results still arrive here',
};

/** Where the next run's client code runs: the scenario's `context`, chosen beside the Run button. */
export function RunContextPicker() {
  const context = usePlaygroundStore((state) => runContextOf(state.scenario.input));
  const editable = usePlaygroundStore((state) => state.scenario.input !== null);
  return (
    <div className="run-context-picker">
      <span className="run-context-label" id="run-context-label">
        Run in
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="run-context-label" data-testid="run-context-picker" data-context={context}>
        {RUN_CONTEXTS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={context === option}
            disabled={!editable}
            title={TITLE[option]}
            data-context={option}
            onClick={() => context !== option && chooseRunContext(option)}
          >
            {LABEL[option]}
          </button>
        ))}
      </div>
    </div>
  );
}
