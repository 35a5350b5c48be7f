import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertScenario, type Difference } from '@cors-playground/scenario';
import { caseLine, differenceTable, summaryLine, verificationExitCode, verifyCommand, type ScenarioVerification } from '../src/index';
import { mapConcurrently } from '../src/verify/verify-scenarios';
import { GET_ALLOWED } from './scenarios';

const scenario = assertScenario(GET_ALLOWED);
const OUTCOME: Difference = { request: 0, field: 'outcome', predicted: 'ok', actual: 'blocked' };
const LOG: Difference = { request: -1, field: 'log', predicted: ['a'], actual: [] };

function result(file: string, differences: Difference[], error: string | null = null): ScenarioVerification {
  const sides = error === null ? { requests: [], log: [] } : null;
  return { file, scenario, predicted: sides, actual: sides, differences, error };
}

describe('the verdict of a verification', () => {
  it('exits 0 when every case agrees, 1 when one differs or could not run', () => {
    expect(verificationExitCode([])).toBe(0);
    expect(verificationExitCode([result('a', []), result('b', [])])).toBe(0);
    expect(verificationExitCode([result('a', []), result('b', [OUTCOME])])).toBe(1);
    expect(verificationExitCode([result('a', [], 'the harness never reported')])).toBe(1);
  });

  it('counts passed and failed cases in the summary line', () => {
    expect(summaryLine([result('a', []), result('b', [OUTCOME, LOG]), result('c', [], 'refused')])).toBe('1 passed, 2 failed');
  });

  it('says per file whether it agrees, how many fields differ, or why it did not run', () => {
    expect(caseLine(result('a.json', []))).toBe('a.json: agree');
    expect(caseLine(result('b.json', [OUTCOME]))).toBe('b.json: 1 difference');
    expect(caseLine(result('c.json', [OUTCOME, LOG]))).toBe('c.json: 2 differences');
    expect(caseLine(result('d.json', [], 'the sandbox was not created: the server answered 429'))).toBe('d.json: not verified (the sandbox was not created: the server answered 429)');
  });

  it('numbers requests from 1 in the difference table and names the log', () => {
    expect(differenceTable([OUTCOME, LOG]).split('\n')).toEqual([
      'request  field    predicted  actual',
      '1        outcome  ok         blocked',
      'log      log      ["a"]      []',
    ]);
  });
});

describe('mapConcurrently', () => {
  it('runs at most `limit` tasks at once and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([30, 5, 20, 1, 10, 2], 4, async (ms, index) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(4);
  });

  it('takes no new item once its signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapConcurrently([1, 2, 3], 1, async (item) => {
      started.push(item);
      controller.abort(new Error('stop'));
    }, controller.signal);
    await expect(run).rejects.toThrow('stop');
    expect(started).toEqual([1]);
  });
});

describe('cors-playground verify without a browser', () => {
  it('exits 1 naming the binary and CHROMIUM_PATH when Chromium cannot start, and closes the server it started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-playground-no-chromium-'));
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    try {
      await writeFile(join(dir, 'allowed.json'), JSON.stringify(GET_ALLOWED));
      let stderr = '';
      const code = await verifyCommand(['allowed.json'], { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir });
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^verify: Chromium did not start from ${process.env.CHROMIUM_PATH} \\(set CHROMIUM_PATH to use another binary\\): `));
      await new Promise((resolve) => setImmediate(resolve)); // a closed listener leaves the list on the next turn
      expect(process.getActiveResourcesInfo()).not.toContain('TCPServerWrap');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
