import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;
import type { ScenarioInput } from './schema';
import { validateScenario, type ValidationResult } from './validate';

/**
 * The URL-hash codec: `v1.` then the scenario's JSON compressed with lz-string into URL-safe
 * characters. The prefix names the format, so a later version can migrate old links.
 * Hash content is untrusted: decoding validates and says what went wrong.
 */
export const HASH_PREFIX = 'v1.';

export function encodeScenarioHash(scenario: ScenarioInput): string {
  return HASH_PREFIX + compressToEncodedURIComponent(JSON.stringify(scenario));
}



export function decodeScenarioHash(hash: string): ValidationResult {
  const payload = hash.replace(/^#/, '');
  if (!payload.startsWith(HASH_PREFIX)) {
    return { ok: false, errors: [{ path: '(the link)', message: `is not a scenario link: it does not start with ${HASH_PREFIX}` }] };
  }
  const json = decompressFromEncodedURIComponent(payload.slice(HASH_PREFIX.length));
  if (!json) return { ok: false, errors: [{ path: '(the link)', message: 'is damaged: it does not decompress' }] };
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    return { ok: false, errors: [{ path: '(the link)', message: 'is damaged: it holds no valid JSON' }] };
  }
  return validateScenario(input);
}
