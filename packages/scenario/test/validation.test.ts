import { describe, expect, it } from 'vitest';
import { formatPath, parseScenarioJson, scenarioJsonSchema, validateScenario } from '../src/index';

const base = {
  version: 1,
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: '',
  servers: { api: { routes: [{ path: '/data', method: 'GET', headers: { 'Access-Control-Allow-Origin': '${origin:app}' } }] } },
};

function errorsOf(input: unknown) {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('scenario validation', () => {
  it('accepts the contract example and fills the defaults', () => {
    const result = validateScenario(base);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.servers.api!.routes[0]).toMatchObject({ status: 200, body: '', delayMs: 0 });
  });

  it('names the JSON path and the rule of a header value with CR or LF', () => {
    const input = structuredClone(base);
    input.servers.api.routes.push({ path: '/x', method: 'GET', headers: { 'X-A': 'a\r\nb' } } as never);
    expect(errorsOf(input)).toEqual(['servers.api.routes[1].headers.X-A: CR, LF or NUL not allowed in a header value']);
  });

  it('refuses unknown fields, a page with no origin and a server with no origin', () => {
    expect(errorsOf({ ...base, extra: 1 })).toEqual(['extra: is not a known field']);
    expect(errorsOf({ ...base, page: 'web' })).toEqual(['page: names no origin (origins: app, api)']);
    expect(errorsOf({ ...base, servers: { cdn: { routes: [] } } })).toEqual(['servers.cdn: names no origin (origins: app, api)']);
  });

  it('refuses an origin template that names no origin', () => {
    const input = structuredClone(base);
    input.servers.api.routes[0]!.headers['Access-Control-Allow-Origin'] = '${origin:web}';
    expect(errorsOf(input)).toEqual(['servers.api.routes[0].headers.Access-Control-Allow-Origin: ${origin:web} names no origin (origins: app, api)']);
  });

  it('refuses two labels that are the same origin and a host that reuses a reused host', () => {
    expect(errorsOf({ ...base, origins: { app: {}, api: {}, twin: { host: 'app' } } })).toEqual(['origins.twin: is the same origin as "app"; change its scheme or port']);
    expect(errorsOf({ ...base, origins: { app: {}, api: {}, b: { host: 'app', port: 1 }, c: { host: 'b', port: 2 } } })[0]).toMatch(/^origins.c.host: "b" reuses a host itself/);
    expect(errorsOf({ ...base, origins: { app: {}, api: {}, b: { host: 'app', port: 1, site: 'z' } } })).toEqual(["origins.b.site: cannot be set with host: the site is the host's"]);
  });

  it('refuses labels that are not DNS-friendly and framing headers a route may not set', () => {
    expect(errorsOf({ ...base, origins: { App: {}, api: {} } })[0]).toMatch(/^origins\.App: must be a label/);
    const input = structuredClone(base);
    input.servers.api.routes[0]!.headers = { 'Content-Length': '5' } as never;
    expect(errorsOf(input)[0]).toMatch(/^servers.api.routes\[0\].headers.Content-Length: is written by the sandbox server itself/);
  });

  it('writes paths as a reader would', () => {
    expect(formatPath(['servers', 'api', 'routes', 1, 'headers', 'X-A'])).toBe('servers.api.routes[1].headers.X-A');
    expect(formatPath(['headers', 'Bad Name'])).toBe('headers["Bad Name"]');
    expect(formatPath([])).toBe('(the scenario)');
  });
});

describe('JSON text', () => {
  it('names the line and column of a syntax error', () => {
    const result = parseScenarioJson('{\n  "version": 1,\n  "page": ,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^is not valid JSON: ValueExpected at line 3, column 11/);
  });

  it('refuses a document over the size limit before parsing it', () => {
    const result = parseScenarioJson(`{"notes": "${'x'.repeat(300 * 1024)}"}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/larger than 262144 bytes/);
  });
});

describe('the JSON Schema for the editor', () => {
  it('describes the input shape, with defaults optional and header names as tokens', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'origins', 'page']));
    expect(schema.required).not.toContain('client');
    expect(JSON.stringify(schema)).toContain('"propertyNames"');
  });
});
