import { encodeScenarioHash, validateScenario } from '@cors-playground/scenario';
import { describe, expect, it, vi } from 'vitest';
import { compactScenario, hashFor, readScenarioHash, writeScenarioHash } from '../src/scenario/hash-codec';

const input = {
  version: 1 as const,
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "log('x')",
  servers: { api: { routes: [{ path: '/data', method: 'GET', status: 200, headers: { 'X-A': '1' } }] } },
};

describe('the URL hash', () => {
  it('reads back the scenario it encodes, without the defaults the decoder filled in', () => {
    const read = readScenarioHash(`#${encodeScenarioHash(input)}`);
    expect(read).toEqual({ kind: 'scenario', input });
  });

  it('is empty when there is no hash', () => {
    expect(readScenarioHash('')).toEqual({ kind: 'empty' });
    expect(readScenarioHash('#')).toEqual({ kind: 'empty' });
  });

  it('says why a damaged or foreign hash cannot be opened', () => {
    expect(readScenarioHash('#v1.@@@')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('(the link)') });
    expect(readScenarioHash('#section-2')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('not a scenario link') });
  });

  it('says which rule an invalid scenario in a link breaks', () => {
    const read = readScenarioHash(`#${encodeScenarioHash({ ...input, page: 'nowhere' })}`);
    expect(read).toMatchObject({ kind: 'invalid', message: expect.stringContaining('page: names no origin') });
  });

  it('is written with replaceState only when it changed', () => {
    const history = { state: null, replaceState: vi.fn() };
    const location = { hash: '' };
    expect(writeScenarioHash(input, location, history)).toBe(true);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', hashFor(input));
    location.hash = hashFor(input);
    expect(writeScenarioHash(input, location, history)).toBe(false);
    expect(history.replaceState).toHaveBeenCalledTimes(1);
  });

  it('keeps status and method but drops empty bodies, headers, delays, title and notes', () => {
    const result = validateScenario({ version: 1, origins: { app: {} }, page: 'app', servers: { app: { routes: [{ path: '/' }] } } });
    if (!result.ok) throw new Error('invalid');
    expect(compactScenario(result.scenario)).toEqual({
      version: 1,
      origins: { app: {} },
      page: 'app',
      client: '',
      servers: { app: { routes: [{ path: '/', method: '*', status: 200 }] } },
    });
  });

  it('keeps a window run context and a blocked third-party cookie profile, which a prediction depends on', () => {
    const chosen = { ...input, context: 'window' as const, browser: { thirdPartyCookies: 'blocked' as const } };
    expect(readScenarioHash(`#${encodeScenarioHash(chosen)}`)).toEqual({ kind: 'scenario', input: chosen });
  });
});
