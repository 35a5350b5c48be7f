import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '@cors-playground/scenario';
import { DEVIATION_IDS, DEVIATIONS, deviationsOf, hasDeviation, MAX_AGE_LIMITS } from '../src/index';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('engine deviations', () => {
  it.each(ENGINES)('the %s table has one row per id, each with a spec link and its evidence', (engine) => {
    const rows = deviationsOf(engine);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(DEVIATION_IDS).toContain(row.id);
      expect(row.spec).toMatch(/^https:\/\/(fetch|xhr)\.spec\.whatwg\.org\/#/);
      expect(row.summary.length).toBeGreaterThan(30);
      expect(row.evidence.length).toBeGreaterThan(10);
    }
  });

  it('proves every Chromium row with a case observed in Chromium, and names it', () => {
    for (const row of DEVIATIONS.chromium) {
      expect(row.verified, row.id).toBe(true);
      expect(row.evidence, row.id).toMatch(/^(corpus\/|\/tmp\/coord\/proposed-corpus\/)\S+\.json/);
    }
  });

  it('names corpus cases that exist', () => {
    const cases = DEVIATIONS.chromium.flatMap((row) => [...row.evidence.matchAll(/(?<![\w/-])corpus\/[\w.-]+\.json/g)].map((match) => match[0]));
    expect(cases.length).toBeGreaterThan(0);
    for (const path of cases) expect(existsSync(`${REPO}${path}`), path).toBe(true);
  });

  it('marks the Firefox and WebKit rows unverified and names the source file read', () => {
    for (const row of [...DEVIATIONS.firefox, ...DEVIATIONS.webkit]) {
      expect(row.verified, row.id).toBe(false);
      expect(row.evidence, row.id).toMatch(/^(mozilla\/gecko-dev|WebKit\/WebKit) \S+\.(cpp|h)/);
    }
  });

  it('answers hasDeviation from the tables alone', () => {
    expect(hasDeviation('chromium', 'authorization-covered-by-wildcard')).toBe(true);
    expect(hasDeviation('webkit', 'authorization-covered-by-wildcard')).toBe(true);
    expect(hasDeviation('firefox', 'client-hint-request-headers-safelisted')).toBe(false);
    expect(hasDeviation('chromium', 'preflight-cache-keyed-by-credentials')).toBe(false);
  });

  it('gives each engine the max-age limit read in its source', () => {
    expect(Object.fromEntries(ENGINES.map((engine) => [engine, MAX_AGE_LIMITS[engine].seconds]))).toEqual({ chromium: 7200, firefox: 86400, webkit: 600 });
  });
});
