import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { setCookieErrors } from './cookies';
import { corsOptionTexts } from './cors-options';
import { LIMITS } from './limits';
import { scenarioSchema, type Scenario } from './schema';
import { proxyRouteErrors } from './proxy';
import { originLabelsIn, usesRequestBody } from './templates';

/** One failing rule, at a JSON path written as a reader would: servers.api.routes[1].headers.X-A */
export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(String(key))) text += text === '' ? String(key) : `.${String(key)}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? '(the scenario)' : text;
}

export function formatError(error: ValidationError): string {
  return `${error.path}: ${error.message}`;
}

function fromZodIssue(issue: z.core.$ZodIssue): ValidationError[] {
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the branch that got furthest: the one whose first issue has the longest path.
    const best = issue.errors.reduce((a, b) => ((b[0]?.path.length ?? 0) > (a[0]?.path.length ?? 0) ? b : a));
    return best.flatMap((inner) => fromZodIssue({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((inner) => ({ path: formatPath(issue.path), message: inner.message }));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'is not a known field' }));
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

/** Rules that span fields, checked once the shape is right. */
function crossFieldErrors(scenario: Scenario): ValidationError[] {
  const errors: ValidationError[] = [];
  const labels = Object.keys(scenario.origins);
  const has = (label: string) => Object.hasOwn(scenario.origins, label);
  if (labels.length < 1 || labels.length > LIMITS.origins) {
    errors.push({ path: 'origins', message: `must hold 1 to ${LIMITS.origins} origins (it holds ${labels.length})` });
  }
  if (!has(scenario.page)) errors.push({ path: 'page', message: `names no origin (origins: ${labels.join(', ')})` });
  const tuples = new Map<string, string>();
  for (const [label, spec] of Object.entries(scenario.origins)) {
    if (spec.host !== undefined && spec.host !== label) {
      const target = scenario.origins[spec.host];
      if (!target) errors.push({ path: `origins.${label}.host`, message: `names no origin "${spec.host}"` });
      else if (target.host !== undefined && target.host !== spec.host) errors.push({ path: `origins.${label}.host`, message: `"${spec.host}" reuses a host itself; name the origin that owns the host` });
      if (spec.site !== undefined) errors.push({ path: `origins.${label}.site`, message: 'cannot be set with host: the site is the host\'s' });
    }
    const tuple = `${spec.scheme ?? 'http'}://${spec.host ?? label}:${spec.port ?? 0}`;
    const twin = tuples.get(tuple);
    if (twin !== undefined) errors.push({ path: `origins.${label}`, message: `is the same origin as "${twin}"; change its scheme or port` });
    tuples.set(tuple, label);
  }
  for (const [label, server] of Object.entries(scenario.servers)) {
    if (!has(label)) errors.push({ path: `servers.${label}`, message: `names no origin (origins: ${labels.join(', ')})` });
    for (const { path, text } of server.cors ? corsOptionTexts(server.cors) : []) {
      const at = formatPath(['servers', label, 'cors', 'options', ...path]);
      for (const named of originLabelsIn(text)) if (!has(named)) errors.push({ path: at, message: `\${origin:${named}} names no origin (origins: ${labels.join(', ')})` });
    }
    server.routes.forEach((route, index) => {
      const at = `servers.${label}.routes[${index}]`;
      const texts: Array<[string, string]> = [[`${at}.body`, route.body]];
      if (route.asset !== undefined && route.body !== '') errors.push({ path: `${at}.body`, message: `cannot be set with asset: the route answers with the "${route.asset}" asset's bytes` });
      for (const [name, value] of Object.entries(route.headers)) {
        const headerPath = formatPath(['servers', label, 'routes', index, 'headers', name]);
        for (const line of Array.isArray(value) ? value : [value]) texts.push([headerPath, line]);
        if ((Array.isArray(value) ? value : [value]).some(usesRequestBody)) errors.push({ path: headerPath, message: '${request.body} may be used in a body only (a body may hold line breaks, which a header value cannot)' });
      }
      errors.push(...proxyRouteErrors(route, at, labels));
      if (route.websocket !== undefined && route.websocket !== true) route.websocket.origins.forEach((allowed, item) => texts.push([`${at}.websocket.origins[${item}]`, allowed]));
      if (route.postMessage) texts.push([`${at}.postMessage.data`, route.postMessage.data ?? ''], [`${at}.postMessage.targetOrigin`, route.postMessage.targetOrigin]);
      for (const [path, text] of texts) {
        for (const named of originLabelsIn(text)) {
          if (!has(named)) errors.push({ path, message: `\${origin:${named}} names no origin (origins: ${labels.join(', ')})` });
        }
      }
    });
  }
  errors.push(...setCookieErrors(scenario, formatPath));
  return errors;
}

export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input, { error: (issue) => (issue.input === undefined ? 'is required' : undefined) });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(fromZodIssue) };
  const errors = crossFieldErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

export class ScenarioError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Validates or throws a ScenarioError that lists every failing path. */
export function assertScenario(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new ScenarioError(result.errors);
  return result.scenario;
}

export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

/** Where the first JSON syntax error of a text is, and what it is (jsonc-parser, as VS Code uses). */
export function jsonSyntaxError(text: string): (JsonPosition & { message: string }) | null {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  const before = text.slice(0, first.offset).split('\n');
  return { offset: first.offset, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: printParseErrorCode(first.error) };
}

/** Parses JSON text; a syntax error is described with its line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const at = jsonSyntaxError(text);
    const message = at
      ? `is not valid JSON: ${at.message} at line ${at.line}, column ${at.column} (offset ${at.offset})`
      : `is not valid JSON: ${(error as Error).message}`;
    return { ok: false, message };
  }
}

/** Parses and validates a scenario from JSON text; a syntax error names its line and column. */
export function parseScenarioJson(text: string): ValidationResult {
  if (new TextEncoder().encode(text).length > LIMITS.scenarioBytes) {
    return { ok: false, errors: [{ path: '(the scenario)', message: `is larger than ${LIMITS.scenarioBytes} bytes` }] };
  }
  const parsed = parseJsonText(text);
  return parsed.ok ? validateScenario(parsed.value) : { ok: false, errors: [{ path: '(the scenario)', message: parsed.message }] };
}
