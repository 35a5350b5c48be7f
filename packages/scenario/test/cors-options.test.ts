import { describe, expect, it } from 'vitest';
import { liveCorsOptions, scenarioJsonSchema, validateScenario, type CorsPluginConfig } from '../src/index';

const withCors = (cors: unknown) => ({ version: 1, origins: { app: {}, api: {} }, page: 'app', servers: { api: { cors } } });

function errorsOf(cors: unknown): string[] {
  const result = validateScenario(withCors(cors));
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe('servers.LABEL.cors', () => {
  it('accepts every documented option form of both libraries', () => {
    expect(errorsOf({
      plugin: '@fastify/cors',
      options: {
        origin: ['${origin:app}', { regex: '^http://[a-z0-9-]+\\.site-a\\.localhost(:\\d+)?$', flags: 'i' }], methods: ['GET', 'PUT'],
        allowedHeaders: 'X-Token', exposedHeaders: ['X-Total'], credentials: true, maxAge: 600, cacheControl: 'no-store', preflightContinue: false,
        optionsSuccessStatus: 200, preflight: true, strictPreflight: false, hideOptionsRoute: true, logLevel: 'silent', hook: 'preHandler',
      },
    })).toEqual([]);
    expect(errorsOf({ plugin: 'cors', options: { origin: true, methods: 'GET,PUT', allowedHeaders: [], maxAge: 0, optionsSuccessStatus: 204 } })).toEqual([]);
    expect(errorsOf({ plugin: 'cors' })).toEqual([]);
  });

  it('names an unknown option, with the likely one it misspells', () => {
    expect(errorsOf({ plugin: '@fastify/cors', options: { orign: true } })).toEqual([
      'servers.api.cors.options.orign: unknown option of @fastify/cors (did you mean origin?); its options: origin, methods, allowedHeaders, exposedHeaders, credentials, maxAge, preflightContinue, optionsSuccessStatus, cacheControl, preflight, strictPreflight, hideOptionsRoute, logLevel, hook',
    ]);
  });

  it('refuses an option of @fastify/cors on Express cors', () => {
    expect(errorsOf({ plugin: 'cors', options: { strictPreflight: true } })[0]).toMatch(/^servers\.api\.cors\.options\.strictPreflight: unknown option of cors; /);
  });

  it('names an invalid regular expression, a stateful flag and an empty origin by their fields', () => {
    expect(errorsOf({ plugin: 'cors', options: { origin: [{ regex: '(' }, { regex: 'a', flags: 'g' }, ''] } })).toEqual([
      'servers.api.cors.options.origin[0].regex: is not a valid regular expression: /(/: Unterminated group',
      'servers.api.cors.options.origin[1].flags: may hold d, i, m, s, u, v, each once (g and y make RegExp.test stateful, so one origin would pass and fail in turn)',
      'servers.api.cors.options.origin[2]: an empty origin is refused by @fastify/cors and turns Express cors off: write false to disable CORS',
    ]);
  });

  it('refuses a pattern that can backtrack exponentially on a crafted Origin, and an overlong one, by field', () => {
    const [nested, long] = errorsOf({ plugin: '@fastify/cors', options: { origin: [{ regex: '^https://(a+)+\\.example$' }, { regex: `^${'a'.repeat(300)}$` }] } });
    expect(nested).toMatch(/^servers\.api\.cors\.options\.origin\[0\]\.regex: nests a repetition inside a repetition .*freeze the server/);
    expect(long).toBe('servers.api.cors.options.origin[1].regex: at most 256 characters');
  });

  it('names an unknown plugin and a template that names no origin', () => {
    expect(errorsOf({ plugin: 'express-cors' })).toEqual(['servers.api.cors.plugin: must be "@fastify/cors" or "cors" (the Express middleware)']);
    expect(errorsOf({ plugin: 'cors', options: { origin: ['${origin:nope}'] } })).toEqual([
      'servers.api.cors.options.origin[0]: ${origin:nope} names no origin (origins: app, api)',
    ]);
  });

  it('gives the library RegExps and live origins', () => {
    const result = validateScenario(withCors({ plugin: 'cors', options: { origin: ['${origin:app}', { regex: '^x$', flags: 'i' }], maxAge: 5 } }));
    if (!result.ok) throw new Error('invalid');
    const live = liveCorsOptions(result.scenario.servers.api!.cors as CorsPluginConfig, { app: 'http://app.test' });
    expect(live).toEqual({ origin: ['http://app.test', /^x$/i], maxAge: 5 });
  });

  it("describes each option in the JSON Schema, and closes the options to unknown names, for Monaco's completion", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const option of ['strictPreflight', 'hideOptionsRoute', 'cacheControl', 'optionsSuccessStatus', 'preflightContinue']) expect(text).toContain(`"${option}":{`);
    expect(text).toContain('reflects the request Origin (any origin!)');
    expect(text).toMatch(/"options":\{"default":\{\},"description":"The options of fastify\.register\(cors, options\)\.","type":"object","properties":\{"origin"/);
    expect(text).toContain('"additionalProperties":false');
  });
});
