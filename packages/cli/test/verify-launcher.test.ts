import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET_ALLOWED } from './scenarios';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/cors-playground.js', import.meta.url));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-playground-verify-bin-'));
  await writeFile(join(dir, 'allowed.json'), JSON.stringify(GET_ALLOWED));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cors-playground verify, as a process', () => {
  it('starts its own server on free ports and Chromium, agrees, prints "1 passed, 0 failed", exits 0 and leaves nothing running', async () => {
    // execFile resolves only when the process has exited: a server or browser left open would hang it.
    const { stdout, stderr } = await run(process.execPath, [BIN, 'verify', join(dir, 'allowed.json'), '--browser', 'chromium'], { timeout: 60_000 });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^browser: chromium \d+\.\d+\.\d+\.\d+$/m);
    expect(stdout).toMatch(/http:\/\/api-[a-z2-7]{16}\.site-b\.localhost:(?!18080)\d+\/data/);
    expect(stdout.endsWith('\n1 passed, 0 failed\n')).toBe(true);
  }, 60_000);
});
