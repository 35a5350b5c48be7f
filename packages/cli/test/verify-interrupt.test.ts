import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW } from './scenarios';

const BIN = fileURLToPath(new URL('../bin/cors-playground.js', import.meta.url));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-playground-verify-sigint-'));
  await writeFile(join(dir, 'slow.json'), JSON.stringify(SLOW));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The process ids under `root` (Linux /proc): the launcher's command, Chromium and its helpers. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

async function gone(pids: number[], withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  let alive = pids;
  while ((alive = alive.filter((pid) => existsSync(`/proc/${pid}`))).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return alive;
}

describe('cors-playground verify, interrupted', () => {
  it('closes the browser and the server on SIGINT and exits 130', async () => {
    const child = spawn(process.execPath, [BIN, 'verify', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const verifying = new Promise<void>((resolve) => child.stdout.on('data', (chunk) => (stdout += chunk).includes('Verifying 1 scenario in') && resolve()));
    await Promise.race([verifying, exited.then((code) => Promise.reject(new Error(`exited ${code} before verifying: ${stderr}`)))]);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the slow client code is running
    const started = descendants(child.pid!);
    expect(started.length).toBeGreaterThan(1); // the command and Chromium
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('Interrupted: the browser and the server are closed.');
    expect(stdout).not.toContain('passed'); // interrupted, not finished: the client code runs eight seconds
    expect(await gone(started, 5_000)).toEqual([]);
  }, 60_000);
});
