import { validateScenario } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import { canonicalJson, DEFAULT_STARTER, STARTERS, starterMatching } from '../src/scenario/starters';

describe('the starters', () => {
  it('include the three situations the picker promises, first the blocked GET', () => {
    const ids = STARTERS.map((starter) => starter.id);
    expect(ids).toEqual(expect.arrayContaining(['get-blocked-no-acao', 'put-custom-header-preflight', 'credentials-with-wildcard']));
    expect(DEFAULT_STARTER.id).toBe('get-blocked-no-acao');
  });

  it('are all valid scenarios with a title and notes', () => {
    for (const starter of STARTERS) {
      const result = validateScenario(starter.scenario);
      expect(result.ok ? [] : result.errors, starter.id).toEqual([]);
      expect(starter.scenario.title, starter.id).toBeTruthy();
      expect(starter.scenario.notes, starter.id).toBeTruthy();
    }
  });

  it('are recognised whatever the key order', () => {
    const starter = STARTERS[1]!;
    const reordered = Object.fromEntries(Object.entries(starter.scenario).reverse()) as typeof starter.scenario;
    expect(starterMatching(reordered)?.id).toBe(starter.id);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
