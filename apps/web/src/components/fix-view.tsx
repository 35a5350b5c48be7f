import type { Fix } from '@cors-playground/scenario';

/**
 * The smallest change that makes a blocked request succeed, as the engine proposes it: the
 * headers to send, where. An unsafe-only fix is said plainly. The record comes from the
 * predictor frame, so every value is rendered as text.
 */
export function FixView({ fix }: { fix: Fix }) {
  return (
    <div className={fix.unsafe ? 'fix fix-unsafe' : 'fix'} data-testid="fix">
      <div className="fix-summary">
        <span className="fix-label">fix</span> {String(fix.summary)}
      </div>
      {Array.isArray(fix.headers) && fix.headers.length > 0 && (
        <ul className="fix-headers">
          {fix.headers.map((header, index) => (
            <li key={index}>
              <span className="muted">
                {String(header.origin)} · {String(header.method)} {String(header.path)}
              </span>{' '}
              <code>
                {String(header.name)}: {String(header.value)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {fix.unsafe && <div className="fix-warning">{String(fix.unsafe)}</div>}
    </div>
  );
}
