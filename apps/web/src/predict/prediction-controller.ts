import type { LiveOrigin } from '@cors-playground/scenario';
import { previewOrigins } from '../scenario/preview-origins';
import { getState, setPrediction, type PredictionState } from '../store/store';
import type { PredictorBridge } from './predictor-bridge';

/** How long the simulator lets client code run before it reports a timeout. */
export const PREDICTION_TIMEOUT_MS = 5_000;

let bridge: PredictorBridge | null = null;

/** Wired once at start-up (main.tsx) with a bridge bound to the document. */
export function connectPredictor(next: PredictorBridge): void {
  bridge?.dispose();
  bridge = next;
}

/**
 * Predicts the current scenario: with the origins of a real sandbox when a run gives them, or else
 * with placeholder origins (a preview, shown before the first run and after edits).
 */
export async function predict(basis: PredictionState['basis'], origins?: Record<string, LiveOrigin>): Promise<void> {
  const { scenario, ui } = getState();
  if (!bridge || !scenario.validation.ok || !scenario.input) return;
  const revision = scenario.revision;
  let live: Record<string, LiveOrigin>;
  try {
    live = origins ?? previewOrigins(scenario.validation.scenario, ui.addressing);
  } catch (error) {
    setPrediction(() => ({ status: 'failed', basis, revision, prediction: null, message: (error as Error).message }));
    return;
  }
  setPrediction(() => ({ status: 'pending', basis, revision, message: null }));
  const outcome = await bridge.predict({ scenario: scenario.input, origins: live, timeoutMs: PREDICTION_TIMEOUT_MS });
  switch (outcome.kind) {
    case 'superseded':
      return;
    case 'done':
      setPrediction(() => ({ status: 'done', basis, revision, prediction: outcome.prediction, message: null }));
      return;
    case 'failed':
      setPrediction(() => ({ status: 'failed', basis, revision, prediction: null, message: outcome.message }));
      return;
    case 'timeout':
      // The frame never answered: the client code loops or allocates without end. The bridge has
      // removed the frame, which ends its process, so nothing keeps running.
      setPrediction(() => ({
        status: 'timeout', basis, revision, prediction: null,
        message: `prediction stopped: the client code did not finish within ${PREDICTION_TIMEOUT_MS / 1000} s (a loop that never ends?)`,
      }));
  }
}
