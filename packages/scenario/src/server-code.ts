import { CORS_OPTION_NAMES } from './cors-options';
import type { Route, ServerConfig } from './schema';
import { expressRoute, FASTIFY_METHODS, fastifyRoute, registrations, routeComment, type Registration } from './server-code-routes';
import { jsString, optionsLiteral, originConstant, type ServerFramework } from './server-code-values';
import { usesRequestBody } from './templates';

export { jsString, optionsLiteral, originConstant, regexLiteral, SERVER_FRAMEWORKS, textExpression, type ServerFramework } from './server-code-values';

/**
 * The server code equivalent to one origin's server config, ready to paste into a Fastify or an
 * Express project: the CORS library with the same options, then one handler per route with its
 * status, header lines, body and delay (server-code-routes.ts), so that it answers as the sandbox
 * does (apps/server/test/server-code-equivalence.test.ts runs it against the sandbox).
 */

/** The library each framework uses, as `servers.LABEL.cors.plugin` names it. */
export const CORS_LIBRARY: Record<ServerFramework, '@fastify/cors' | 'cors'> = { fastify: '@fastify/cors', express: 'cors' };
/** The framework each CORS library belongs to. */
export const FRAMEWORK_OF_LIBRARY: Record<'@fastify/cors' | 'cors', ServerFramework> = { '@fastify/cors': 'fastify', cors: 'express' };

/** `const APP_ORIGIN = '…';` for each label the code names, with `fallback(label)` where no live origin is known. */
export function originConstantLines(used: ReadonlySet<string>, origins: Readonly<Record<string, string>>, fallback: (label: string) => string): string[] {
  return [...used].sort().map((label) => `const ${originConstant(label)} = ${jsString(origins[label] ?? fallback(label))};`);
}

export interface ServerCodeOptions {
  framework: ServerFramework;
  /** What `${origin:LABEL}` becomes: the live origin of each label. */
  origins: Readonly<Record<string, string>>;
  /** The port the generated server listens on unless PORT is set. */
  port?: number;
}

/** The options as the target library takes them, and those it does not have (dropped). */
function libraryOptions(server: ServerConfig, framework: ServerFramework): { options: Record<string, unknown>; dropped: string[] } | null {
  if (!server.cors) return null;
  const known = new Set(CORS_OPTION_NAMES[CORS_LIBRARY[framework]]);
  const options: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(server.cors.options as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (known.has(key)) options[key] = value;
    else dropped.push(key);
  }
  return { options, dropped };
}

/** The CORS library call for `options`, e.g. `await app.register(cors, {...});`. */
export function corsLibraryCode(framework: ServerFramework, options: Record<string, unknown>, used: Set<string>): string {
  const literal = Object.keys(options).length === 0 ? '' : optionsLiteral(options, used);
  if (framework === 'fastify') return `await app.register(cors${literal ? `, ${literal}` : ''});`;
  return `app.use(cors(${literal}));`;
}

/** ${request.body} is the body as text whatever its Content-Type, so no parser may turn it into an object. */
const RAW_BODY: Record<ServerFramework, string> = {
  fastify: [
    '// Every request body arrives as text, whatever its Content-Type.',
    'app.removeAllContentTypeParsers();',
    "app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => done(null, body));",
  ].join('\n'),
  express: ['// Every request body arrives as text, whatever its Content-Type.', 'app.use(express.text({ type: () => true }));'].join('\n'),
};

/** The whole program for one origin's server config. */
export function serverCode(server: ServerConfig, options: ServerCodeOptions): string {
  const { framework } = options;
  const used = new Set<string>();
  const library = libraryOptions(server, framework);
  const corsLines: string[] = [];
  if (library) {
    if (server.cors && server.cors.plugin !== CORS_LIBRARY[framework]) {
      corsLines.push(`// The scenario runs ${server.cors.plugin}; ${CORS_LIBRARY[framework]} takes the same options.`);
    }
    if (library.dropped.length > 0) corsLines.push(`// Not options of ${CORS_LIBRARY[framework]}, left out: ${library.dropped.join(', ')}.`);
    corsLines.push(corsLibraryCode(framework, library.options, used));
  }
  const routeBlocks: string[] = [];
  const written: Route[] = [];
  const list = registrations(server.routes, framework, library !== null);
  for (const registration of list) {
    const comment = routeComment(registration);
    const unreachable = registration.methods !== '*' && registration.methods.length === 0;
    const note = registration.note ? `\n// ${unreachable ? 'Left out' : 'Some methods left out'}: ${registration.note}.` : '';
    if (unreachable || registration.route.proxy) {
      routeBlocks.push(`${comment}${note}`);
      continue;
    }
    written.push(registration.route);
    const code = framework === 'fastify' ? fastifyRoute(registration, used) : expressRoute(registration, used);
    routeBlocks.push(`${comment}${note}\n${code}`);
  }
  const delays = written.some((route) => route.delayMs > 0);
  const readsBody = written.some((route) => usesRequestBody(route.body));
  const extraMethods = framework === 'fastify' ? fastifyExtraMethods(list.filter((registration) => written.includes(registration.route))) : [];

  const imports =
    framework === 'fastify'
      ? ["import Fastify from 'fastify';", ...(library ? ["import cors from '@fastify/cors';"] : [])]
      : ["import express from 'express';", ...(library ? ["import cors from 'cors';"] : [])];
  if (delays) imports.push("import { setTimeout } from 'node:timers/promises';");
  const constants = originConstantLines(used, options.origins, (label) => `http://${label}.example`);
  const port = options.port ?? 3000;
  const sections = [
    imports.join('\n'),
    ...(constants.length > 0 ? [`// The live origins this configuration names.\n${constants.join('\n')}`] : []),
    [
      framework === 'fastify' ? 'const app = Fastify();' : 'const app = express();',
      ...extraMethods.map((method) => `app.addHttpMethod(${jsString(method)}, { hasBody: true });`),
    ].join('\n'),
    ...(readsBody ? [RAW_BODY[framework]] : []),
    ...(corsLines.length > 0 ? [corsLines.join('\n')] : []),
    ...routeBlocks,
    framework === 'fastify'
      ? `await app.listen({ port: Number(process.env.PORT) || ${port} });`
      : `app.listen(Number(process.env.PORT) || ${port});`,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** Methods a route names that Fastify only routes once added with `addHttpMethod`. */
function fastifyExtraMethods(list: readonly Registration[]): string[] {
  const extra = new Set<string>();
  for (const { methods } of list) if (methods !== '*') for (const method of methods) if (!FASTIFY_METHODS.has(method)) extra.add(method);
  return [...extra];
}
