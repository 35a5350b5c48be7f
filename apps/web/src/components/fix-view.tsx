import { corsLibraryCode, FRAMEWORK_OF_LIBRARY, originConstantLines, type Fix } from '@cors-playground/scenario';
import { useCodeOrigins } from '../view/server-code-origins';

/** The fix as the options of the CORS library the origin runs, written as the call that takes them. */
function LibraryFix({ library }: { library: NonNullable<Fix['library']> }) {
  const where = useCodeOrigins();
  const framework = FRAMEWORK_OF_LIBRARY[library.plugin];
  const options = library.options;
  if (!framework || typeof options !== 'object' || options === null) return null;
  const used = new Set<string>();
  const call = corsLibraryCode(framework, options, used);
  const constants = originConstantLines(used, where?.origins ?? {}, (label) => `\${origin:${label}}`);
  return (
    <div className="fix-library" data-testid="fix-library">
      <span className="muted">as {String(library.plugin)} options</span>
      <pre className="fix-code">{[...constants, call].join('\n')}</pre>
    </div>
  );
}

/**
 * The smallest change that makes a blocked request succeed, as the engine proposes it: the
 * headers to send, where, and the CORS library's options when the origin runs one. An unsafe-only
 * fix is said plainly. The record comes from the predictor frame, so every value is rendered as text.
 */
export function FixView({ fix }: { fix: Fix }) {
  return (
    <div className={fix.unsafe ? 'fix fix-unsafe' : 'fix'} data-testid="fix">
      <div className="fix-summary">
        <span className="fix-label">fix</span> {String(fix.summary)}
      </div>
      {fix.library && <LibraryFix library={fix.library} />}
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
