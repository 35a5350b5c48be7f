import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplates, optionsLiteral, regexLiteral, serverCode, textExpression, validateScenario, type ServerConfig, type ServerFramework } from '../src/index';

const ORIGINS = { app: 'http://app-k3j9x.site-a.localhost:8080', 'my-api': 'http://my-api-k3j9x.site-b.localhost:8080' };
const FRAMEWORKS: ServerFramework[] = ['fastify', 'express'];

function server(config: Record<string, unknown>): ServerConfig {
  const result = validateScenario({ version: 1, origins: { app: {}, 'my-api': {} }, page: 'app', servers: { 'my-api': config } } as never);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario.servers['my-api']!;
}

const dir = mkdtempSync(join(tmpdir(), 'server-code-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Node's own parser decides whether the program is valid JavaScript (an ES module with top-level await). */
function assertParses(code: string): void {
  const file = join(dir, `program-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
}

/** Evaluates an expression the generator wrote, with the origin constants in scope. */
function evaluate(expression: string): unknown {
  return new Function('APP_ORIGIN', 'MY_API_ORIGIN', `return (${expression});`)(ORIGINS.app, ORIGINS['my-api']);
}

const AWKWARD = server({
  cors: { plugin: '@fastify/cors', options: { origin: ['${origin:app}', { regex: '^https?://[a-z]+/x$', flags: 'i' }], credentials: true, strictPreflight: false } },
  routes: [
    {
      path: '/a:b',
      method: ['GET', 'PROPFIND'],
      headers: { 'X-Quote': "it's \"fine\"", 'X-Tick': '`${request.origin}` and ${other}', 'X-List': ['one', '${origin:my-api}/two'] },
      body: 'line 1\nline 2\r\n\u2028 \\ ${request.header:X-Token} `done`',
      delayMs: 5,
    },
    { path: '/files/*', method: '*', status: 404 },
  ],
});

describe('the generated server code', () => {
  for (const framework of FRAMEWORKS) {
    it(`is a valid ${framework} program for a configuration full of quotes, backticks, line breaks and templates`, () => {
      expect(() => assertParses(serverCode(AWKWARD, { framework, origins: ORIGINS }))).not.toThrow();
    });
  }

  it('imports the framework and the CORS library and registers the options, as each framework does', () => {
    const fastify = serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS });
    expect(fastify).toContain("import cors from '@fastify/cors';");
    expect(fastify).toMatch(/await app\.register\(cors, \{\n {2}origin: \[APP_ORIGIN, \/\^https\?:\\\/\\\/\[a-z\]\+\\\/x\$\/i\],\n {2}credentials: true,\n {2}strictPreflight: false,\n\}\);/);
    const express = serverCode(AWKWARD, { framework: 'express', origins: ORIGINS });
    expect(express).toContain("import cors from 'cors';");
    expect(express).toContain('app.use(cors({');
    // Express's cors has no strictPreflight: the code says it left it out rather than pass a dead option.
    expect(express).toContain('// The scenario runs @fastify/cors; cors takes the same options.\n// Not options of cors, left out: strictPreflight.');
    expect(express).not.toMatch(/^\s+strictPreflight/m);
  });

  it('defines a constant with the live origin for each ${origin:LABEL} it uses', () => {
    const code = serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS });
    expect(code).toContain(`const APP_ORIGIN = '${ORIGINS.app}';`);
    expect(code).toContain(`const MY_API_ORIGIN = '${ORIGINS['my-api']}';`);
    expect(code).toContain("reply.header('X-List', ['one', `${MY_API_ORIGIN}/two`]);");
  });

  it('reads ${request.origin} and ${request.header:NAME} from the request, and keeps other ${…} text as written', () => {
    const express = serverCode(AWKWARD, { framework: 'express', origins: ORIGINS });
    const tick = /res\.set\('X-Tick', (.*)\);/.exec(express)?.[1];
    expect(new Function('req', `return ${tick};`)({ headers: { origin: 'http://evil.localhost' } })).toBe('`http://evil.localhost` and ${other}');
    const fastify = serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS });
    const body = /return (`line 1.*`);/s.exec(fastify)?.[1];
    expect(new Function('request', `return ${body};`)({ headers: { 'x-token': 't-1' } })).toBe('line 1\nline 2\r\n\u2028 \\ t-1 `done`');
  });

  it('turns every template into the request value expandTemplates gives, in each framework', () => {
    const text = 'o=${request.origin} m=${request.method} p=${request.path} t=${request.header:X-Token} b=${request.body} a=${origin:app} none=${request.header:X-None}';
    const request = { method: 'POST', path: '/data?x=1', body: '{"a":1}\n' };
    const headers = { origin: 'http://evil.localhost', 'x-token': 't-1' };
    const expected = expandTemplates(text, { origins: ORIGINS, requestHeaders: headers, request });
    const fastify = textExpression(text, 'fastify', new Set());
    const fastifyRequest = { method: request.method, url: request.path, body: request.body, headers };
    expect(new Function('request', 'APP_ORIGIN', `return ${fastify};`)(fastifyRequest, ORIGINS.app)).toBe(expected);
    const express = textExpression(text, 'express', new Set());
    const expressRequest = { method: request.method, originalUrl: request.path, body: request.body, headers };
    expect(new Function('req', 'APP_ORIGIN', `return ${express};`)(expressRequest, ORIGINS.app)).toBe(expected);
  });

  it('reads every body as text when a route echoes ${request.body}', () => {
    const echo = server({ routes: [{ path: '/echo', method: 'POST', body: '${request.body}' }] });
    const fastify = serverCode(echo, { framework: 'fastify', origins: ORIGINS });
    expect(fastify).toContain("app.addContentTypeParser('*', { parseAs: 'string' }, ");
    expect(fastify).toContain("return request.body ?? '';");
    expect(serverCode(echo, { framework: 'express', origins: ORIGINS })).toContain('app.use(express.text({ type: () => true }));');
    for (const framework of FRAMEWORKS) expect(() => assertParses(serverCode(echo, { framework, origins: ORIGINS }))).not.toThrow();
  });

  it('sends a list value as repeated header lines: an array to reply.header, res.append in Express', () => {
    expect(serverCode(AWKWARD, { framework: 'express', origins: ORIGINS })).toContain("res.append('X-List', ['one', `${MY_API_ORIGIN}/two`]);");
  });

  it('waits for a route delay with the promise form of setTimeout', () => {
    const code = serverCode(AWKWARD, { framework: 'express', origins: ORIGINS });
    expect(code).toContain("import { setTimeout } from 'node:timers/promises';");
    expect(code).toContain('await setTimeout(5);');
  });

  it('writes a prefix route so that it also answers the bare prefix, in each router’s syntax', () => {
    expect(serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS })).toContain("for (const url of ['/files', '/files/*']) {");
    expect(serverCode(AWKWARD, { framework: 'express', origins: ORIGINS })).toContain("app.all('/files{/*rest}', ");
  });

  it('escapes route paths that the routers would read as parameters', () => {
    expect(serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS })).toContain("url: '/a::b',");
    expect(serverCode(AWKWARD, { framework: 'express', origins: ORIGINS })).toContain("app.propfind('/a\\\\:b', answerRoute1);");
  });

  it('adds a method Fastify does not route by default before a route names it', () => {
    expect(serverCode(AWKWARD, { framework: 'fastify', origins: ORIGINS })).toContain("app.addHttpMethod('PROPFIND', { hasBody: true });");
  });

  it('leaves out what an earlier route already answers, since Fastify would pick the more specific route', () => {
    const shadowed = server({
      routes: [
        { path: '/*', method: 'GET', status: 500 },
        { path: '/data', method: ['GET', 'PUT'] },
        { path: '/data', method: 'PUT', status: 201 },
      ],
    });
    const code = serverCode(shadowed, { framework: 'fastify', origins: ORIGINS });
    expect(code).toContain("app.put('/data', ");
    expect(code).not.toContain("app.get('/data'");
    expect(code).toContain('// Route 3: PUT /data\n// Left out: an earlier route already answers PUT on /data.');
    expect(() => assertParses(code)).not.toThrow();
  });

  it('gives @fastify/cors its own OPTIONS /* route when a catch-all route would take it', () => {
    const code = serverCode(server({ cors: { plugin: '@fastify/cors', options: {} }, routes: [{ path: '/*', method: '*' }] }), { framework: 'fastify', origins: ORIGINS });
    expect(code).toContain('await app.register(cors);');
    expect(code).toMatch(/method: \[(?!.*'OPTIONS').*'GET'.*\]/);
  });

  it('says which sandbox behaviour of a route it does not write', () => {
    const code = serverCode(server({ routes: [{ path: '/socket', websocket: true }] }), { framework: 'express', origins: ORIGINS });
    expect(code).toContain("// Not written here: the sandbox's websocket behaviour of this route.");
  });

  it('writes no handler for a proxy route, and names the proxy that would do its work', () => {
    const code = serverCode(server({ routes: [{ path: '/api/*', proxy: { to: 'app', path: '/*' } }] }), { framework: 'fastify', origins: ORIGINS });
    expect(code).toContain('forwards each request to the app origin (the same-origin proxy)');
    expect(code).not.toContain('app.all(');
  });

  it('writes a server with no CORS library and no routes as just the app and its listen call', () => {
    const code = serverCode(server({}), { framework: 'express', origins: ORIGINS, port: 4000 });
    expect(code).toBe("import express from 'express';\n\nconst app = express();\n\napp.listen(Number(process.env.PORT) || 4000);\n");
  });
});

describe('options as JavaScript', () => {
  it('turns { regex, flags } into a RegExp literal that matches what new RegExp(regex, flags) matches', () => {
    for (const [source, flags] of [['^https?://app\\.example(:\\d+)?$', 'i'], ['a/b[/]c', ''], ['', 'g'], ['\\/already', 'u']] as const) {
      const made = evaluate(regexLiteral(source, flags)) as RegExp;
      const expected = new RegExp(source, flags);
      expect(made.flags).toBe(expected.flags);
      for (const sample of ['https://app.example:8080', 'a/b/c', '/already', 'x']) expect(made.test(sample)).toBe(new RegExp(source, flags).test(sample));
    }
  });

  it('keeps the data: strings, numbers, booleans, null, arrays and nested objects evaluate back to the same values', () => {
    const data = { origin: ['${origin:app}', 'http://other.example'], maxAge: 600, credentials: false, exposedHeaders: null, 'odd-key': { nested: ["it's"] } };
    const used = new Set<string>();
    expect(evaluate(optionsLiteral(data, used))).toEqual({ ...data, origin: [ORIGINS.app, 'http://other.example'] });
    expect([...used]).toEqual(['app']);
  });
});
