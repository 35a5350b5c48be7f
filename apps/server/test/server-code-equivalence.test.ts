import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverCode, validateScenario, type ServerFramework } from '@cors-playground/scenario';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest } from './helpers';

/**
 * The server code the playground shows for an origin is run for real, with real Fastify and
 * Express, and must answer a table of requests as the sandbox answers them: same status, same
 * header lines (repeats included), same body.
 */
const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

/** Headers each framework (or Node) writes by itself, which say nothing about the configuration. */
const FRAMEWORK_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'x-powered-by', 'etag']);

const LIBRARY_OPTIONS = {
  origin: ['${origin:app}', { regex: '^http://trusted-[a-z0-9]+\\.site-e\\.localhost(:\\d+)?$', flags: 'i' }],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowedHeaders: ['X-Token', 'Content-Type'],
  exposedHeaders: ['X-Seen'],
  maxAge: 600,
};
const LIBRARY_ROUTES = [
  { path: '/data', method: ['GET', 'PUT'], headers: { 'X-Seen': '${request.origin}' }, body: 'data' },
  { path: '/data', method: 'OPTIONS', status: 200, body: 'the route, not the library' },
];

const SCENARIO = {
  version: 1,
  title: 'server code',
  origins: { app: { site: 'a' }, api: { site: 'b' }, fapi: { site: 'b' }, eapi: { site: 'b' }, evil: { site: 'e' } },
  page: 'app',
  servers: {
    api: {
      routes: [
        { path: '/data', method: 'OPTIONS', status: 204, headers: { 'Access-Control-Allow-Origin': '${origin:app}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-Token' } },
        {
          path: '/data',
          method: ['GET', 'PUT'],
          headers: {
            'Access-Control-Allow-Origin': '${request.origin}',
            'Access-Control-Expose-Headers': ['X-Seen', 'X-Token-Echo'],
            'Set-Cookie': ['session=abc; Path=/; SameSite=None; Secure; HttpOnly', 'theme=dark'],
            'X-Seen': 'from ${request.origin} to ${origin:api}',
            'X-Token-Echo': '${request.header:X-Token}',
            'Content-Type': 'application/json',
          },
          body: '{"from":"${request.origin}","note":"`quoted` \\\\ ${not a template}"}',
          delayMs: 20,
        },
        { path: '/files/*', method: '*', status: 418, headers: { 'Content-Type': 'text/plain' }, body: 'teapot' },
        { path: '/files/inner', method: 'GET', body: 'never reached' },
        { path: '/echo', method: ['POST', 'GET'], headers: { 'X-Method': '${request.method}' }, body: '${request.method} ${request.path}: ${request.body}' },
      ],
    },
    fapi: { cors: { plugin: '@fastify/cors', options: { ...LIBRARY_OPTIONS, strictPreflight: true, cacheControl: 300 } }, routes: LIBRARY_ROUTES },
    eapi: { cors: { plugin: 'cors', options: { ...LIBRARY_OPTIONS, optionsSuccessStatus: 200 } }, routes: LIBRARY_ROUTES },
  },
};

/** A request of the table; `from` names the origin whose Origin header it carries (none when null). */
interface TableRequest {
  method: string;
  path: string;
  from: 'app' | 'evil' | null;
  headers: Record<string, string>;
  body?: string;
}

const PREFLIGHT = { 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token' };

const ROUTE_REQUESTS: TableRequest[] = [
  { method: 'OPTIONS', path: '/data', from: 'app', headers: PREFLIGHT },
  { method: 'GET', path: '/data', from: 'app', headers: {} },
  { method: 'PUT', path: '/data?x=1', from: 'app', headers: { 'x-token': 't-1' } },
  { method: 'DELETE', path: '/files', from: 'app', headers: {} },
  { method: 'GET', path: '/files/inner', from: null, headers: {} },
  { method: 'POST', path: '/files/a/b', from: 'evil', headers: {} },
  { method: 'POST', path: '/echo?x=1', from: 'app', headers: { 'content-type': 'application/json' }, body: '{"a":[1,2]}' },
  { method: 'GET', path: '/echo', from: null, headers: {} },
];

const LIBRARY_REQUESTS: TableRequest[] = [
  { method: 'OPTIONS', path: '/data', from: 'app', headers: PREFLIGHT },
  { method: 'OPTIONS', path: '/data', from: 'evil', headers: PREFLIGHT },
  { method: 'OPTIONS', path: '/data', from: 'app', headers: {} },
  { method: 'OPTIONS', path: '/elsewhere', from: 'app', headers: PREFLIGHT },
  { method: 'GET', path: '/data', from: 'app', headers: {} },
  { method: 'GET', path: '/data', from: 'evil', headers: {} },
  { method: 'PUT', path: '/data', from: null, headers: { 'x-token': 't-1' } },
];

/** Each origin is compared in the framework whose library it runs; plain routes in both. */
const CASES: Array<{ label: string; framework: ServerFramework; requests: TableRequest[] }> = [
  { label: 'api', framework: 'fastify', requests: ROUTE_REQUESTS },
  { label: 'api', framework: 'express', requests: ROUTE_REQUESTS },
  { label: 'fapi', framework: 'fastify', requests: LIBRARY_REQUESTS },
  { label: 'eapi', framework: 'express', requests: LIBRARY_REQUESTS },
];

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

function comparable(answer: { status: number; rawHeaders: string[]; body: string }): Answer {
  const headers: Array<[string, string]> = [];
  for (let index = 0; index < answer.rawHeaders.length; index += 2) {
    const name = answer.rawHeaders[index]!.toLowerCase();
    if (!FRAMEWORK_HEADERS.has(name)) headers.push([name, answer.rawHeaders[index + 1]!]);
  }
  return { status: answer.status, headers, body: answer.body };
}

/**
 * Fastify's reply.send(string) writes a Content-Type of its own: text/plain when none is set, and
 * "; charset=utf-8" after one without a charset. Those are its defaults, not the configuration's.
 */
function withoutFastifyCharset(answer: Answer, expected: Answer, framework: ServerFramework): Answer {
  if (framework !== 'fastify') return answer;
  const configured = expected.headers.find(([name]) => name === 'content-type')?.[1];
  const headers = answer.headers
    .filter(([name, value]) => !(name === 'content-type' && configured === undefined && value === 'text/plain; charset=utf-8'))
    .map(([name, value]): [string, string] => [name, configured !== undefined && name === 'content-type' && value === `${configured}; charset=utf-8` ? configured : value]);
  return { ...answer, headers };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the generated server exited: ${output()}`);
    try {
      await rawRequest(port, { host: 'localhost', path: '/__probe' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`the generated server did not listen: ${output()}`);
}

/** Writes the program next to a node_modules link (so its imports resolve) and runs it. */
async function runProgram(code: string): Promise<{ port: number; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'server-code-'));
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'server.mjs'), code);
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, stop };
}

describe('the generated server code answers as the sandbox does', () => {
  let sandbox: RunningServer;
  let origins: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
    const response = await fetch(`${sandbox.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SCENARIO) });
    origins = ((await response.json()) as { origins: Record<string, string> }).origins;
  });
  afterAll(() => sandbox?.close());

  for (const { label, framework, requests } of CASES) {
    const library = SCENARIO.servers[label as keyof typeof SCENARIO.servers];
    const what = 'cors' in library ? `${library.cors.plugin} with its options` : 'plain routes';
    it(`${label} (${what}) in ${framework}: status, header lines and body for every request of the table`, async () => {
      const validation = validateScenario(SCENARIO as never);
      if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
      const program = await runProgram(serverCode(validation.scenario.servers[label]!, { framework, origins }));
      try {
        for (const request of requests) {
          const headers = { ...(request.from ? { origin: origins[request.from]! } : {}), ...request.headers };
          const expected = comparable(await rawRequest(sandbox.ports.http[0]!, { ...request, host: hostOf(origins[label]!), headers }));
          const actual = comparable(await rawRequest(program.port, { ...request, host: 'localhost', headers }));
          expect(withoutFastifyCharset(actual, expected, framework), `${request.method} ${request.path} from ${request.from}`).toEqual(expected);
        }
      } finally {
        program.stop();
      }
    });
  }
});
