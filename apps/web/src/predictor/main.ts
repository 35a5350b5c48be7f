/**
 * The predictor frame: loaded by predictor.html inside <iframe sandbox="allow-scripts">, so it has
 * an opaque origin and user code evaluated here can reach nothing of the playground's. It waits for
 * one predict request from its parent, runs the engine's simulator and posts the records back.
 */
import { simulate, type SimulationResult, type Verdict } from '@cors-playground/engine';
import { formatError, validateScenario } from '@cors-playground/scenario';
import { isPredictRequest, PREDICTION, PREDICTOR_READY, type Prediction, type PredictionMessage, type VerdictView } from '../predict/messages';

type AsyncFunctionConstructor = new (...argumentsAndBody: string[]) => (...values: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/** Runs client code with the simulator's helpers (fetch, origin, url, log, ...) as its only free names of note. */
async function evaluate(code: string, scope: Record<string, unknown>): Promise<void> {
  const run = new AsyncFunction(...Object.keys(scope), code);
  await run(...Object.values(scope));
}

const verdictView = ({ result, step, spec, detail, values }: Verdict): VerdictView =>
  values === undefined ? { result, step, spec, detail } : { result, step, spec, detail, values };

/** A plain, structured-clonable copy of the simulator's result, with the fields the playground reads. */
function toPrediction(result: SimulationResult): Prediction {
  const plain = JSON.parse(JSON.stringify(result)) as SimulationResult;
  return {
    requests: plain.requests,
    log: plain.log,
    end: plain.end,
    error: plain.error,
    traces: plain.traces.map((trace) => trace.verdicts.map(verdictView)),
    notes: plain.notes.map(verdictView),
    exchanges: plain.exchanges.map(({ label, method, url, requestHeaders, response, routeIndex, at, via, answeredBy }, seq) => ({
      seq, at, label, method, url, requestHeaders, response, routeIndex, ...(via === undefined ? {} : { via }), ...(answeredBy === undefined ? {} : { answeredBy }),
    })),
  };
}

// The messages hold nothing secret (the user's own scenario and its prediction), and an opaque
// origin cannot be named as a target, so both directions use '*' and check `source` instead.
function reply(message: PredictionMessage): void {
  window.parent.postMessage(message, '*');
}

let busy = false;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || busy || !isPredictRequest(event.data)) return;
  busy = true;
  const { id, origins, timeoutMs } = event.data;
  const checked = validateScenario(event.data.scenario);
  if (!checked.ok) {
    reply({ type: PREDICTION, id, ok: false, message: checked.errors.map(formatError).join('\n') });
    return;
  }
  simulate({ scenario: checked.scenario, origins, engine: 'chromium', evaluate, timeoutMs })
    .then((result) => reply({ type: PREDICTION, id, ok: true, prediction: toPrediction(result) }))
    .catch((error: unknown) => reply({ type: PREDICTION, id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
});

window.parent.postMessage({ type: PREDICTOR_READY }, '*');
