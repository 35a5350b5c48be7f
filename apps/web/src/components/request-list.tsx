import type { VerdictView } from '../predict/messages';
import { RUN_CONTEXT_TEXT, runContextOf } from '../scenario/run-context';
import type { PredictionState, RunState } from '../store/store';
import { usePlaygroundStore } from '../store/store';
import type { ComparisonModel } from '../view/comparison';
import { RequestRow } from './request-row';
import { VerdictLine } from './verdict-list';

const NO_NOTES: VerdictView[] = [];

function actualPlaceholder(run: RunState): string {
  switch (run.status) {
    case 'idle':
      return 'Run to see what the browser does';
    case 'creating':
    case 'running':
      return 'Running…';
    case 'finished':
      return 'Not made in the real run';
    case 'timeout':
      return 'No report: the run timed out';
    default:
      return 'No result';
  }
}

function predictedPlaceholder(prediction: PredictionState): string {
  if (prediction.status === 'timeout') return 'Prediction timed out';
  if (prediction.status === 'failed') return 'No prediction: it failed';
  if (prediction.status === 'pending' || prediction.status === 'idle') return 'Predicting…';
  return 'Not in the prediction';
}

function PredictionStatus() {
  const prediction = usePlaygroundStore((state) => state.ui.prediction);
  const failed = prediction.status === 'timeout' || prediction.status === 'failed';
  let text = prediction.basis === 'preview' ? 'preview' : 'this run’s sandbox';
  if (prediction.status === 'pending') text = 'updating…';
  if (failed) text = prediction.message ?? 'prediction failed';
  const title = prediction.basis === 'preview' ? 'Predicted with a placeholder sandbox; Run predicts again with the real one' : 'Predicted with the origins of the run’s sandbox';
  return (
    <span className={failed ? 'column-tag prediction-failed' : 'column-tag'} data-testid="prediction-status" data-status={prediction.status} data-basis={prediction.basis} title={prediction.message ?? title}>
      {text}
    </span>
  );
}

/** The context of the last run, or before any run the context the next one will use. */
function RunContextTag({ browser }: { browser: string }) {
  const ran = usePlaygroundStore((state) => (state.ui.run.status === 'idle' ? null : state.ui.run.context));
  const chosen = usePlaygroundStore((state) => runContextOf(state.scenario.input));
  const context = ran ?? chosen;
  return (
    <span className="column-note" data-testid="run-context" data-context={context} title={ran ? 'Where the client code ran' : 'Where the client code will run'}>
      {browser} · {RUN_CONTEXT_TEXT[context]}
    </span>
  );
}

export function RequestList({ comparison, browser }: { comparison: ComparisonModel; browser: string }) {
  const run = usePlaygroundStore((state) => state.ui.run);
  const prediction = usePlaygroundStore((state) => state.ui.prediction);
  const predictionDone = prediction.status === 'done';
  const modelNotes = prediction.prediction?.notes ?? NO_NOTES;
  return (
    <section className="request-list" data-testid="request-list">
      <div className="columns-head">
        <div>
          <h2>Predicted</h2>
          <span className="column-note">
            Chromium model
            <PredictionStatus />
          </span>
        </div>
        <div>
          <h2>Actual</h2>
          <RunContextTag browser={browser} />
        </div>
      </div>
      {comparison.rows.map((row) => (
        <RequestRow
          key={row.index}
          row={row}
          comparable={comparison.comparable}
          predictedPlaceholder={predictedPlaceholder(prediction)}
          actualPlaceholder={actualPlaceholder(run)}
          actualStale={comparison.actualStale}
        />
      ))}
      {comparison.rows.length === 0 && predictionDone && <p className="empty-state">The client code makes no requests.</p>}
      {comparison.rows.length === 0 && prediction.status === 'timeout' && (
        <p className="empty-state">The prediction timed out: does the client code wait forever, or loop?</p>
      )}
      {comparison.rows.length === 0 && prediction.status === 'failed' && <p className="empty-state">The prediction failed: {prediction.message}</p>}
      {modelNotes.length > 0 && (
        <ul className="model-notes" data-testid="model-notes" aria-label="What the model does not simulate">
          {modelNotes.map((note, index) => (
            <VerdictLine key={index} verdict={note} />
          ))}
        </ul>
      )}
    </section>
  );
}
