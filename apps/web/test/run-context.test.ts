import { describe, expect, it } from 'vitest';
import { runContextOf, withRunContext } from '../src/scenario/run-context';

const TEXT = `{
  "version": 1,
  "origins": { "app": {}, "api": {} },
  "page": "app",
  "servers": {}
}
`;

describe('choosing the run context', () => {
  it('writes "context" right after "page", leaving the rest of the text as the user wrote it', () => {
    expect(withRunContext(TEXT, 'window')).toBe(TEXT.replace('"page": "app",', '"page": "app",\n  "context": "window",'));
  });

  it('removes the field for a frame, the default, so the text goes back to what it was', () => {
    expect(withRunContext(withRunContext(TEXT, 'window'), 'frame')).toBe(TEXT);
  });

  it('reads "window" only when the scenario names it', () => {
    expect(runContextOf({ context: 'window' })).toBe('window');
    expect(runContextOf({ context: 'frame' })).toBe('frame');
    expect(runContextOf({})).toBe('frame');
    expect(runContextOf(null)).toBe('frame');
  });
});
