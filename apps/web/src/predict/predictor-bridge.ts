import type { LiveOrigin, ScenarioInput } from '@cors-playground/scenario';
import { isPredictionMessage, isPredictorReady, PREDICT, type Prediction, type PredictRequest } from './messages';

export type PredictionOutcome =
  | { kind: 'done'; prediction: Prediction }
  | { kind: 'failed'; message: string }
  | { kind: 'timeout' }
  | { kind: 'superseded' };

export interface PredictInput {
  scenario: ScenarioInput;
  origins: Record<string, LiveOrigin>;
  /** How long the simulator lets the client code run. */
  timeoutMs: number;
}

export interface PredictorBridge {
  /** Predicts in a fresh frame; a newer call supersedes an older one still in flight. */
  predict(input: PredictInput): Promise<PredictionOutcome>;
  dispose(): void;
}

export interface PredictorBridgeOptions {
  document: Document;
  /** The predictor page, e.g. /predictor.html. */
  src: string;
  /** Time for loading the frame and answering, on top of the simulator's own timeout. */
  marginMs?: number;
  newId?: () => string;
}

interface InFlight {
  frame: HTMLIFrameElement;
  settle: (outcome: PredictionOutcome) => void;
}

/**
 * The playground's side of the predictor: every prediction gets a fresh
 * `<iframe sandbox="allow-scripts">` (an opaque origin, and no state left over from the last
 * user code), one request, one answer, then the frame is removed. No answer in time: the frame is
 * dropped and the outcome is a timeout.
 */
export function createPredictorBridge(options: PredictorBridgeOptions): PredictorBridge {
  const { document } = options;
  const window = document.defaultView!;
  const marginMs = options.marginMs ?? 4_000;
  let counter = 0;
  const newId = options.newId ?? (() => `p${Date.now().toString(36)}-${++counter}`);
  let current: InFlight | null = null;

  function predict(input: PredictInput): Promise<PredictionOutcome> {
    current?.settle({ kind: 'superseded' });
    const id = newId();
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('tabindex', '-1');
    frame.title = 'predictor';
    frame.dataset.testid = 'predictor-frame';
    frame.className = 'hidden-frame';
    frame.src = options.src;

    return new Promise<PredictionOutcome>((resolve) => {
      const request: PredictRequest = { type: PREDICT, id, scenario: input.scenario, origins: input.origins, timeoutMs: input.timeoutMs };
      const onMessage = (event: MessageEvent<unknown>) => {
        if (event.source !== frame.contentWindow || event.origin !== 'null') return;
        if (isPredictorReady(event.data)) frame.contentWindow?.postMessage(request, '*');
        else if (isPredictionMessage(event.data) && event.data.id === id) {
          settle(event.data.ok ? { kind: 'done', prediction: event.data.prediction } : { kind: 'failed', message: event.data.message });
        }
      };
      const timer = window.setTimeout(() => settle({ kind: 'timeout' }), input.timeoutMs + marginMs);
      const settle = (outcome: PredictionOutcome) => {
        window.clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        frame.remove();
        if (current?.frame === frame) current = null;
        resolve(outcome);
      };
      current = { frame, settle };
      window.addEventListener('message', onMessage);
      document.body.append(frame);
    });
  }

  return {
    predict,
    dispose: () => current?.settle({ kind: 'superseded' }),
  };
}
