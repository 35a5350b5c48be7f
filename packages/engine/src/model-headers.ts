import type { EngineName } from '@cors-playground/scenario';
import { isToken, normalizeHeaderValue, type HeaderList } from './header-list';
import { isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader } from './request-classification';
import { FORBIDDEN_RESPONSE_HEADER_NAME_SET } from './response-filtering';

/** https://fetch.spec.whatwg.org/#concept-headers-guard */
export const HEADERS_GUARDS = ['none', 'request', 'request-no-cors', 'response', 'immutable'] as const;
export type HeadersGuard = (typeof HEADERS_GUARDS)[number];

interface HeadersState {
  list: HeaderList;
  guard: HeadersGuard;
  engine: EngineName;
}

const STATE = new WeakMap<object, HeadersState>();

function stateOf(headers: object): HeadersState {
  const state = STATE.get(headers);
  if (!state) throw new TypeError("Illegal invocation: not a Headers object");
  return state;
}

/** The header list behind a Headers object of the model (the list a request is built from). */
export function headerListOf(headers: ModelHeaders): HeaderList {
  return stateOf(headers).list;
}

function fail(method: string, message: string): TypeError {
  return new TypeError(method === 'constructor' ? `Failed to construct 'Headers': ${message}` : `Failed to execute '${method}' on 'Headers': ${message}`);
}

/** https://fetch.spec.whatwg.org/#concept-headers-validate: the value, normalized, or a TypeError. */
function validate(method: string, name: unknown, value: unknown): [string, string] {
  const text = normalizeHeaderValue(String(value));
  if (!isToken(String(name))) throw fail(method, 'Invalid name');
  if ([...text].some((c) => c.charCodeAt(0) > 0xff)) throw fail(method, 'String contains non ISO-8859-1 code point.');
  if (/[\0\r\n]/.test(text)) throw fail(method, 'Invalid value');
  return [String(name), text];
}

/** Whether the guard silently ignores (name, value): forbidden request headers and the like. */
function ignoredByGuard(state: HeadersState, method: string, name: string, value: string): boolean {
  if (state.guard === 'immutable') throw fail(method, 'Headers are immutable');
  if (state.guard === 'request') return isForbiddenRequestHeader(name, value);
  if (state.guard === 'response') return FORBIDDEN_RESPONSE_HEADER_NAME_SET.has(name.toLowerCase());
  if (state.guard === 'request-no-cors') return !isNoCorsSafelistedRequestHeader(name, value, state.engine);
  return false;
}

type HeadersInitLike = Iterable<Iterable<unknown>> | Record<string, unknown> | ModelHeaders | null | undefined;

/** https://fetch.spec.whatwg.org/#headers-class, over the model's header lists. */
export class ModelHeaders {
  constructor(init?: HeadersInitLike, guard: HeadersGuard = 'none', engine: EngineName = 'chromium') {
    STATE.set(this, { list: [], guard: 'none', engine });
    if (init !== undefined && init !== null) {
      const pairs = typeof (init as Iterable<unknown>)[Symbol.iterator] === 'function'
        ? [...(init as Iterable<Iterable<unknown>>)].map((pair) => [...pair])
        : Object.entries(init as Record<string, unknown>);
      for (const pair of pairs) {
        if (pair.length !== 2) throw fail('constructor', 'Invalid value');
        const [name, value] = validate('constructor', pair[0], pair[1]);
        if (!ignoredByGuard({ list: [], guard: guard === 'immutable' ? 'none' : guard, engine }, 'constructor', name, value)) stateOf(this).list.push([name, value]);
      }
    }
    stateOf(this).guard = guard;
  }

  append(name: string, value: string): void {
    const state = stateOf(this);
    const [checkedName, checkedValue] = validate('append', name, value);
    const existing = this.get(checkedName);
    const combined = state.guard === 'request-no-cors' && existing !== null ? `${existing}, ${checkedValue}` : checkedValue;
    if (!ignoredByGuard(state, 'append', checkedName, combined)) state.list.push([checkedName, checkedValue]);
  }

  set(name: string, value: string): void {
    const state = stateOf(this);
    const [checkedName, checkedValue] = validate('set', name, value);
    if (ignoredByGuard(state, 'set', checkedName, checkedValue)) return;
    const lower = checkedName.toLowerCase();
    const index = state.list.findIndex(([key]) => key.toLowerCase() === lower);
    if (index === -1) {
      state.list.push([checkedName, checkedValue]);
      return;
    }
    // Replace the first header of that name and drop the others.
    state.list[index] = [checkedName, checkedValue];
    state.list = state.list.filter(([key], at) => at <= index || key.toLowerCase() !== lower);
  }

  delete(name: string): void {
    const state = stateOf(this);
    if (!isToken(String(name))) throw fail('delete', 'Invalid name');
    if (ignoredByGuard(state, 'delete', name, '')) return;
    state.list = state.list.filter(([key]) => key.toLowerCase() !== String(name).toLowerCase());
  }

  get(name: string): string | null {
    if (!isToken(String(name))) throw fail('get', 'Invalid name');
    const lower = String(name).toLowerCase();
    const values = stateOf(this).list.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
    return values.length === 0 ? null : values.join(', ');
  }

  getSetCookie(): string[] {
    return stateOf(this).list.filter(([key]) => key.toLowerCase() === 'set-cookie').map(([, value]) => value);
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine */
  *entries(): IterableIterator<[string, string]> {
    const names = [...new Set(stateOf(this).list.map(([key]) => key.toLowerCase()))].sort();
    for (const name of names) {
      if (name === 'set-cookie') for (const value of this.getSetCookie()) yield [name, value];
      else yield [name, this.get(name)!];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: ModelHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}
