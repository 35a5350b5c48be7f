import { fileURLToPath } from 'node:url';
import { loadScenarioInput } from '@cors-playground/cli';
import type { Scenario } from '@cors-playground/scenario';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

export interface CorpusCase {
  name: string;
  scenario: Scenario;
}

/**
 * Every scenario of the corpus, named by its path under corpus/, read the way
 * `cors-playground verify corpus` reads it. An invalid file stops the suite with its errors.
 */
export async function corpusCases(): Promise<CorpusCase[]> {
  const input = await loadScenarioInput(CORPUS_DIR, '.');
  const invalid = input.loaded.flatMap((entry) => (entry.ok ? [] : entry.messages));
  if (invalid.length > 0) throw new Error(`invalid corpus files:\n${invalid.join('\n')}`);
  return input.loaded.flatMap((entry) => (entry.ok ? [{ name: entry.file, scenario: entry.scenario }] : []));
}
