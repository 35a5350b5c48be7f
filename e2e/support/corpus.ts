import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertScenario, type Scenario } from '@cors-playground/scenario';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []))
    .sort();
}

export interface CorpusCase {
  name: string;
  scenario: Scenario;
}

/** Every scenario of the corpus, named by its path under corpus/. */
export function corpusCases(): CorpusCase[] {
  return jsonFiles(CORPUS_DIR).map((file) => ({
    name: relative(CORPUS_DIR, file),
    scenario: assertScenario(JSON.parse(readFileSync(file, 'utf8'))),
  }));
}
