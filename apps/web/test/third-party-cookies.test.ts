import { assertScenario, type RequestRecord } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import { blockedThirdPartyCookiesNote } from '../src/view/third-party-cookies';

const record = (cookies: string[] | null, overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  api: 'fetch', method: 'GET', url: 'http://bank-x.site-bank.localhost:8080/account', from: 'evil', to: 'bank',
  preflight: { sent: false, reasons: [] }, outcome: 'ok', status: 200, visibleHeaders: [], blockedBy: null,
  console: { chromium: null, firefox: null, webkit: null }, cookies, ...overrides,
});

const scenario = (extra: Record<string, unknown> = {}) =>
  assertScenario({ version: 1, origins: { evil: { site: 'evil' }, bank: { site: 'bank' }, app: { site: 'bank' } }, page: 'evil', ...extra });

describe('the note on cookies the browser did not send', () => {
  it('names the blocked third-party cookies and the setting that predicts them', () => {
    const note = blockedThirdPartyCookiesNote(scenario(), record(['session']), record([]));
    expect(note).toContain('where the model sent session');
    expect(note).toContain('blocks third-party cookies');
    expect(note).toContain('"thirdPartyCookies": "blocked"');
  });

  it('says nothing when the scenario already predicts blocked third-party cookies', () => {
    expect(blockedThirdPartyCookiesNote(scenario({ browser: { thirdPartyCookies: 'blocked' } }), record(['session']), record([]))).toBeNull();
  });

  it('says nothing when the browser sent cookies, or the request never reached a server', () => {
    expect(blockedThirdPartyCookiesNote(scenario(), record(['session']), record(['other']))).toBeNull();
    expect(blockedThirdPartyCookiesNote(scenario(), record(['session']), record(null))).toBeNull();
  });

  it('in a window, says nothing for a request to the page’s own site, which is first-party there', () => {
    const windowRun = scenario({ context: 'window', page: 'app' });
    expect(blockedThirdPartyCookiesNote(windowRun, record(['session'], { from: 'app' }), record([], { from: 'app' }))).toBeNull();
    expect(blockedThirdPartyCookiesNote(scenario({ context: 'window' }), record(['session']), record([]))).not.toBeNull();
  });

  it('in a window, counts an origin that shares the page’s host (another port) as the page’s own site', () => {
    const portOnly = assertScenario({ version: 1, origins: { evil: { site: 'evil' }, bank: { host: 'evil', port: 1 } }, page: 'evil', context: 'window' });
    expect(blockedThirdPartyCookiesNote(portOnly, record(['session']), record([]))).toBeNull();
  });
});
