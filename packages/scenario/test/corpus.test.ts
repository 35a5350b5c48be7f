import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatError, parseScenarioJson } from '../src/index';

/**
 * The corpus (corpus/**.json): every file is a valid scenario with a title and notes, and the
 * client code names only origins the scenario defines. The agreement suite (e2e) runs these in a
 * real browser; this test keeps them well-formed without one.
 */
const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

/** Labels named by origin('x') and url('x', ...) in client code (string literals only). */
function labelsInClient(client: string): string[] {
  const labels = new Set<string>();
  for (const match of client.matchAll(/\b(?:url|origin)\(\s*(['"`])([^'"`]*)\1/g)) labels.add(match[2]!);
  return [...labels];
}

/**
 * An agreement file is NN-short-kebab-name.json for 01 to 99 and NNN-short-kebab-name.json from 100
 * on: two digits below 100 (01, not 001) and three digits from 100 (no leading zero).
 */
const AGREEMENT_NAME = /^(0[1-9]|[1-9]\d|[1-9]\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;
const numberOf = (path: string) => Number(relative(CORPUS, path).split('-', 1)[0]);

const files = jsonFiles(CORPUS);
const agreement = files.filter((path) => AGREEMENT_NAME.test(relative(CORPUS, path))).sort((a, b) => numberOf(a) - numberOf(b));

describe('corpus', () => {
  it('holds the agreement corpus: at least 250 files named NN-name.json (01-99) then NNN-name.json (100-999), numbered 1, 2, ... without gaps', () => {
    expect(agreement.length).toBeGreaterThanOrEqual(250);
    const numbers = agreement.map(numberOf);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('names every top-level file NN-short-kebab-name.json or NNN-short-kebab-name.json', () => {
    const topLevel = files.filter((path) => !relative(CORPUS, path).includes('/'));
    expect(topLevel.map((path) => relative(CORPUS, path)).sort()).toEqual(agreement.map((path) => relative(CORPUS, path)).sort());
  });

  it('numbers the files of each topic folder 01, 02, ... without gaps', () => {
    const folders = new Map<string, number[]>();
    for (const path of files) {
      const name = relative(CORPUS, path);
      const [folder, file] = name.split('/');
      if (file === undefined || folder === 'starters') continue;
      expect(file).toMatch(AGREEMENT_NAME);
      folders.set(folder!, [...(folders.get(folder!) ?? []), Number(file.split('-', 1)[0])]);
    }
    for (const [folder, numbers] of folders) {
      expect({ folder, numbers: numbers.sort((a, b) => a - b) }).toEqual({ folder, numbers: numbers.map((_, index) => index + 1) });
    }
  });

  it('has distinct titles across the whole corpus', () => {
    const titles = files.map((path) => (JSON.parse(readFileSync(path, 'utf8')) as { title?: string }).title);
    expect(titles.length - new Set(titles).size).toBe(0);
  });

  describe.each(files.map((path) => [relative(CORPUS, path), path] as const))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const result = parseScenarioJson(text);

    it('parses and is a valid scenario', () => {
      expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
    });

    it('has a title and notes', () => {
      if (!result.ok) return;
      expect(result.scenario.title.trim()).not.toBe('');
      expect(result.scenario.notes.trim()).not.toBe('');
    });

    it('names in its client code only origins it defines', () => {
      if (!result.ok) return;
      const labels = labelsInClient(result.scenario.client);
      expect(result.scenario.client.trim()).not.toBe('');
      const unknown = labels.filter((label) => !Object.hasOwn(result.scenario.origins, label));
      expect(unknown).toEqual([]);
    });
  });

  describe.each(files.filter((path) => !relative(CORPUS, path).startsWith('starters/')).map((path) => [relative(CORPUS, path), path] as const))('%s (form)', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const result = parseScenarioJson(text);

    it('is pretty-printed with a 2-space indent, and its notes are one line', () => {
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      if (result.ok) expect(result.scenario.notes).not.toMatch(/\n/);
    });

    it('names at least one origin in its client code', () => {
      if (!result.ok) return;
      expect(labelsInClient(result.scenario.client).length).toBeGreaterThan(0);
    });
  });
});
