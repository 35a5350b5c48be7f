import { usePlaygroundStore } from '../store/store';
import { predict } from './prediction-controller';

/** A preview prediction follows edits by this long. */
export const PREVIEW_DELAY_MS = 400;

export interface SchedulerClock {
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/**
 * Keeps a prediction on screen as the scenario changes: right away at start, then after each
 * pause in editing. A run's own prediction (with the sandbox's origins) for the same version of
 * the scenario is never replaced by a preview.
 */
export function startPreviewPredictions(clock: SchedulerClock): () => void {
  let timer: number | null = null;
  const fire = () => {
    timer = null;
    const { scenario, ui } = usePlaygroundStore.getState();
    if (ui.prediction.basis === 'sandbox' && ui.prediction.revision === scenario.revision) return;
    void predict('preview');
  };
  fire();
  const unsubscribe = usePlaygroundStore.subscribe((state, previous) => {
    if (state.scenario.revision === previous.scenario.revision || !state.scenario.validation.ok) return;
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(fire, PREVIEW_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clock.clearTimeout(timer);
  };
}
