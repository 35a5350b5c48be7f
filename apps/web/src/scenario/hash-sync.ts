import { dismissNotice, loadScenario, showNotice } from '../store/actions';
import { usePlaygroundStore } from '../store/store';
import { hashFor, readScenarioHash, writeScenarioHash } from './hash-codec';
import { DEFAULT_STARTER } from './starters';

export interface HashSyncEnvironment {
  location: Pick<Location, 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Where `hashchange` fires: the window. */
  events: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/** Edits are written to the hash this long after the last keystroke. */
export const HASH_WRITE_DELAY_MS = 300;

/** Loads the scenario a hash names; a bad hash keeps the default starter and says why. */
export function loadFromHash(hash: string): void {
  const read = readScenarioHash(hash);
  if (read.kind === 'scenario') {
    loadScenario(read.input);
    dismissNotice();
  } else if (read.kind === 'invalid') {
    loadScenario(DEFAULT_STARTER.scenario);
    showNotice({ tone: 'warning', text: `This link’s scenario could not be opened: ${read.message}. Showing the starter “${DEFAULT_STARTER.title}” instead.` });
  }
}

/**
 * Keeps the URL hash and the scenario slice in step: the hash is read once at start and whenever
 * the user changes it (a pasted link), and written with history.replaceState, debounced, only when
 * the valid scenario changed. An invalid scenario is not written, so the last good one stays.
 */
export function startHashSync(env: HashSyncEnvironment): () => void {
  loadFromHash(env.location.hash);
  let written = env.location.hash;
  let timer: number | null = null;

  const write = () => {
    timer = null;
    const { input, validation } = usePlaygroundStore.getState().scenario;
    if (!input || !validation.ok) return;
    writeScenarioHash(input, env.location, env.history);
    written = env.location.hash;
  };
  const unsubscribe = usePlaygroundStore.subscribe((state, previous) => {
    if (state.scenario.input === previous.scenario.input || !state.scenario.validation.ok) return;
    if (state.scenario.input && hashFor(state.scenario.input) === env.location.hash) return;
    if (timer !== null) env.clearTimeout(timer);
    timer = env.setTimeout(write, HASH_WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    if (env.location.hash !== written) {
      written = env.location.hash;
      loadFromHash(env.location.hash);
    }
  };
  env.events.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    if (timer !== null) env.clearTimeout(timer);
    env.events.removeEventListener('hashchange', onHashChange);
  };
}
