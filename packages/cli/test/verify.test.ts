import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVerifySession, verifyCommand, type CliIo, type VerifySession } from '../src/index';
import { GET_ALLOWED, GET_BLOCKED, INVALID, READS_THE_DOM } from './scenarios';

/**
 * `cors-playground verify` in real Chromium. One server (on ephemeral ports) and one browser serve
 * every test of this file: the command gets them through its openSession dependency.
 */
const REAL_RUN_MS = 60_000;

let dir: string;
let session: VerifySession;
let sessionsOpened = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-playground-verify-'));
  await mkdir(join(dir, 'pair', 'nested'), { recursive: true });
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'allowed.json'), JSON.stringify(GET_ALLOWED));
  await writeFile(join(dir, 'dom.json'), JSON.stringify(READS_THE_DOM));
  await writeFile(join(dir, 'invalid.json'), JSON.stringify(INVALID));
  await writeFile(join(dir, 'pair', 'allowed.json'), JSON.stringify(GET_ALLOWED));
  await writeFile(join(dir, 'pair', 'nested', 'blocked.json'), JSON.stringify(GET_BLOCKED));
  session = await openVerifySession();
}, REAL_RUN_MS);

afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir };
  const openSession = async () => {
    sessionsOpened++;
    return { ...session, close: async () => {} };
  };
  const code = await verifyCommand(args, io, { openSession });
  return { code, stdout, stderr };
}

describe('cors-playground verify FILE', () => {
  it('runs the scenario in Chromium, prints both sides, and exits 0 with "1 passed, 0 failed" when they agree', async () => {
    const { code, stdout, stderr } = await verify('allowed.json', '--browser', 'chromium');
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('A GET allowed by Access-Control-Allow-Origin');
    expect(lines[1]).toBe(`browser: chromium ${session.browser.version()}`);
    expect(stdout).toMatch(/predicted \(the engine\)\n#\s+api\s+method\s+url\s+preflight\s+outcome\s+status\s+visible headers\s+blocked by\n1\s+fetch\s+GET\s+http:\/\/api-[a-z2-7]{16}\.site-b\.localhost:\d+\/data\s+-\s+ok\s+200\s/);
    expect(stdout).toContain(`actual (chromium ${session.browser.version()})\n`);
    expect(stdout).toMatch(/log\n#\s+predicted\s+actual\n1\s+200 ok\s+200 ok\n/);
    expect(stdout).toContain('differences: none, the prediction agrees with chromium');
    expect(stdout.endsWith('\n1 passed, 0 failed\n')).toBe(true);
  }, REAL_RUN_MS);

  it('prints { browser, predicted, actual, differences } with --json, the browser as the running one reports it', async () => {
    const { code, stdout } = await verify('allowed.json', '--json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['browser', 'predicted', 'actual', 'differences']);
    expect(output.browser).toBe(`chromium ${session.browser.version()}`);
    expect(output.browser).toMatch(/^chromium \d+\.\d+\.\d+\.\d+$/);
    expect(Object.keys(output.actual)).toEqual(['requests', 'log']);
    expect(output.actual.requests).toMatchObject([{ api: 'fetch', method: 'GET', outcome: 'ok', status: 200, preflight: { sent: false } }]);
    expect(output.predicted.requests[0].url).toBe(output.actual.requests[0].url);
    expect([output.predicted.log, output.actual.log, output.differences]).toEqual([['200 ok'], ['200 ok'], []]);
  }, REAL_RUN_MS);

  it('exits 1 and names the field when the prediction differs (the model runs client code without a DOM)', async () => {
    const { code, stdout } = await verify('dom.json', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).differences).toEqual([{ request: -1, field: 'log', predicted: ['undefined'], actual: ['object'] }]);
  }, REAL_RUN_MS);

  it('shows the differences as a table in the readable output', async () => {
    const { code, stdout } = await verify('dom.json');
    expect(code).toBe(1);
    expect(stdout).toMatch(/differences: 1\nrequest\s+field\s+predicted\s+actual\nlog\s+log\s+\["undefined"\]\s+\["object"\]\n\n0 passed, 1 failed\n$/);
  }, REAL_RUN_MS);
});

describe('cors-playground verify DIRECTORY', () => {
  it('verifies every *.json under it, recursively, and prints a result per file with --json', async () => {
    const { code, stdout, stderr } = await verify('pair', '--json');
    expect([code, stderr]).toEqual([0, '']);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['browser', 'results']);
    expect(output.browser).toBe(`chromium ${session.browser.version()}`);
    expect(output.results.map((result: { file: string }) => result.file)).toEqual([join('pair', 'allowed.json'), join('pair', 'nested', 'blocked.json')]);
    for (const result of output.results) expect(Object.keys(result)).toEqual(['file', 'predicted', 'actual', 'differences']);
    const blocked = output.results[1].actual.requests[0];
    expect([blocked.outcome, blocked.console.chromium]).toEqual(['blocked', expect.stringContaining("has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header")]);
  }, REAL_RUN_MS);

  it('prints one line per file, in path order, and "N passed, M failed" alone on the last line', async () => {
    const pair = await verify('pair');
    expect(pair.code).toBe(0);
    expect(pair.stdout.split('\n')).toEqual([
      `Verifying 2 scenarios in chromium ${session.browser.version()}`,
      `${join('pair', 'allowed.json')}: agree`,
      `${join('pair', 'nested', 'blocked.json')}: agree`,
      '2 passed, 0 failed',
      '',
    ]);
  }, REAL_RUN_MS);
});

describe('cors-playground verify, bad input', () => {
  it('exits 2 with a "path: message" line per error, and opens no browser, for an invalid scenario', async () => {
    const before = sessionsOpened;
    const { code, stdout, stderr } = await verify('invalid.json');
    expect([code, stdout, sessionsOpened]).toEqual([2, '', before]);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^[^:]+: .+/);
    expect(stderr).toContain('servers.api.routes[0].path: ');
  });

  it('names the file on each error line when the invalid scenario is in a directory', async () => {
    const { code, stderr } = await verify('.');
    expect(code).toBe(2);
    expect(stderr).toContain('invalid.json: servers.api.routes[0].path: ');
    expect(stderr).not.toContain('allowed.json');
  });

  it.each([
    [['allowed.json', '--browser', 'firefox'], /^--browser: "firefox" is not supported; verify runs chromium/],
    [[], /^Usage: cors-playground verify FILE\|DIRECTORY/],
    [['a.json', 'b.json'], /^Usage: cors-playground verify/],
    [['allowed.json', '--headed'], /Unknown option '--headed'/],
    [['missing.json'], /^missing\.json: cannot read it \(ENOENT\)/],
    [['empty'], /^empty: no \*\.json scenario file in this directory/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stderr } = await verify(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
