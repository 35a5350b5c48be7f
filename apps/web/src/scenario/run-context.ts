import { applyEdits, modify } from 'jsonc-parser';
import type { RunContext, ScenarioInput } from '@cors-playground/scenario';

/**
 * Where a run's client code runs (the scenario's `context`): in a frame inside the playground, or
 * as a top-level page in a new window, which is what SameSite cookies look at. It is part of the
 * scenario, so the prediction models the same context and a shared link keeps it.
 */
export const RUN_CONTEXT_TEXT: Record<RunContext, string> = {
  frame: 'in a frame inside the playground',
  window: 'as a top-level page in a new window',
};

/** The context a scenario asks for; "frame" when it names none (the default, left out of the JSON). */
export function runContextOf(input: Pick<ScenarioInput, 'context'> | null): RunContext {
  return input?.context === 'window' ? 'window' : 'frame';
}

/**
 * The servers text with `context` set (or removed, for the default), edited in place so the rest
 * of the text keeps its formatting. A new key goes after `page`, where a reader looks for it.
 */
export function withRunContext(serversText: string, context: RunContext): string {
  const edits = modify(serversText, ['context'], context === 'frame' ? undefined : context, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
    getInsertionIndex: (properties) => {
      const page = properties.indexOf('page');
      return page === -1 ? properties.length : page + 1;
    },
  });
  return applyEdits(serversText, edits);
}
