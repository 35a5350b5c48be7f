import { z } from 'zod';
import { hasNestedRepetition } from './safe-pattern';

/**
 * The options of the two CORS libraries a sandbox origin can run (`servers.LABEL.cors`), as data:
 * every documented option of @fastify/cors 11 and of Express `cors` 2.8, except those that only a
 * function can express (an origin callback, a delegator). A regular expression is written
 * `{ "regex": "…", "flags": "…" }`; strings may name live origins with `${origin:LABEL}`.
 * The server builds the real options from this (liveCorsOptions) and the engine models the
 * library on the same values, so the two read one definition.
 */

export const CORS_PLUGINS = ['@fastify/cors', 'cors'] as const;
export type CorsPluginName = (typeof CORS_PLUGINS)[number];

/** Flags that keep RegExp.prototype.test stateless: `g` and `y` make it resume at lastIndex. */
const REGEX_FLAGS = /^(?!.*(.).*\1)[dimsuv]*$/;

/** Node refuses a header value with a control character or a code point above U+00FF. */
const HEADER_TEXT = /^[\t\x20-\x7e\x80-\xff]*$/;

const headerText = z
  .string()
  .max(8 * 1024, 'at most 8192 characters')
  .regex(HEADER_TEXT, 'holds a character Node cannot send in a header value (a control character, or one above U+00FF)');

/**
 * The server runs the pattern on every request's Origin, so a pattern that backtracks
 * exponentially (ReDoS) would let one request freeze it: nested repetitions are refused
 * (safe-pattern.ts), and the length cap bounds what the check reads.
 */
const MAX_PATTERN_LENGTH = 256;

const ORIGIN_TEMPLATE = /\$\{origin:([a-z][a-z0-9-]{0,19})\}/g;

export const regexOptionSchema = z
  .strictObject({
    regex: z
      .string()
      .min(1, 'an empty pattern matches every origin; write true to reflect any origin')
      .max(MAX_PATTERN_LENGTH, `at most ${MAX_PATTERN_LENGTH} characters`)
      .describe(
        'The pattern, as `new RegExp(pattern, flags)` reads it; RegExp.test runs it on the request Origin, e.g. `http://app-k3j9x.site-a.localhost:8080`. It is not anchored for you: write ^ and $, and escape dots. Templates are not expanded here.',
      ),
    flags: z
      .string()
      .regex(REGEX_FLAGS, 'may hold d, i, m, s, u, v, each once (g and y make RegExp.test stateful, so one origin would pass and fail in turn)')
      .default('')
      .describe('RegExp flags, e.g. "i". Not g or y.'),
  })
  .superRefine((value, context) => {
    try {
      new RegExp(value.regex, value.flags);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['regex'], message: `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}` });
      return;
    }
    if (hasNestedRepetition(value.regex)) {
      context.addIssue({
        code: 'custom',
        path: ['regex'],
        message: 'nests a repetition inside a repetition (as in (a+)+), or uses syntax that cannot be checked for it: such a pattern can take exponential time on one crafted Origin and freeze the server; write each part once, e.g. ^https://[a-z0-9-]+\\.example\\.com$',
      });
    }
  })
  .describe('A regular expression: the request Origin is reflected when it matches.');

const originString = headerText
  .min(1, 'an empty origin is refused by @fastify/cors and turns Express cors off: write false to disable CORS')
  .describe('An origin such as "${origin:app}", or "*" for any origin.');

const originOption = z
  .union([z.boolean(), originString, regexOptionSchema, z.array(z.union([originString, regexOptionSchema])).max(64, 'at most 64 origins')])
  .describe(
    'Access-Control-Allow-Origin. true reflects the request Origin (any origin!); false turns CORS off; a string is sent as it is ("*" or "${origin:app}"); a regex or a list of strings and regexes reflects the request Origin when one matches.',
  );

const headerList = (what: string) =>
  z.union([headerText, z.array(headerText).max(64, 'at most 64 items')]).describe(what);

const shared = {
  origin: originOption.optional(),
  methods: headerList('Access-Control-Allow-Methods, on preflights: a comma-separated string or a list.').optional(),
  allowedHeaders: headerList(
    'Access-Control-Allow-Headers, on preflights: a comma-separated string or a list. When not set, the library reflects the request\'s Access-Control-Request-Headers (and adds it to Vary).',
  ).optional(),
  exposedHeaders: headerList('Access-Control-Expose-Headers: response headers JavaScript may read. None when not set.').optional(),
  credentials: z.boolean().optional().describe('true sends Access-Control-Allow-Credentials: true.'),
  maxAge: z.int().min(-1).max(2_147_483_647).optional().describe('Access-Control-Max-Age in seconds, on preflights. Omitted when not set.'),
  preflightContinue: z.boolean().optional().describe('true passes preflights on to the routes instead of answering them (default false).'),
  optionsSuccessStatus: z.int().min(200).max(599).optional().describe('The status of the preflight answers the library sends itself (default 204).'),
};

const fastifyOnly = {
  methods: headerList('Access-Control-Allow-Methods, on preflights: a comma-separated string or a list (joined with ", "). Default "GET,HEAD,POST".').optional(),
  preflightContinue: z
    .boolean()
    .optional()
    .describe("true passes preflights on to the routes instead of answering them (default false); with no OPTIONS route, the plugin's own OPTIONS * route answers an empty 200."),
  cacheControl: z
    .union([z.int().min(0).max(2_147_483_647), headerText])
    .optional()
    .describe('Cache-Control on the preflight answer: a number of seconds becomes "max-age=N", a string is sent as it is.'),
  preflight: z.boolean().optional().describe('false leaves preflights to the routes (default true).'),
  strictPreflight: z
    .boolean()
    .optional()
    .describe('true (the default) answers an OPTIONS request without Origin or Access-Control-Request-Method with 400 "Invalid Preflight Request".'),
  hideOptionsRoute: z.boolean().optional().describe("Hides the plugin's OPTIONS * route from @fastify/swagger (default true). Nothing changes on the wire."),
  logLevel: z
    .enum(['silent', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'])
    .optional()
    .describe("Fastify's log level for the plugin's OPTIONS * route only. Nothing changes on the wire."),
  hook: z
    .enum(['onRequest', 'preParsing', 'preValidation', 'preHandler'])
    .optional()
    .describe('The Fastify hook the plugin runs in (default onRequest). preSerialization is not offered: sandbox routes answer text, which Fastify never serializes, so that hook would never run.'),
};

const expressOnly = {
  methods: headerList('Access-Control-Allow-Methods, on preflights: a comma-separated string or a list (joined with ","). Default "GET,HEAD,PUT,PATCH,POST,DELETE".').optional(),
  preflightContinue: z
    .boolean()
    .optional()
    .describe("true passes preflights on to the routes instead of answering them (default false); with no OPTIONS route, the app's 404 answers."),
};

/** The closest known name to a misspelt one, when it is close enough to be a likely typo. */
function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Unknown names fail one by one, each with its name in the path; Monaco reads additionalProperties. */
function unknownOption(plugin: CorsPluginName, known: readonly string[]) {
  return z.unknown().refine(() => false, {
    error: (issue) => {
      const name = String(issue.path?.at(-1) ?? '');
      const suggestion = closest(name, known);
      return `unknown option of ${plugin}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; its options: ${known.join(', ')}`;
    },
  });
}

const fastifyOptions = { ...shared, ...fastifyOnly };
const expressOptions = { ...shared, ...expressOnly };

/** The option names each library takes (the server-code view drops the others). */
export const CORS_OPTION_NAMES: Readonly<Record<CorsPluginName, readonly string[]>> = {
  '@fastify/cors': Object.keys(fastifyOptions),
  cors: Object.keys(expressOptions),
};

export const fastifyCorsSchema = z
  .strictObject({
    plugin: z.literal('@fastify/cors').describe('@fastify/cors 11, registered on a Fastify instance with these options.'),
    options: z
      .object(fastifyOptions)
      .catchall(unknownOption('@fastify/cors', CORS_OPTION_NAMES['@fastify/cors']))
      .meta({ additionalProperties: false })
      .default({})
      .describe('The options of fastify.register(cors, options).'),
  })
  .describe('Run @fastify/cors in front of the routes.');

export const expressCorsSchema = z
  .strictObject({
    plugin: z.literal('cors').describe('The Express cors middleware 2.8, app.use(cors(options)).'),
    options: z
      .object(expressOptions)
      .catchall(unknownOption('cors', CORS_OPTION_NAMES.cors))
      .meta({ additionalProperties: false })
      .default({})
      .describe('The options of app.use(cors(options)).'),
  })
  .describe('Run the Express cors middleware in front of the routes.');

export const corsPluginSchema = z
  .discriminatedUnion('plugin', [fastifyCorsSchema, expressCorsSchema], {
    error: (issue) => (issue.code === 'invalid_union' ? 'must be "@fastify/cors" or "cors" (the Express middleware)' : undefined),
  })
  .describe('Run a real CORS library in front of this origin\'s routes: @fastify/cors or the Express cors middleware.');

export type CorsPluginConfig = z.output<typeof corsPluginSchema>;
export type FastifyCorsOptions = z.output<typeof fastifyCorsSchema>['options'];
export type ExpressCorsOptions = z.output<typeof expressCorsSchema>['options'];
export type RegexOption = z.output<typeof regexOptionSchema>;

function expandedOrigins(text: string, origins: Readonly<Record<string, string>>): string {
  return text.includes('${') ? text.replace(ORIGIN_TEMPLATE, (_match, label: string) => origins[label] ?? '') : text;
}

/** An option value as the library receives it: RegExp objects, templates expanded. */
export type LiveCorsValue = string | number | boolean | RegExp | LiveCorsValue[];
export type LiveCorsOptions = Record<string, LiveCorsValue>;

function isRegexOption(value: unknown): value is RegexOption {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as RegexOption).regex === 'string';
}

function liveValue(value: unknown, origins: Readonly<Record<string, string>>): LiveCorsValue {
  if (typeof value === 'string') return expandedOrigins(value, origins);
  if (Array.isArray(value)) return value.map((item) => liveValue(item, origins));
  if (isRegexOption(value)) return new RegExp(value.regex, value.flags);
  return value as LiveCorsValue;
}

/** The options object the library is given, for this sandbox's live origins. */
export function liveCorsOptions(config: CorsPluginConfig, origins: Readonly<Record<string, string>>): LiveCorsOptions {
  const options: LiveCorsOptions = {};
  for (const [name, value] of Object.entries(config.options)) if (value !== undefined) options[name] = liveValue(value, origins);
  return options;
}

/** Every string of the options (not regex patterns) with its JSON path below `options`, for the check that templates name origins. */
export function corsOptionTexts(config: CorsPluginConfig): Array<{ path: Array<string | number>; text: string }> {
  const texts: Array<{ path: Array<string | number>; text: string }> = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    if (typeof value === 'string') texts.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
  };
  for (const [name, value] of Object.entries(config.options)) visit(value, [name]);
  return texts;
}
