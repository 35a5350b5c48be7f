import type { RunContext, ScenarioInput } from '@cors-playground/scenario';
import { flushPendingEdits } from '../editor/pending-edits';
import { parseTexts } from '../scenario/editor-texts';
import { withRunContext } from '../scenario/run-context';
import { findStarter } from '../scenario/starters';
import { getState, scenarioSliceFor, setScenario, setUi, type Notice } from './store';

/** Module-level actions on the scenario slice and the notice; components call these, never setState. */

export function editServersText(serversText: string): void {
  setScenario((slice) => {
    if (slice.serversText === serversText) return slice;
    return { ...slice, serversText, ...parseTexts({ serversText, clientText: slice.clientText }), revision: slice.revision + 1 };
  });
}

export function editClientText(clientText: string): void {
  setScenario((slice) => {
    if (slice.clientText === clientText) return slice;
    return { ...slice, clientText, ...parseTexts({ serversText: slice.serversText, clientText }), revision: slice.revision + 1 };
  });
}

/** Sets the scenario's run context by editing the servers text, so the change shows and can be undone. */
export function chooseRunContext(context: RunContext): void {
  flushPendingEdits();
  editServersText(withRunContext(getState().scenario.serversText, context));
}

export function loadScenario(input: ScenarioInput): void {
  setScenario((slice) => scenarioSliceFor(input, slice.revision + 1));
}

export function pickStarter(id: string): void {
  const starter = findStarter(id);
  if (!starter) return;
  loadScenario(starter.scenario);
  dismissNotice();
}

export function showNotice(notice: Notice): void {
  setUi(() => ({ notice }));
}

export function dismissNotice(): void {
  if (getState().ui.notice) setUi(() => ({ notice: null }));
}
