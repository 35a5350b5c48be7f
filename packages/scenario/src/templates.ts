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
const TEMPLATE =
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

export function expandTemplates(text: string, context: TemplateContext): string {
  if (!text.includes('${')) return text;
  return text.replace(TEMPLATE, (_match, _whole: string, label?: string, headerName?: string, part?: keyof TemplateRequest) => {
    if (label !== undefined) return context.origins[label] ?? '';
    if (headerName !== undefined) return context.requestHeaders[headerName.toLowerCase()] ?? '';
    if (part !== undefined) return context.request?.[part] ?? '';
    return context.requestHeaders.origin ?? '';
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
