import { HTTP_METHODS } from './limits';
import type { Route } from './schema';
import { IDENTIFIER, INDENT, jsString, textExpression, type ServerFramework } from './server-code-values';

/**
 * The routes of a server config as Fastify or Express handlers. Routes answer first-match-wins in
 * the sandbox; Fastify's router prefers the most specific route instead, so a route (or the
 * methods of it) that an earlier route already answers is left out, with a comment, and both
 * servers answer the same requests.
 */

/** What Fastify routes without `addHttpMethod` (fastify.supportedMethods). */
export const FASTIFY_METHODS = new Set(['GET', 'HEAD', 'TRACE', 'DELETE', 'OPTIONS', 'PATCH', 'PUT', 'POST', 'QUERY']);

export interface Registration {
  route: Route;
  index: number;
  /** The methods this route answers that no earlier route answers, or '*' for every method. */
  methods: string[] | '*';
  /** Why some or all of its methods are left out, when they are. */
  note: string | null;
}

/** Whether an earlier route's path answers every path that a later route's path answers. */
function pathCovers(earlier: string, later: string): boolean {
  if (earlier === later) return true;
  if (!earlier.endsWith('/*')) return false;
  const base = earlier.slice(0, -2);
  const laterBase = later.endsWith('/*') ? later.slice(0, -2) : later;
  return laterBase === base || laterBase.startsWith(`${base}/`);
}

function methodsOf(route: Route): string[] | '*' {
  const list = Array.isArray(route.method) ? route.method : [route.method];
  return list.includes('*') ? '*' : [...new Set(list)];
}

/**
 * For each route, the methods it answers once earlier routes (first match wins) and, in Fastify,
 * @fastify/cors's own `OPTIONS *` route have taken theirs.
 */
export function registrations(routes: readonly Route[], framework: ServerFramework, corsOwnsOptions: boolean): Registration[] {
  const result: Registration[] = [];
  routes.forEach((route, index) => {
    let methods = methodsOf(route);
    const taken = new Set<string>();
    let takenAll: number | null = null;
    routes.slice(0, index).forEach((earlier, earlierIndex) => {
      if (!pathCovers(earlier.path, route.path)) return;
      const earlierMethods = methodsOf(earlier);
      if (earlierMethods === '*') takenAll ??= earlierIndex;
      else earlierMethods.forEach((method) => taken.add(method));
    });
    if (takenAll !== null) {
      result.push({ route, index, methods: [], note: `route ${takenAll + 1} already answers every method on ${route.path}` });
      return;
    }
    const notes: string[] = [];
    if (framework === 'fastify' && corsOwnsOptions && route.path === '/*') {
      taken.add('OPTIONS');
      notes.push('OPTIONS /* is the route @fastify/cors registers for preflights');
    }
    if (taken.size > 0) {
      const all = methods === '*' ? (framework === 'fastify' ? [...FASTIFY_METHODS] : HTTP_METHODS.slice()) : methods;
      const left = all.filter((method) => !taken.has(method));
      const removed = all.filter((method) => taken.has(method));
      if (removed.length > 0 && notes.length === 0) notes.push(`an earlier route already answers ${removed.join(', ')} on ${route.path}`);
      methods = methods === '*' && removed.length === 0 ? '*' : left;
    }
    result.push({ route, index, methods, note: notes.length > 0 ? notes.join('; ') : null });
  });
  return result;
}

/** The route paths in each router's syntax: a sandbox prefix `/api/*` also answers `/api` itself. */
function fastifyUrls(path: string): string[] {
  const escaped = path.replace(/:/g, '::');
  if (!path.endsWith('/*')) return [escaped];
  if (path === '/*') return ['/*'];
  return [escaped.slice(0, -2), escaped];
}

function expressPath(path: string): string {
  if (path === '/*') return '/{*rest}';
  const prefix = path.endsWith('/*');
  const base = (prefix ? path.slice(0, -2) : path).replace(/[:*?+!(){}[\]\\]/g, (c) => `\\${c}`);
  return prefix ? `${base}{/*rest}` : base;
}

function handlerBody(route: Route, framework: ServerFramework, used: Set<string>): string[] {
  const lines: string[] = [];
  if (route.delayMs > 0) lines.push(`await setTimeout(${route.delayMs});`);
  const setter = framework === 'fastify' ? 'reply' : 'res';
  lines.push(framework === 'fastify' ? `reply.code(${route.status});` : `res.status(${route.status});`);
  for (const [name, value] of Object.entries(route.headers)) {
    const values = Array.isArray(value) ? value : [value];
    const expressions = values.map((item) => textExpression(item, framework, used));
    const list = expressions.length > 1 ? `[${expressions.join(', ')}]` : expressions[0]!;
    if (framework === 'fastify') lines.push(`${setter}.header(${jsString(name)}, ${list});`);
    // res.set would add "; charset=utf-8" to a Content-Type; setHeader sends it as written.
    else if (name.toLowerCase() === 'content-type') lines.push(`res.setHeader(${jsString(name)}, ${list});`);
    else lines.push(`res.${expressions.length > 1 ? 'append' : 'set'}(${jsString(name)}, ${list});`);
  }
  const body = textExpression(route.body, framework, used);
  lines.push(framework === 'fastify' ? `return ${body};` : `res.end(${body});`);
  return lines;
}

function handler(route: Route, framework: ServerFramework, used: Set<string>): string {
  const body = handlerBody(route, framework, used);
  const params = framework === 'fastify' ? '(request, reply)' : '(req, res)';
  const async = framework === 'fastify' || route.delayMs > 0 ? 'async ' : '';
  return `${async}${params} => {\n${body.map((line) => `${INDENT}${line}`).join('\n')}\n}`;
}

function indentBlock(text: string, depth: number): string {
  return text.split('\n').map((line, index) => (index === 0 ? line : INDENT.repeat(depth) + line)).join('\n');
}

export function fastifyRoute(registration: Registration, used: Set<string>): string {
  const { route, methods } = registration;
  const urls = fastifyUrls(route.path);
  const loop = urls.length > 1;
  const url = loop ? 'url' : jsString(urls[0]!);
  const code = handler(route, 'fastify', used);
  let call: string;
  if (methods === '*') call = `app.all(${url}, ${code});`;
  else if (methods.length === 1 && FASTIFY_METHODS.has(methods[0]!)) call = `app.${methods[0]!.toLowerCase()}(${url}, ${code});`;
  else {
    const fields = [`method: [${methods.map(jsString).join(', ')}],`, loop ? 'url,' : `url: ${url},`, `handler: ${indentBlock(code, 1)},`];
    call = `app.route({\n${fields.map((field) => `${INDENT}${field}`).join('\n')}\n});`;
  }
  return loop ? `for (const url of [${urls.map(jsString).join(', ')}]) {\n${INDENT}${indentBlock(call, 1)}\n}` : call;
}

function expressMethod(method: string): string {
  const name = method.toLowerCase();
  return IDENTIFIER.test(name) ? `.${name}` : `[${jsString(name)}]`;
}

export function expressRoute(registration: Registration, used: Set<string>): string {
  const { route, index, methods } = registration;
  const path = jsString(expressPath(route.path));
  const code = handler(route, 'express', used);
  if (methods === '*') return `app.all(${path}, ${code});`;
  if (methods.length === 1) return `app${expressMethod(methods[0]!)}(${path}, ${code});`;
  const name = `answerRoute${index + 1}`;
  return [`const ${name} = ${code};`, ...methods.map((method) => `app${expressMethod(method)}(${path}, ${name});`)].join('\n');
}

/** What a route answers with that this code writes: anything else the sandbox does is named in a comment. */
const WRITTEN_ROUTE_FIELDS = new Set(['path', 'method', 'status', 'headers', 'body', 'delayMs']);

export function routeComment(registration: Registration): string {
  const { route, index } = registration;
  const methods = methodsOf(route);
  const head = `// Route ${index + 1}: ${methods === '*' ? 'any method' : methods.join(', ')} ${route.path}`;
  if (route.proxy) {
    return `${head}\n// Not written here: this route forwards each request to the ${route.proxy.to} origin (the same-origin proxy);\n// a reverse proxy such as @fastify/http-proxy or http-proxy-middleware does that.`;
  }
  const unwritten = Object.entries(route).filter(([key, value]) => !WRITTEN_ROUTE_FIELDS.has(key) && value !== undefined).map(([key]) => key);
  return unwritten.length === 0 ? head : `${head}\n// Not written here: the sandbox's ${unwritten.join(', ')} behaviour of this route.`;
}
