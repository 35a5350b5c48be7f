import { describe, expect, it } from 'vitest';
import { corsCheck, type CredentialsMode } from '../src/index';

const ORIGIN = 'http://app-k3j9x.site-a.localhost:8080';

type Row = [description: string, headers: [string, string][], credentials: CredentialsMode, blockedBy: string | null, hint?: string];

const ROWS: Row[] = [
  ['a wildcard without credentials passes', [['Access-Control-Allow-Origin', '*']], 'same-origin', null],
  ['a wildcard with credentials fails', [['Access-Control-Allow-Origin', '*']], 'include', 'acao-wildcard-with-credentials', ''],
  ['no Access-Control-Allow-Origin fails', [], 'omit', 'acao-missing', ''],
  ['the exact origin passes', [['Access-Control-Allow-Origin', ORIGIN]], 'omit', null],
  ['another origin fails as a mismatch', [['Access-Control-Allow-Origin', 'http://evil.example']], 'omit', 'acao-mismatch', 'http://evil.example'],
  ['a trailing slash fails as a mismatch', [['Access-Control-Allow-Origin', `${ORIGIN}/`]], 'omit', 'acao-mismatch', `${ORIGIN}/`],
  ['"null" fails as a mismatch', [['Access-Control-Allow-Origin', 'null']], 'omit', 'acao-mismatch', 'null'],
  ['a value that is no URL is invalid', [['Access-Control-Allow-Origin', 'foo']], 'omit', 'acao-invalid', 'foo'],
  ['two header lines are combined and fail as multiple values', [['Access-Control-Allow-Origin', ORIGIN], ['access-control-allow-origin', '*']], 'omit', 'acao-multiple', `${ORIGIN}, *`],
  ['two wildcards fail as multiple values', [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Origin', '*']], 'omit', 'acao-multiple', '*, *'],
  ['a space-separated list fails as multiple values', [['Access-Control-Allow-Origin', `${ORIGIN} http://x`]], 'omit', 'acao-multiple', `${ORIGIN} http://x`],
  ['credentials need Access-Control-Allow-Credentials', [['Access-Control-Allow-Origin', ORIGIN]], 'include', 'acac-missing', ''],
  ['credentials need exactly "true"', [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'True']], 'include', 'acac-invalid', 'True'],
  ['"true" twice is not "true"', [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Credentials', 'true']], 'include', 'acac-invalid', 'true, true'],
  ['credentials pass with the exact origin and "true"', [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'true']], 'include', null],
];

describe('the CORS check', () => {
  it.each(ROWS)('%s', (_description, headers, credentialsMode, blockedBy, hint) => {
    const result = corsCheck({ serializedOrigin: ORIGIN, credentialsMode }, headers);
    expect(result.ok ? null : result.blockedBy).toBe(blockedBy);
    expect(result.verdict.spec).toBe('https://fetch.spec.whatwg.org/#concept-cors-check');
    if (!result.ok) {
      expect(result.failure.hint).toBe(hint);
      expect(result.verdict.result).toBe('fail');
      expect(result.verdict.blockedBy).toBe(blockedBy);
    }
  });

  it('compares against "null" once the request origin is redirect-tainted', () => {
    expect(corsCheck({ serializedOrigin: 'null', credentialsMode: 'omit' }, [['Access-Control-Allow-Origin', 'null']]).ok).toBe(true);
    expect(corsCheck({ serializedOrigin: 'null', credentialsMode: 'omit' }, [['Access-Control-Allow-Origin', ORIGIN]]).ok).toBe(false);
  });

  it('prefixes the ids of a failed preflight with "preflight-"', () => {
    const result = corsCheck({ serializedOrigin: ORIGIN, credentialsMode: 'omit' }, [], true);
    expect(result.ok ? null : [result.blockedBy, result.failure.preflight]).toEqual(['preflight-acao-missing', true]);
  });
});
