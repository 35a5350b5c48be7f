import type { VerdictView } from '../predict/messages';

const MARKS: Record<VerdictView['result'], string> = { pass: '✓', fail: '✗', info: 'i', unsupported: '?' };

/** Only https links are rendered: verdicts come from the predictor frame, which runs user code. */
export function safeLink(href: string): string | undefined {
  try {
    return new URL(href).protocol === 'https:' ? href : undefined;
  } catch {
    return undefined;
  }
}

/** A verdict's sentence, then the spec step that decided it as a link into the Fetch standard. */
export function SpecStep({ verdict }: { verdict: VerdictView }) {
  return (
    <>
      {verdict.detail}{' '}
      <a className="spec-link" href={safeLink(verdict.spec)} target="_blank" rel="noreferrer">
        {verdict.step}
      </a>
    </>
  );
}

export function VerdictLine({ verdict }: { verdict: VerdictView }) {
  return (
    <li className={`verdict verdict-${verdict.result}`}>
      <span className="verdict-mark" aria-label={verdict.result}>
        {MARKS[verdict.result]}
      </span>
      <span className="verdict-detail">
        <SpecStep verdict={verdict} />
        {verdict.values && Object.keys(verdict.values).length > 0 && (
          <span className="verdict-values">
            {Object.entries(verdict.values).map(([name, value]) => (
              <code key={name} className="chip" data-testid="verdict-value">
                {name}: {value === null ? '(absent)' : value}
              </code>
            ))}
          </span>
        )}
      </span>
    </li>
  );
}

/** Why the model decided as it did: every step, with a link to the Fetch standard. */
export function VerdictList({ verdicts }: { verdicts: VerdictView[] }) {
  if (verdicts.length === 0) return null;
  return (
    <details className="why" data-testid="prediction-why">
      <summary>why: {verdicts.length} {verdicts.length === 1 ? 'step' : 'steps'} of the Fetch standard</summary>
      <ol className="verdicts">
        {verdicts.map((verdict, index) => (
          <VerdictLine key={index} verdict={verdict} />
        ))}
      </ol>
    </details>
  );
}
