import { originStrings, type Scenario, type SandboxAddressing } from '@cors-playground/scenario';
import { useMemo } from 'react';
import { usePlaygroundStore, type RunState } from '../store/store';
import { previewOrigins } from '../scenario/preview-origins';

export interface CodeOrigins {
  origins: Record<string, string>;
  /** Whose host names these are: the run of this very scenario, or the preview's placeholder sandbox. */
  source: 'run' | 'preview';
}

/**
 * The live origins that `${origin:LABEL}` becomes in the server code: the last run's sandbox when
 * it ran this very version of the scenario, else the preview's (the hosts a run will have, with a
 * placeholder sandbox id).
 */
export function codeOrigins(scenario: Scenario, revision: number, run: Pick<RunState, 'revision' | 'sandbox'>, addressing: SandboxAddressing): CodeOrigins {
  if (run.sandbox && run.revision === revision) return { origins: run.sandbox.origins, source: 'run' };
  return { origins: originStrings(previewOrigins(scenario, addressing)), source: 'preview' };
}

/** The origins for the current scenario's code, or null while it does not validate. */
export function useCodeOrigins(): CodeOrigins | null {
  const validation = usePlaygroundStore((state) => state.scenario.validation);
  const revision = usePlaygroundStore((state) => state.scenario.revision);
  const run = usePlaygroundStore((state) => state.ui.run);
  const addressing = usePlaygroundStore((state) => state.ui.addressing);
  return useMemo(() => (validation.ok ? codeOrigins(validation.scenario, revision, run, addressing) : null), [validation, revision, run, addressing]);
}
