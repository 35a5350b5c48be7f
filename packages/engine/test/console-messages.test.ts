import { describe, expect, it } from 'vitest';
import {
  chromiumCorsMessage, chromiumSameOriginModeMessage, CONSOLE_LINE_SOURCES, chromiumUnsafeRedirectMessage, consoleLinesFor, FIREFOX_CONSOLE_SOURCE,
  FIREFOX_STRINGS, firefoxCorsMessage, WEBKIT_CONSOLE_SOURCE, webkitCorsMessage,
} from '../src/index';
import { CHROMIUM_CONSOLE_ROWS, SAME_ORIGIN_MODE_LINE, UNSAFE_REDIRECT_LINE } from './data/chromium-console-lines';
import { OTHER_ENGINE_ROWS } from './data/other-engine-console-lines';
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

  it('fills only the simulated engine', () => {
    expect(consoleLinesFor('chromium', 'x')).toEqual({ chromium: 'x', firefox: null, webkit: null });
    expect(consoleLinesFor('firefox', 'x')).toEqual({ chromium: null, firefox: 'x', webkit: null });
    expect(consoleLinesFor('webkit', null)).toEqual({ chromium: null, firefox: null, webkit: null });
  });
});

describe('Firefox and WebKit console lines, from their sources', () => {
  const contextOf = (row: (typeof OTHER_ENGINE_ROWS)[number]) => ({
    api: row.api, initialUrl: line(row.lastUrl), lastUrl: line(row.lastUrl), origin: line('{origin}'),
    serializedOrigin: row.serializedOrigin === undefined ? undefined : line(row.serializedOrigin), headers: row.headers,
  });
  const filled = (row: (typeof OTHER_ENGINE_ROWS)[number]) => ({
    ...row.failure, hint: line(row.failure.hint), ...(row.failure.redirectTo ? { redirectTo: line(row.failure.redirectTo) } : {}),
  });

  it.each(OTHER_ENGINE_ROWS)('Firefox prints its security.properties line for $name', (row) => {
    expect(firefoxCorsMessage(filled(row), contextOf(row))).toBe(row.firefox === null ? null : line(row.firefox));
  });

  it.each(OTHER_ENGINE_ROWS)('WebKit prints its reason, then the API line, for $name', (row) => {
    expect(webkitCorsMessage(filled(row), contextOf(row))).toBe(line(row.webkit));
  });

  it('says where each engine\'s lines come from and that they are not verified in a browser', () => {
    expect(FIREFOX_CONSOLE_SOURCE).toMatchObject({ verified: false, source: expect.stringContaining('security.properties') });
    expect(WEBKIT_CONSOLE_SOURCE).toMatchObject({ verified: false, source: expect.stringContaining('CrossOriginAccessControl.cpp') });
    expect(FIREFOX_STRINGS.CORSMissingAllowOrigin2).toContain('Status code: %2$S.');
    expect(Object.fromEntries(Object.entries(CONSOLE_LINE_SOURCES).map(([engine, source]) => [engine, source.verified]))).toEqual({ chromium: true, firefox: false, webkit: false });
  });
});
