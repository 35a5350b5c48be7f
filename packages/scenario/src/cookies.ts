import { cookieHeaderPairs, splitSetCookie, type CookieAttribute } from './cookie-syntax';
import { siteOf } from './hosts';
import { TOKEN_PATTERN, type Scenario } from './schema';

/**
 * Cookies in a scenario: the `Set-Cookie` lines routes send, checked before a sandbox exists, and
 * the cookie names a request carried, read from its `Cookie` header for the records.
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html
 */

/** The attributes browsers act on (RFC 6265bis section 5.6, and CHIPS's Partitioned). */
export const COOKIE_ATTRIBUTES = ['Domain', 'Path', 'Expires', 'Max-Age', 'Secure', 'HttpOnly', 'SameSite', 'Partitioned'] as const;
const ATTRIBUTE_BY_LOWER_NAME: ReadonlyMap<string, string> = new Map(COOKIE_ATTRIBUTES.map((name) => [name.toLowerCase(), name]));
const SAME_SITE_VALUES = ['Strict', 'Lax', 'None'] as const;

export interface CookieLineError {
  /** Where in the header's value list, when it is a list. */
  index: number | null;
  message: string;
}

const hasTemplate = (text: string) => text.includes('${');
/**
 * A template the request fills in. Checked on the line as written: an expansion could hold "; "
 * and add attributes, so a Set-Cookie line may only use templates the scenario fixes (origins).
 */
const REQUEST_TEMPLATE = /\$\{request[.:]/;

/**
 * What is wrong with one Set-Cookie line sent by an origin of `site`, or null. A browser silently
 * drops or reinterprets these, so the playground refuses them with a reason instead. What a browser
 * refuses on purpose (SameSite=None without Secure, a __Host- cookie with a Domain) stays allowed:
 * seeing the browser refuse it is a lesson.
 */
export function setCookieLineError(line: string, site: string): string | null {
  if (REQUEST_TEMPLATE.test(line)) {
    return 'cannot hold a ${request.…} template: the request would choose what the line holds, such as "1; Domain=localhost", past the Domain check; write the value out (${origin:LABEL} is allowed)';
  }
  const { pair, attributes } = splitSetCookie(line);
  if (!pair.hasEquals) return `"${pair.value}" is not NAME=VALUE: a Set-Cookie line starts with the cookie's name, "=" and its value, then "; " and attributes`;
  if (pair.name === '') return 'the cookie has no name (nothing before "=")';
  if (!hasTemplate(pair.name) && !TOKEN_PATTERN.test(pair.name)) return `the cookie name "${pair.name}" is not a token (letters, digits and !#$%&'*+-.^_\`|~)`;
  for (const attribute of attributes) {
    const error = attributeError(attribute, site);
    if (error) return error;
  }
  return null;
}

function attributeError({ text, name: written, value, hasValue }: CookieAttribute, site: string): string | null {
  const name = ATTRIBUTE_BY_LOWER_NAME.get(written.toLowerCase());
  if (name === undefined) return `"${written}" is not a cookie attribute (browsers ignore it; known: ${COOKIE_ATTRIBUTES.join(', ')})`;
  if (hasTemplate(value) && name !== 'Domain') return null;
  switch (name) {
    case 'Domain':
      return domainError(value, site);
    case 'Path':
      return value.startsWith('/') ? null : `Path=${value} must start with "/" (a browser ignores it and uses the default path, the request path up to its last "/")`;
    case 'Max-Age':
      return /^-?\d+$/.test(value) ? null : `Max-Age=${value} must be a whole number of seconds (0 or less deletes the cookie)`;
    case 'Expires':
      return Number.isNaN(Date.parse(value)) ? `Expires=${value} is not a date (e.g. Expires=Wed, 21 Oct 2037 07:28:00 GMT)` : null;
    case 'SameSite':
      return SAME_SITE_VALUES.some((known) => known.toLowerCase() === value.toLowerCase()) ? null : `SameSite=${value} must be Strict, Lax or None`;
    default:
      return hasValue ? `${name} takes no value (write "${name}", not "${text}")` : null;
  }
}

/**
 * A cookie may widen itself to the origin's site domain (`site-SITE.localhost` locally, where every
 * origin of that site lives), never further: not another site's, and not a parent such as
 * `localhost`, where the playground itself lives.
 */
function domainError(value: string, site: string): string | null {
  if (hasTemplate(value)) return `Domain=${value} cannot hold a template: it may only name this origin's site domain, site-${site}.localhost`;
  const domain = value.replace(/^\./, '').toLowerCase();
  if (domain === '') return null;
  const siteDomain = `site-${site}.`;
  if (domain.startsWith(siteDomain) && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return null;
  return `Domain=${value} is outside this origin's site (site-${site}): a cookie's Domain may only name the site domain, site-${site}.localhost`;
}

/** The errors of every Set-Cookie header of every route, named by header and, for a list, by item. */
export function setCookieErrors(scenario: Scenario, formatPath: (path: ReadonlyArray<PropertyKey>) => string): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  for (const [label, server] of Object.entries(scenario.servers)) {
    if (!Object.hasOwn(scenario.origins, label)) continue;
    const site = siteOf(scenario, label);
    server.routes.forEach((route, routeIndex) => {
      for (const [name, value] of Object.entries(route.headers)) {
        if (name.toLowerCase() !== 'set-cookie') continue;
        const lines = Array.isArray(value) ? value : [value];
        lines.forEach((line, index) => {
          const message = setCookieLineError(line, site);
          const at = ['servers', label, 'routes', routeIndex, 'headers', name, ...(Array.isArray(value) ? [index] : [])];
          if (message) errors.push({ path: formatPath(at), message });
        });
      }
    });
  }
  return errors;
}

/** The names of the cookies in `Cookie` header values ("a=1; b=2"), sorted. */
export function cookieNames(cookieHeaderValues: readonly string[]): string[] {
  return cookieHeaderPairs(cookieHeaderValues)
    .map(({ name }) => name)
    .sort();
}
