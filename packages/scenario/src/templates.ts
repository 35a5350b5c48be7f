/**
 * Templates in header values and bodies (SCENARIO.md, "Templates"):
 *   ${origin:LABEL}          the serialized live origin of that label
 *   ${request.origin}        the request's Origin header as received, empty if none
 *   ${request.header:NAME}   any request header as received, empty if none
 * Anything else that looks like ${...} is left as written, so a body may hold JavaScript.
 */
const TEMPLATE = /\$\{(origin:([a-z][a-z0-9-]{0,19})|request\.origin|request\.header:([!#$%&'*+\-.^_`|~0-9A-Za-z]+))\}/g;

export interface TemplateContext {
  /** Live origins by label. */
  origins: Readonly<Record<string, string>>;
  /** Request headers, names in lower case. */
  requestHeaders: Readonly<Record<string, string | undefined>>;
}

export function expandTemplates(text: string, context: TemplateContext): string {
  if (!text.includes('${')) return text;
  return text.replace(TEMPLATE, (_match, _whole: string, label?: string, headerName?: string) => {
    if (label !== undefined) return context.origins[label] ?? '';
    if (headerName !== undefined) return context.requestHeaders[headerName.toLowerCase()] ?? '';
    return context.requestHeaders.origin ?? '';
  });
}

/** The labels that `${origin:LABEL}` templates in a text name, for validation. */
export function originLabelsIn(text: string): string[] {
  const labels: string[] = [];
  for (const match of text.matchAll(TEMPLATE)) if (match[2] !== undefined) labels.push(match[2]);
  return labels;
}
