import { describe, expect, it } from 'vitest';
import { exchangeCookies, parseSetCookie } from '../src/view/cookies';

describe('cookies in the server log', () => {
  it('splits the Cookie header a request carried into name=value pairs', () => {
    const { sent } = exchangeCookies([['origin', 'http://evil.localhost'], ['cookie', 'session=abc123; theme=dark; =bare']], []);
    expect(sent).toEqual([{ name: 'session', value: 'abc123' }, { name: 'theme', value: 'dark' }, { name: '', value: 'bare' }]);
  });

  it('reads every Set-Cookie line of an answer with its attributes', () => {
    const { set } = exchangeCookies([], [['Set-Cookie', 'session=abc; Path=/; SameSite=None; Secure; HttpOnly'], ['set-cookie', 'a=b=c']]);
    expect(set).toEqual([
      { name: 'session', value: 'abc', attributes: ['Path=/', 'SameSite=None', 'Secure', 'HttpOnly'] },
      { name: 'a', value: 'b=c', attributes: [] },
    ]);
  });

  it('keeps a value with spaces around its parts readable', () => {
    expect(parseSetCookie(' id = 7 ;  Max-Age=60 ')).toEqual({ name: 'id', value: '7', attributes: ['Max-Age=60'] });
  });
});
