import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertScenario, liveOrigins, type LiveOrigin, type Scenario } from '@cors-playground/scenario';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus', import.meta.url));

export interface BenchScenario {
  name: string;
  scenario: Scenario;
  origins: Record<string, LiveOrigin>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []))
    .sort();
}

/** Every scenario of the corpus, validated, with live origins as `predict` builds them. */
export function loadCorpus(dir = CORPUS_DIR): BenchScenario[] {
  return jsonFiles(dir).map((file) => {
    const scenario = assertScenario(JSON.parse(readFileSync(file, 'utf8')));
    const origins = liveOrigins(scenario, { sandboxId: 'k3j9x', domain: 'localhost', ports: { http: [8080, 8081], https: [8443, 8444] } });
    return { name: file.slice(dir.length + 1), scenario, origins };
  });
}
