import type { ScenarioInput } from '@cors-playground/scenario';

/** The starter scenarios, from corpus/starters (they are also cases of the agreement suite). */
export interface Starter {
  id: string;
  title: string;
  scenario: ScenarioInput;
}

const files = import.meta.glob<ScenarioInput>('../../../../corpus/starters/*.json', { eager: true, import: 'default' });

/** The order of the picker: a story from the simplest failure to the subtler ones; others follow by name. */
const ORDER = [
  'get-blocked-no-acao',
  'get-allowed-with-acao',
  'put-custom-header-preflight',
  'preflight-missing-allow-headers',
  'credentials-with-wildcard',
  'credential-theft-reflected-origin',
];

function rank(id: string): number {
  const index = ORDER.indexOf(id);
  return index === -1 ? ORDER.length : index;
}

export const STARTERS: readonly Starter[] = Object.entries(files)
  .map(([path, scenario]) => {
    const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
    return { id, title: scenario.title || id, scenario };
  })
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

export const DEFAULT_STARTER: Starter = STARTERS[0] ?? {
  id: 'empty',
  title: 'Empty scenario',
  scenario: { version: 1, origins: { app: { site: 'a' } }, page: 'app', client: "log('hello')\n" },
};

export function findStarter(id: string): Starter | undefined {
  return STARTERS.find((starter) => starter.id === id);
}

/** The starter whose scenario is exactly this one, if any: the picker shows it as selected. */
export function starterMatching(input: ScenarioInput | null): Starter | undefined {
  if (!input) return undefined;
  const text = canonicalJson(input);
  return STARTERS.find((starter) => canonicalJson(starter.scenario) === text);
}

/** JSON with object keys sorted, so two documents that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
