import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/index';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/cors-playground.js', import.meta.url));

const SCENARIO = {
  version: 1,
  title: 'PUT with a custom header needs a preflight',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "try { const r = await fetch(url('api', '/data'), { method: 'PUT', headers: { 'X-Token': '1' } }); log(r.status, await r.text()); } catch (e) { log(e.name, e.message); }\nawait fetch(url('api', '/none')).catch(() => {});",
  servers: {
    api: {
      routes: [
        { path: '/data', method: 'OPTIONS', status: 204, headers: { 'Access-Control-Allow-Origin': '${origin:app}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-Token' } },
        { path: '/data', method: 'PUT', headers: { 'Access-Control-Allow-Origin': '${origin:app}', 'Content-Type': 'application/json' }, body: '{"ok":true}' },
      ],
    },
  },
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-playground-cli-'));
  await writeFile(join(dir, 'ok.json'), JSON.stringify(SCENARIO));
  await writeFile(join(dir, 'invalid.json'), JSON.stringify({ version: 1, origins: { App: {} }, page: 'x', servers: { api: { routes: [{ path: 'data', method: 'FOO' }] } } }));
  await writeFile(join(dir, 'broken.json'), '{ "version": 1,\n  "origins": }');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('cors-playground predict', () => {
  it('prints the SCENARIO.md JSON, { requests, log }, with --json', async () => {
    const { code, stdout, stderr } = await cli('predict', 'ok.json', '--json');
    expect([code, stderr]).toEqual([0, '']);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['requests', 'log']);
    // The prediction also explains each request and proposes a fix (prediction-only fields).
    expect(output.requests[0]).toMatchObject({
      api: 'fetch', method: 'PUT', url: 'http://api-k3j9x.site-b.localhost:8080/data', from: 'app', to: 'api',
      preflight: { sent: true, reasons: ['method PUT is not CORS-safelisted', 'header x-token is not CORS-safelisted'] },
      outcome: 'ok', status: 200, visibleHeaders: ['content-length', 'content-type'], blockedBy: null,
      console: { chromium: null, firefox: null, webkit: null },
    });
    expect(output.requests[1]).toMatchObject({ outcome: 'blocked', blockedBy: 'acao-missing' });
    expect(output.log).toEqual(['200 {"ok":true}']);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await cli('predict', join(dir, 'ok.json'));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('PUT with a custom header needs a preflight');
    expect(lines[1]).toBe('engine: chromium, page: app (http://app-k3j9x.site-a.localhost:8080)');
    expect(lines[3]).toMatch(/^#\s+api\s+method\s+url\s+preflight\s+outcome\s+status\s+visible headers\s+blocked by$/);
    expect(lines[4]).toMatch(/^1\s+fetch\s+PUT\s+http:\/\/api-k3j9x\.site-b\.localhost:8080\/data\s+sent\s+ok\s+200\s+content-length, content-type\s+-$/);
    expect(lines[5]).toMatch(/^2\s+fetch\s+GET\s+\S+\/none\s+-\s+blocked\s+0\s+-\s+acao-missing$/);
    expect(stdout).toContain('   preflight: method PUT is not CORS-safelisted; header x-token is not CORS-safelisted');
    expect(stdout).toContain("   console: Access to fetch at 'http://api-k3j9x.site-b.localhost:8080/none' from origin");
    expect(stdout).toContain('log:\n  200 {"ok":true}\n');
    expect(stdout.endsWith('end: finished\n')).toBe(true);
  });

  it('predicts for another engine with --engine', async () => {
    const { code, stdout } = await cli('predict', 'ok.json', '--engine', 'firefox', '--json');
    expect(code).toBe(0);
    const { console: lines } = JSON.parse(stdout).requests[1];
    expect([lines.chromium, lines.webkit]).toEqual([null, null]);
    expect(lines.firefox).toMatch(/^Cross-Origin Request Blocked: /);
  });

  it('exits 2 and names each failing path when the scenario is invalid', async () => {
    const { code, stdout, stderr } = await cli('predict', 'invalid.json');
    expect([code, stdout]).toEqual([2, '']);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^[^:]+: .+/);
    expect(stderr).toContain('servers.api.routes[0].path: ');
  });

  it('exits 2 for a file that is not JSON, naming the line and column', async () => {
    const { code, stderr } = await cli('predict', 'broken.json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\(the scenario\): is not valid JSON: .* at line 2, column \d+/);
  });

  it.each([
    [['predict'], /^Usage: cors-playground predict FILE/],
    [['predict', 'a.json', 'b.json'], /^Usage: cors-playground predict FILE/],
    [['predict', 'ok.json', '--engine', 'lynx'], /^--engine: "lynx" is not one of chromium, firefox, webkit/],
    [['predict', 'ok.json', '--colour'], /Unknown option '--colour'/],
    [['predict', 'missing.json'], /^missing\.json: cannot read it \(ENOENT\)/],
    [['launch'], /^Unknown command "launch"/],
    [[], /^cors-playground: predict and check/],
    [['serve', '--https-port', 'x'], /^--https-port \(HTTPS_PORT\) takes a whole number from 0 to 65535, not "x"/],
    [['serve', '--port=-1'], /^--port \(PORT\) takes a whole number from 0 to 65535, not "-1"/],
    [['serve', '--tls-cert', 'a.pem'], /^--tls-cert \(TLS_CERT\) and --tls-key \(TLS_KEY\) go together/],
    [['serve', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with a usage message for %j', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('prints the usage on stdout for help', async () => {
    const { code, stdout } = await cli('help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: cors-playground predict FILE');
  });
});

describe('the cors-playground launcher', () => {
  it('runs the command with tsx and passes the output and the exit code through', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'predict', join(dir, 'ok.json'), '--json']);
    expect(JSON.parse(stdout).log).toEqual(['200 {"ok":true}']);
    const failed = await run(process.execPath, [BIN, 'predict', join(dir, 'invalid.json')]).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed ? failed.code : 0).toBe(2);
    expect('stderr' in failed ? failed.stderr : '').toContain('servers.api.routes[0].path: ');
  });
});
