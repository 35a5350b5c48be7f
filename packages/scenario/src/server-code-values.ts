import { TEMPLATE } from './templates';

/**
 * JavaScript source for the values in a server config: strings (whose templates become origin
 * constants or reads of the request), `{ regex, flags }` options as RegExp literals, and options
 * objects as object literals. Used by server-code.ts and the UI's fix view.
 */
export const SERVER_FRAMEWORKS = ['fastify', 'express'] as const;
export type ServerFramework = (typeof SERVER_FRAMEWORKS)[number];

export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
export const INDENT = '  ';

/** A JavaScript string literal in single quotes (JSON's escapes are JavaScript's). */
export function jsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** The constant that holds a label's live origin, e.g. `API_ORIGIN`. */
export function originConstant(label: string): string {
  return `${label.toUpperCase().replace(/-/g, '_')}_ORIGIN`;
}

/** How each framework's request object gives a header, the method, the path with its query, the body as text. */
function requestHeader(framework: ServerFramework, name: string): string {
  const request = framework === 'fastify' ? 'request' : 'req';
  const key = name.toLowerCase();
  return `${request}.headers${IDENTIFIER.test(key) ? `.${key}` : `[${jsString(key)}]`} ?? ''`;
}

const REQUEST_PART: Record<ServerFramework, Record<'method' | 'path' | 'body', string>> = {
  fastify: { method: 'request.method', path: 'request.url', body: "request.body ?? ''" },
  express: { method: 'req.method', path: 'req.originalUrl', body: "req.body ?? ''" },
};

const LINE_BREAK_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Text inside a template literal, kept on one line so that indenting the code cannot change it. */
function templateText(text: string): string {
  return text.replace(/[\\`]|\$\{|[\n\r\u2028\u2029]/g, (c) => LINE_BREAK_ESCAPES[c] ?? `\\${c}`);
}

/**
 * A text with templates as a JavaScript expression: a string literal, an origin constant, a
 * request header, or a template literal joining them.
 */
export function textExpression(text: string, framework: ServerFramework | null, used: Set<string>): string {
  const parts: Array<{ code: string } | { text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    const [whole, , label, header, part] = match;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    if (label !== undefined) {
      used.add(label);
      parts.push({ code: originConstant(label) });
    } else if (framework === null) {
      parts.push({ text: whole });
    } else if (part !== undefined) {
      parts.push({ code: REQUEST_PART[framework][part as 'method' | 'path' | 'body'] });
    } else {
      parts.push({ code: requestHeader(framework, header ?? 'origin') });
    }
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  const only = parts[0];
  if (parts.length === 0) return "''";
  if (parts.length === 1 && only && 'text' in only) return jsString(only.text);
  if (parts.length === 1 && only && 'code' in only) return only.code;
  const literal = parts
    .map((part) => ('code' in part ? `\${${part.code}}` : templateText(part.text)))
    .join('');
  return `\`${literal}\``;
}

/** A RegExp literal for `{ regex, flags }`: slashes and line breaks escaped so the source survives. */
export function regexLiteral(source: string, flags = ''): string {
  let body = '';
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\' && index + 1 < source.length) {
      body += char + source[++index]!;
    } else if (char === '/') {
      body += '\\/';
    } else if (char === '\n') {
      body += '\\n';
    } else if (char === '\r') {
      body += '\\r';
    } else if (char === '\u2028' || char === '\u2029') {
      body += `\\u${char.charCodeAt(0).toString(16)}`;
    } else {
      body += char;
    }
  }
  return `/${body || '(?:)'}/${flags}`;
}

function isRegexData(value: unknown): value is { regex: string; flags?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  return typeof record.regex === 'string' && (record.flags === undefined || typeof record.flags === 'string') && keys.every((key) => key === 'regex' || key === 'flags');
}

/** Options data as a JavaScript value: origin templates become constants, `{ regex, flags }` a RegExp. */
export function optionsLiteral(value: unknown, used: Set<string>, depth = 0): string {
  if (typeof value === 'string') return textExpression(value, null, used);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (isRegexData(value)) return regexLiteral(value.regex, value.flags ?? '');
  const pad = INDENT.repeat(depth + 1);
  const end = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item) => optionsLiteral(item, used, depth + 1));
    const inline = `[${items.join(', ')}]`;
    return inline.length <= 72 && !inline.includes('\n') ? inline : `[\n${items.map((item) => `${pad}${item},`).join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => `${pad}${IDENTIFIER.test(key) ? key : jsString(key)}: ${optionsLiteral(item, used, depth + 1)},`);
    return `{\n${lines.join('\n')}\n${end}}`;
  }
  return 'undefined';
}
