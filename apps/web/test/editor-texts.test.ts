import { describe, expect, it } from 'vitest';
import { parseTexts, SERVERS_TEXT_PATH, textsFromScenario } from '../src/scenario/editor-texts';

const scenario = {
  version: 1 as const,
  title: 'T',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "log('hi')",
  servers: { api: { routes: [{ path: '/data', method: 'GET' }] } },
};

describe('the two editors', () => {
  it('split a scenario into servers JSON without client, and client code', () => {
    const texts = textsFromScenario(scenario);
    expect(texts.clientText).toBe("log('hi')");
    expect(JSON.parse(texts.serversText)).not.toHaveProperty('client');
    expect(Object.keys(JSON.parse(texts.serversText))).toEqual(['version', 'title', 'origins', 'page', 'servers']);
  });

  it('join back into the same scenario, validated', () => {
    const parsed = parseTexts(textsFromScenario(scenario));
    expect(parsed.validation.ok).toBe(true);
    expect(parsed.input).toEqual(scenario);
  });

  it('report a JSON syntax error with its line and column', () => {
    const parsed = parseTexts({ serversText: '{\n  "version": 1,\n}', clientText: '' });
    expect(parsed.input).toBeNull();
    expect(parsed.validation.ok).toBe(false);
    if (!parsed.validation.ok) {
      expect(parsed.validation.errors[0]?.path).toBe(SERVERS_TEXT_PATH);
      expect(parsed.validation.errors[0]?.message).toMatch(/line 3, column 1/);
    }
  });

  it('refuse a client field in the servers JSON, since the client editor holds it', () => {
    const parsed = parseTexts({ serversText: JSON.stringify({ ...scenario, client: 'x' }), clientText: '' });
    expect(parsed.validation.ok ? [] : parsed.validation.errors).toEqual([{ path: 'client', message: expect.stringContaining('Client editor') }]);
  });

  it('refuse JSON that is not an object', () => {
    const parsed = parseTexts({ serversText: '[1]', clientText: '' });
    expect(parsed.validation.ok).toBe(false);
  });

  it('pass schema errors through with their paths', () => {
    const parsed = parseTexts({ serversText: JSON.stringify({ version: 1, origins: { app: {} }, page: 'api' }), clientText: '' });
    expect(parsed.validation.ok ? [] : parsed.validation.errors).toEqual([{ path: 'page', message: 'names no origin (origins: app)' }]);
    expect(parsed.input).not.toBeNull();
  });
});
