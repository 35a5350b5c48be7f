import { LIMITS } from './limits';

/**
 * Templates in header values and bodies (SCENARIO.md, "Templates"):
 *   ${origin:LABEL}          the serialized live origin of that label
 *   ${request.origin}        the request's Origin header as received, empty if none
 *   ${request.header:NAME}   any request header as received, empty if none
 *   ${request.method}        the request's method, as on the request line
 *   ${request.path}          the request's path with its query, as on the request line
 *   ${request.body}          the request's body decoded as UTF-8 (in a body only: it may hold line breaks)
 * Anything else that looks like ${...} is left as written, so a body may hold JavaScript.
 */
export const TEMPLATE =
  /\$\{(origin:([a-z][a-z0-9-]{0,19})|request\.origin|request\.header:([!#$%&'*+\-.^_`|~0-9A-Za-z]+)|request\.(method|path|body))\}/g;

/** What arrived, for the request templates: the real server reads it off the wire, the engine knows what the client sent. */
export interface TemplateRequest {
  method: string;
  /** The path with its query, as on the request line. */
  path: string;
  /** The body as text; '' when there is none. */
  body: string;
}

export interface TemplateContext {
  /** Live origins by label. */
  origins: Readonly<Record<string, string>>;
  /** Request headers, names in lower case. */
  requestHeaders: Readonly<Record<string, string | undefined>>;
  /** The request line and body; without it the request templates expand to ''. */
  request?: TemplateRequest;
}

/**
 * Past this many characters an expansion stops: a 64 KiB body of `${request.body}` or
 * `${request.path}` would otherwise make hundreds of megabytes of one answer. Four times the
 * largest body a route may hold, plus the request's own body (so one echo of it always fits).
 */
export function expansionLimit(request?: TemplateRequest): number {
  return 4 * LIMITS.bodyBytes + (request?.body.length ?? 0);
}

/** A text whose templates expand past expansionLimit: the sandbox answers 500 instead (routes.ts). */
export class TemplateOverflowError extends Error {
  constructor(readonly limit: number) {
    super(`its templates expand to more than ${limit} characters (at most 4 × ${LIMITS.bodyBytes}, plus the request body)`);
  }
}

export function expandTemplates(text: string, context: TemplateContext): string {
  if (!text.includes('${')) return text;
  const limit = expansionLimit(context.request);
  let length = text.length;
  return text.replace(TEMPLATE, (match: string, _whole: string, label?: string, headerName?: string, part?: keyof TemplateRequest) => {
    let value: string;
    if (label !== undefined) value = context.origins[label] ?? '';
    else if (headerName !== undefined) value = context.requestHeaders[headerName.toLowerCase()] ?? '';
    else if (part !== undefined) value = context.request?.[part] ?? '';
    else value = context.requestHeaders.origin ?? '';
    length += value.length - match.length;
    if (length > limit) throw new TemplateOverflowError(limit);
    return value;
  });
}

/** The labels that `${origin:LABEL}` templates in a text name, for validation. */
export function originLabelsIn(text: string): string[] {
  const labels: string[] = [];
  for (const match of text.matchAll(TEMPLATE)) if (match[2] !== undefined) labels.push(match[2]);
  return labels;
}

/** Whether a text uses `${request.body}`, which a header value may not (a body may hold CR, LF or any character). */
export function usesRequestBody(text: string): boolean {
  for (const match of text.matchAll(TEMPLATE)) if (match[4] === 'body') return true;
  return false;
}
