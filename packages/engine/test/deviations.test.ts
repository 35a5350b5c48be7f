import { describe, expect, it } from 'vitest';
import { DEVIATION_IDS, DEVIATIONS, deviationsOf, hasDeviation } from '../src/index';

describe('engine deviations', () => {
  it('has one row per id, each with a spec link and a note of where it was observed', () => {
    expect(new Set(DEVIATIONS.map((row) => `${row.engine} ${row.id}`)).size).toBe(DEVIATIONS.length);
    for (const row of DEVIATIONS) {
      expect(DEVIATION_IDS).toContain(row.id);
      expect(row.spec).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#/);
      expect(row.observed.length).toBeGreaterThan(10);
    }
  });

  it('records Chromium differences only; Firefox and WebKit follow the standard until observed', () => {
    expect(deviationsOf('chromium').length).toBe(DEVIATIONS.length);
    expect(deviationsOf('firefox')).toEqual([]);
    expect(hasDeviation('chromium', 'authorization-covered-by-wildcard')).toBe(true);
    expect(hasDeviation('webkit', 'authorization-covered-by-wildcard')).toBe(false);
  });
});
