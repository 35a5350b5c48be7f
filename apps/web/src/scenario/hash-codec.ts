import {
  decodeScenarioHash,
  encodeScenarioHash,
  formatError,
  type Scenario,
  type ScenarioInput,
} from '@cors-playground/scenario';

/**
 * The glue between the URL hash and the editors: `#` + encodeScenarioHash(scenario). Hash content
 * is untrusted: decoding validates it and, when it fails, says why so the UI can show it.
 * Functions take `location` and `history` as parameters so tests can pass their own.
 */
export type HashRead =
  | { kind: 'empty' }
  | { kind: 'scenario'; input: ScenarioInput }
  | { kind: 'invalid'; message: string };

export function readScenarioHash(hash: string): HashRead {
  if (hash === '' || hash === '#') return { kind: 'empty' };
  const result = decodeScenarioHash(hash);
  if (!result.ok) {
    const shown = result.errors.slice(0, 3).map(formatError).join('; ');
    const more = result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : '';
    return { kind: 'invalid', message: shown + more };
  }
  return { kind: 'scenario', input: compactScenario(result.scenario) };
}

export function hashFor(input: ScenarioInput): string {
  return `#${encodeScenarioHash(input)}`;
}

/** Writes the hash with history.replaceState, only when it changed. Returns whether it wrote. */
export function writeScenarioHash(
  input: ScenarioInput,
  location: Pick<Location, 'hash'>,
  history: Pick<History, 'replaceState' | 'state'>,
): boolean {
  const next = hashFor(input);
  if (location.hash === next) return false;
  history.replaceState(history.state, '', next);
  return true;
}

/**
 * A decoded scenario has every default filled in; the editor shows it without the defaults that
 * only add noise (empty title, notes, headers and bodies, no delay), keeping status and method,
 * which a reader of a route wants to see.
 */
export function compactScenario(scenario: Scenario): ScenarioInput {
  const servers = Object.fromEntries(
    Object.entries(scenario.servers).map(([label, server]) => [
      label,
      {
        ...(server.cors ? { cors: server.cors } : {}),
        routes: server.routes.map(({ headers, body, delayMs, ...route }) => ({
          ...route,
          ...(Object.keys(headers).length > 0 ? { headers } : {}),
          ...(body !== '' ? { body } : {}),
          ...(delayMs !== 0 ? { delayMs } : {}),
        })),
      },
    ]),
  );
  const { version, title, notes, origins, page, context, browser, client, servers: _servers, ...rest } = scenario;
  return {
    version,
    ...(title !== '' ? { title } : {}),
    ...(notes !== '' ? { notes } : {}),
    origins,
    page,
    ...(context !== 'frame' ? { context } : {}),
    ...(browser.thirdPartyCookies !== 'allowed' ? { browser } : {}),
    // Fields added to the schema later are kept as decoded rather than silently dropped.
    ...rest,
    client,
    servers,
  };
}
