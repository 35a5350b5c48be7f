import type { EngineName } from '@cors-playground/scenario';
import { CHROMIUM_EXTRA_SAFELISTED_REQUEST_HEADERS, hasDeviation } from './deviations';
import { sortedLowercaseSet, type HeaderList } from './header-list';
import { parseMimeTypeEssence } from './mime-type';

/** https://fetch.spec.whatwg.org/#cors-safelisted-method */
export const CORS_SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'] as const;
export const CORS_SAFELISTED_METHOD_SET: ReadonlySet<string> = new Set(CORS_SAFELISTED_METHODS);

/** https://fetch.spec.whatwg.org/#forbidden-method (compared byte-case-insensitively) */
export const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'] as const;
export const FORBIDDEN_METHOD_SET: ReadonlySet<string> = new Set(FORBIDDEN_METHODS);

/** https://fetch.spec.whatwg.org/#concept-method-normalize */
export const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'] as const;
export const NORMALIZED_METHOD_SET: ReadonlySet<string> = new Set(NORMALIZED_METHODS);

/** https://fetch.spec.whatwg.org/#forbidden-request-header, step 1 */
export const FORBIDDEN_REQUEST_HEADER_NAMES = [
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive',
  'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
] as const;
export const FORBIDDEN_REQUEST_HEADER_NAME_SET: ReadonlySet<string> = new Set(FORBIDDEN_REQUEST_HEADER_NAMES);

/** https://fetch.spec.whatwg.org/#forbidden-request-header, step 3 */
export const METHOD_OVERRIDE_HEADER_NAMES = ['x-http-method', 'x-http-method-override', 'x-method-override'] as const;
const METHOD_OVERRIDE_HEADER_NAME_SET: ReadonlySet<string> = new Set(METHOD_OVERRIDE_HEADER_NAMES);

/** https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name */
export const NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES = ['accept', 'accept-language', 'content-language', 'content-type'] as const;
const NO_CORS_SAFELISTED_REQUEST_HEADER_NAME_SET: ReadonlySet<string> = new Set(NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES);

/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header, content-type */
export const CORS_SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const;
export const CORS_SAFELISTED_CONTENT_TYPE_SET: ReadonlySet<string> = new Set(CORS_SAFELISTED_CONTENT_TYPES);

/** https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name */
export const CORS_NON_WILDCARD_REQUEST_HEADER_NAMES = ['authorization'] as const;
export const CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET: ReadonlySet<string> = new Set(CORS_NON_WILDCARD_REQUEST_HEADER_NAMES);

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHOD_SET.has(upper) ? upper : method;
}

export function isCorsSafelistedMethod(method: string): boolean {
  return CORS_SAFELISTED_METHOD_SET.has(method);
}

export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHOD_SET.has(method.toUpperCase());
}

/** https://fetch.spec.whatwg.org/#forbidden-request-header */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  // 1. A name on the list.
  if (FORBIDDEN_REQUEST_HEADER_NAME_SET.has(lower)) return true;
  // 2. A name that starts with `proxy-` or `sec-`.
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  // 3. A method-override header whose value names a forbidden method.
  if (METHOD_OVERRIDE_HEADER_NAME_SET.has(lower)) return value.split(',').some((method) => isForbiddenMethod(method.trim()));
  return false;
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte: 0x00-0x08, 0x0A-0x1F and "():<>?@[\\]{} DEL. */
export const CORS_UNSAFE_REQUEST_HEADER_BYTES = [0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f] as const;
const UNSAFE_BYTE = new Uint8Array(256);
for (let code = 0; code < 0x20; code++) if (code !== 0x09) UNSAFE_BYTE[code] = 1;
for (const code of CORS_UNSAFE_REQUEST_HEADER_BYTES) UNSAFE_BYTE[code] = 1;

export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  return UNSAFE_BYTE[code] === 1;
}

const SAFELISTED_NAME_SET: ReadonlySet<string> = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);
const NOT_A_SAFELISTED_NAME = 'it is not one of Accept, Accept-Language, Content-Language, Content-Type and Range';

function hasUnsafeByte(value: string): boolean {
  for (let index = 0; index < value.length; index++) if (UNSAFE_BYTE[value.charCodeAt(index)] === 1) return true;
  return false;
}

/** https://httpwg.org/specs/rfc9110.html#field.range, as "parse a single range header value" with whitespace disallowed. */
function isSimpleRange(value: string): boolean {
  const match = /^bytes=(\d+)-(\d*)$/.exec(value);
  return match !== null && (match[2] === '' || Number(match[1]) <= Number(match[2]));
}

/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * Why (name, value) is not a CORS-safelisted request-header, or null when it is.
 */
export function corsSafelistFailure(name: string, value: string, engine: EngineName): string | null {
  const lower = name.toLowerCase();
  const extra = hasDeviation(engine, 'client-hint-request-headers-safelisted') ? CHROMIUM_EXTRA_SAFELISTED_REQUEST_HEADERS.get(lower) : undefined;
  if (!SAFELISTED_NAME_SET.has(lower) && !extra) return NOT_A_SAFELISTED_NAME;
  // 1. If value's length is greater than 128, then return false.
  if (value.length > 128) return `its value is longer than 128 bytes (${value.length})`;
  // 2. Byte-lowercase name and switch on the result.
  switch (lower) {
    case 'accept':
      return hasUnsafeByte(value) ? 'its value holds a CORS-unsafe byte' : null;
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value) ? null : 'its value holds a byte other than 0-9, A-Z, a-z, space and *,-.;=';
    case 'content-type':
      return contentTypeFailure(value);
    case 'range':
      return isSimpleRange(value) ? null : 'only a single range of the form bytes=N- or bytes=N-M is safelisted';
    default:
      return extra!(value) ? null : 'its value does not have the form the engine safelists';
  }
}

function contentTypeFailure(value: string): string | null {
  if (hasUnsafeByte(value)) return 'its value holds a CORS-unsafe byte';
  const essence = parseMimeTypeEssence(value);
  if (essence === null) return `${JSON.stringify(value)} is not a MIME type`;
  return CORS_SAFELISTED_CONTENT_TYPE_SET.has(essence) ? null : `${essence} is not application/x-www-form-urlencoded, multipart/form-data or text/plain`;
}

export function isCorsSafelistedRequestHeader(name: string, value: string, engine: EngineName = 'chromium'): boolean {
  return corsSafelistFailure(name, value, engine) === null;
}

export interface UnsafeHeaderName {
  name: string;
  why: string;
}

/**
 * The answers for header lists already classified, by list and engine. A request's header list is
 * never changed in place (a redirect that drops headers makes a new list), so its identity is a key.
 */
const CLASSIFIED = new WeakMap<HeaderList, Partial<Record<EngineName, readonly UnsafeHeaderName[]>>>();

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, each with the reason. */
export function explainCorsUnsafeRequestHeaderNames(headers: HeaderList, engine: EngineName): readonly UnsafeHeaderName[] {
  let byEngine = CLASSIFIED.get(headers);
  const known = byEngine?.[engine];
  if (known !== undefined) return known;
  const names = classifyHeaderList(headers, engine);
  if (byEngine === undefined) CLASSIFIED.set(headers, (byEngine = {}));
  byEngine[engine] = names;
  return names;
}

function classifyHeaderList(headers: HeaderList, engine: EngineName): UnsafeHeaderName[] {
  // 1-3. Let unsafeNames and potentiallyUnsafeNames be new lists, safelistValueSize 0.
  const unsafe = new Map<string, string>();
  const potentiallyUnsafe: string[] = [];
  let safelistValueSize = 0;
  // 4. For each header: if it is not CORS-safelisted, append its name to unsafeNames;
  //    otherwise to potentiallyUnsafeNames, adding its value's length to safelistValueSize.
  for (const [name, value] of headers) {
    const why = corsSafelistFailure(name, value, engine);
    if (why !== null) unsafe.set(name.toLowerCase(), why);
    else {
      potentiallyUnsafe.push(name.toLowerCase());
      safelistValueSize += value.length;
    }
  }
  // 5. If safelistValueSize is greater than 1024, every potentially unsafe name is unsafe.
  if (safelistValueSize > 1024) {
    for (const name of potentiallyUnsafe) unsafe.set(name, 'the safelisted header values add up to more than 1024 bytes');
  }
  // 6. Return the names as a sorted-lowercase set.
  return sortedLowercaseSet(unsafe.keys()).map((name) => ({ name, why: unsafe.get(name)! }));
}

const NAMES = new WeakMap<readonly UnsafeHeaderName[], readonly string[]>();

export function corsUnsafeRequestHeaderNames(headers: HeaderList, engine: EngineName = 'chromium'): readonly string[] {
  const explained = explainCorsUnsafeRequestHeaderNames(headers, engine);
  let names = NAMES.get(explained);
  if (names === undefined) NAMES.set(explained, (names = explained.map((entry) => entry.name)));
  return names;
}

/** https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header */
export function isNoCorsSafelistedRequestHeader(name: string, value: string, engine: EngineName = 'chromium'): boolean {
  return NO_CORS_SAFELISTED_REQUEST_HEADER_NAME_SET.has(name.toLowerCase()) && isCorsSafelistedRequestHeader(name, value, engine);
}

/**
 * Why a request needs a CORS-preflight fetch (main fetch, the use-CORS-preflight / unsafe-request
 * branch), in the words the playground shows: empty when it needs none.
 */
export function preflightReasons(method: string, headers: HeaderList, engine: EngineName, useCorsPreflight = false): string[] {
  const reasons: string[] = [];
  if (useCorsPreflight) reasons.push('the use-CORS-preflight flag is set');
  if (!isCorsSafelistedMethod(method)) reasons.push(`method ${method} is not CORS-safelisted`);
  for (const { name, why } of explainCorsUnsafeRequestHeaderNames(headers, engine)) {
    reasons.push(why === NOT_A_SAFELISTED_NAME ? `header ${name} is not CORS-safelisted` : `header ${name} is not CORS-safelisted: ${why}`);
  }
  return reasons;
}
