import { describe, expect, it } from 'vitest';
import { headerListOf, ModelHeaders, ModelResponseObject } from '../src/index';

describe('the modelled Headers', () => {
  it('iterates sorted, lower case and combined, with Set-Cookie kept apart', () => {
    const headers = new ModelHeaders({ 'X-B': '1', Cookie: 'a' });
    headers.append('set-cookie', 'a=1');
    headers.append('Set-Cookie', 'b=2');
    headers.append('x-b', '2');
    expect([...headers]).toEqual([['cookie', 'a'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['x-b', '1, 2']]);
    expect([...headers.keys()]).toEqual(['cookie', 'set-cookie', 'set-cookie', 'x-b']);
    expect([...headers.values()]).toEqual(['a', 'a=1', 'b=2', '1, 2']);
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const seen: string[] = [];
    headers.forEach((value, name) => seen.push(`${name}=${value}`));
    expect(seen).toEqual(['cookie=a', 'set-cookie=a=1', 'set-cookie=b=2', 'x-b=1, 2']);
    expect(Object.prototype.toString.call(headers)).toBe('[object Headers]');
    expect(JSON.stringify(headers)).toBe('{}');
  });

  it('sets, deletes and reads case-insensitively', () => {
    const headers = new ModelHeaders([['A', '1'], ['b', '2'], ['a', '3']]);
    headers.set('a', ' 9 ');
    expect(headerListOf(headers)).toEqual([['a', '9'], ['b', '2']]);
    headers.set('c', '4');
    headers.delete('B');
    expect([headers.get('A'), headers.has('b'), headers.get('c')]).toEqual(['9', false, '4']);
  });

  it('throws what Chromium throws for a bad name or value', () => {
    expect(() => new ModelHeaders({ 'a b': '1' })).toThrow("Failed to construct 'Headers': Invalid name");
    expect(() => new ModelHeaders([['a']] as unknown as [string, string][])).toThrow("Failed to construct 'Headers': Invalid value");
    expect(() => new ModelHeaders({ a: 'x\ny' })).toThrow("Failed to construct 'Headers': Invalid value");
    expect(() => new ModelHeaders().append('a', 'x\u0100')).toThrow("Failed to execute 'append' on 'Headers': String contains non ISO-8859-1 code point.");
    expect(() => new ModelHeaders().get('a b')).toThrow("Failed to execute 'get' on 'Headers': Invalid name");
    expect(() => new ModelHeaders().delete('a b')).toThrow("Failed to execute 'delete' on 'Headers': Invalid name");
    expect(() => ModelHeaders.prototype.get.call({}, 'a')).toThrow('Illegal invocation');
  });

  it.each([
    ['request', 'Cookie', 'a', false],
    ['request', 'X-Token', '1', true],
    ['request-no-cors', 'X-Token', '1', false],
    ['request-no-cors', 'Accept', 'text/x', true],
    ['response', 'Set-Cookie', 'a=1', false],
    ['response', 'X-A', '1', true],
    ['none', 'Cookie', 'a', true],
  ] as const)('with guard %s, appending %s keeps it: %s', (guard, name, value, kept) => {
    const headers = new ModelHeaders(undefined, guard);
    headers.append(name, value);
    headers.set(name, value);
    expect(headers.has(name)).toBe(kept);
    headers.delete(name);
    expect(headers.has(name)).toBe(false);
  });

  it('drops an appended value in no-cors mode when the combined value is no longer safelisted', () => {
    const headers = new ModelHeaders(undefined, 'request-no-cors');
    headers.append('Accept', 'a'.repeat(100));
    headers.append('Accept', 'b'.repeat(100));
    expect(headers.get('accept')).toBe('a'.repeat(100));
  });

  it('cannot be changed when immutable', () => {
    const headers = new ModelHeaders({ a: '1' }, 'immutable');
    expect(() => headers.append('b', '2')).toThrow("Failed to execute 'append' on 'Headers': Headers are immutable");
    expect(() => headers.set('a', '2')).toThrow("Failed to execute 'set' on 'Headers': Headers are immutable");
    expect(() => headers.delete('a')).toThrow("Failed to execute 'delete' on 'Headers': Headers are immutable");
  });
});

describe('the modelled Response', () => {
  it('can be made by the page, as in a browser', async () => {
    const response = new ModelResponseObject('hi', { status: 201, statusText: 'Made', headers: { 'X-A': '1', 'Set-Cookie': 'a' } });
    expect([response.type, response.status, response.statusText, response.ok, response.url, response.redirected]).toEqual(['default', 201, 'Made', true, '', false]);
    expect([...response.headers]).toEqual([['x-a', '1']]);
    expect(await response.text()).toBe('hi');
    expect(await new ModelResponseObject().text()).toBe('');
    expect(Object.prototype.toString.call(response)).toBe('[object Response]');
    expect(() => new ModelResponseObject('', { status: 100 })).toThrow("Failed to construct 'Response': The status provided (100) is outside the range [200, 599].");
    expect(() => Object.getOwnPropertyDescriptor(ModelResponseObject.prototype, 'status')!.get!.call({})).toThrow('Illegal invocation');
  });
});
