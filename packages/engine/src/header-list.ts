/**
 * Header lists: ordered (name, value) pairs in which a name may repeat, as on the wire.
 * https://fetch.spec.whatwg.org/#concept-header-list
 */
export type HeaderList = Array<[name: string, value: string]>;

/** RFC 9110 token: what a method and a header name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** https://fetch.spec.whatwg.org/#http-whitespace-byte */
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/** https://fetch.spec.whatwg.org/#concept-header-value-normalize */
export function normalizeHeaderValue(value: string): string {
  return value.replace(HTTP_WHITESPACE, '');
}

/** https://fetch.spec.whatwg.org/#header-value: no NUL, CR or LF, no leading or trailing whitespace. */
export function isHeaderValue(value: string): boolean {
  return !/[\0\r\n]/.test(value) && normalizeHeaderValue(value) === value && [...value].every((c) => c.charCodeAt(0) <= 0xff);
}

export function hasHeader(list: HeaderList, name: string): boolean {
  const lower = name.toLowerCase();
  return list.some(([key]) => key.toLowerCase() === lower);
}

/**
 * https://fetch.spec.whatwg.org/#concept-header-list-get
 * The values of every header named `name`, joined with ", " (what the network stack hands the CORS
 * code when a header line repeats); null when there is none.
 */
export function getHeader(list: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  const values = list.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
  return values.length === 0 ? null : values.join(', ');
}

export function deleteHeader(list: HeaderList, name: string): HeaderList {
  const lower = name.toLowerCase();
  return list.filter(([key]) => key.toLowerCase() !== lower);
}

/** https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set */
export function sortedLowercaseSet(names: Iterable<string>): string[] {
  return [...new Set([...names].map((name) => name.toLowerCase()))].sort();
}

/**
 * https://fetch.spec.whatwg.org/#extract-header-list-values
 * For the comma-separated token lists (Access-Control-Allow-Methods, -Allow-Headers,
 * -Expose-Headers): null when the header is absent, "failure" when a value is not a token.
 * Empty items are skipped, as Chromium's parser does (net::HttpUtil::ValuesIterator).
 */
export function extractHeaderListValues(list: HeaderList, name: string): string[] | null | 'failure' {
  const combined = getHeader(list, name);
  if (combined === null) return null;
  const values: string[] = [];
  for (const item of combined.split(',')) {
    const value = item.replace(/^[\t ]+|[\t ]+$/g, '');
    if (value === '') continue;
    if (!isToken(value)) return 'failure';
    values.push(value);
  }
  return values;
}
