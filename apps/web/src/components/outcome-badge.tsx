import type { Outcome } from '@cors-playground/scenario';

const DESCRIPTIONS: Record<Outcome, string> = {
  ok: 'JavaScript could read the response',
  blocked: 'CORS refused: JavaScript got a network error',
  opaque: 'An opaque response: JavaScript can see neither status nor body',
  error: 'A failure that is not CORS (nothing reached a server)',
};

export function OutcomeBadge({ outcome, testId }: { outcome: Outcome; testId?: string }) {
  return (
    <span className={`outcome outcome-${outcome}`} title={DESCRIPTIONS[outcome]} data-testid={testId} data-outcome={outcome}>
      {outcome}
    </span>
  );
}
