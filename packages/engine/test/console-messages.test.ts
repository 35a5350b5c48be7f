import { describe, expect, it } from 'vitest';
import { chromiumCorsMessage, chromiumSameOriginModeMessage, chromiumUnsafeRedirectMessage, consoleLinesFor } from '../src/index';
import { CHROMIUM_CONSOLE_ROWS, SAME_ORIGIN_MODE_LINE, UNSAFE_REDIRECT_LINE } from './data/chromium-console-lines';
import { line } from './support';

describe('Chromium console lines', () => {
  it.each(CHROMIUM_CONSOLE_ROWS)('the model prints what Chromium printed for $name', ({ failure, api, initialUrl, lastUrl, line: expected }) => {
    const context = { api, initialUrl: line(initialUrl), lastUrl: line(lastUrl), origin: line('{origin}') };
    expect(chromiumCorsMessage({ ...failure, hint: line(failure.hint) }, context)).toBe(line(expected));
  });

  it('prints the same-origin mode lines Chromium printed', () => {
    expect(chromiumSameOriginModeMessage(line('{api}/d'), line('{origin}'))).toBe(line(SAME_ORIGIN_MODE_LINE));
    expect(chromiumUnsafeRedirectMessage(line('{api}/d'), line('{origin}/'))).toBe(line(UNSAFE_REDIRECT_LINE));
  });

  it('fills only the simulated engine, and leaves Firefox and WebKit null for now', () => {
    expect(consoleLinesFor('chromium', 'x')).toEqual({ chromium: 'x', firefox: null, webkit: null });
    expect(consoleLinesFor('firefox', 'x')).toEqual({ chromium: null, firefox: null, webkit: null });
  });
});
