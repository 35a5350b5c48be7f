import { usePlaygroundStore } from '../store/store';
import type { ComparisonModel } from '../view/comparison';

function LogColumn({ lines, other, compare, ending, testId, empty }: { lines: string[] | null; other: string[] | null; compare: boolean; ending: string | null; testId: string; empty: string }) {
  return (
    <div className="log-column" data-testid={testId}>
      {lines === null || (lines.length === 0 && !ending) ? (
        <span className="muted">{lines === null ? empty : 'no lines'}</span>
      ) : (
        <ol className="log-lines">
          {lines.map((line, index) => (
            <li key={index} className={compare && other?.[index] !== line ? 'differs' : undefined}>
              {line}
            </li>
          ))}
        </ol>
      )}
      {ending && <p className="log-ending">{ending}</p>}
    </div>
  );
}

function endingOf(end: string | undefined, error: string | null | undefined): string | null {
  if (end === 'threw') return `The client code threw: ${error ?? 'an error'}`;
  if (end === 'timeout') return `The client code did not finish in time${error ? `: ${error}` : ''}`;
  return error ? error : null;
}

/** The lines the client code wrote with log(), predicted beside actual. */
export function LogPanel({ comparison }: { comparison: ComparisonModel }) {
  const prediction = usePlaygroundStore((state) => state.ui.prediction.prediction);
  const predictionMessage = usePlaygroundStore((state) => state.ui.prediction.message);
  const run = usePlaygroundStore((state) => state.ui.run);
  const actualLines = run.actual?.log ?? run.report?.log ?? null;
  const compare = comparison.comparable && comparison.logDiffers;
  return (
    <section className="log-panel" data-testid="log-panel">
      <h2 className="section-title">Log{compare && <span className="agreement disagree">logs differ</span>}</h2>
      <div className="log-columns">
        <LogColumn lines={prediction?.log ?? null} other={actualLines} compare={compare} ending={endingOf(prediction?.end, prediction?.error)} testId="predicted-log" empty={predictionMessage ?? 'No prediction yet'} />
        <LogColumn lines={actualLines} other={prediction?.log ?? null} compare={compare} ending={endingOf(run.report?.end, run.report?.error)} testId="actual-log" empty={run.status === 'idle' ? 'Not run yet' : '…'} />
      </div>
    </section>
  );
}
