import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type ServerOptions } from './config';

/**
 * The server's command-line options and their environment variables, read alike by
 * `npm start` (main.ts) and `cors-playground serve`, so both take the same options (README, "Run").
 */
export const SERVER_OPTIONS_USAGE =
  '[--port 8080] [--second-port 8081] [--https-port 8443] [--second-https-port 8444] [--host ADDRESS[,ADDRESS]] [--run-timeout-ms 10000] [--data-dir DIR] [--tls-cert FILE --tls-key FILE] [--log]';

const WHOLE_NUMBERS = [
  ['port', 'PORT', String(DEFAULT_CONFIG.ports.http[0])],
  ['second-port', 'SECOND_PORT', String(DEFAULT_CONFIG.ports.http[1])],
  ['https-port', 'HTTPS_PORT', String(DEFAULT_CONFIG.ports.https[0])],
  ['second-https-port', 'SECOND_HTTPS_PORT', String(DEFAULT_CONFIG.ports.https[1])],
  ['run-timeout-ms', 'RUN_TIMEOUT_MS', String(DEFAULT_CONFIG.runTimeoutMs)],
] as const;
const TEXTS = [
  ['host', 'BIND'],
  ['data-dir', 'DATA_DIR'],
  ['tls-cert', 'TLS_CERT'],
  ['tls-key', 'TLS_KEY'],
] as const;

export type ParsedServerOptions = { ok: true; options: ServerOptions } | { ok: false; error: string };

/** Options from `args`, each defaulting to its environment variable, then to the built-in value. */
export function parseServerOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedServerOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries([...WHOLE_NUMBERS, ...TEXTS].map(([name]) => [name, { type: 'string' as const }]));
    values = parseArgs({ args: [...args], options: { ...options, log: { type: 'boolean' } } }).values;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const text = (name: string, variable: string) => (values[name] as string | undefined) ?? env[variable] ?? '';
  const numbers: Record<string, number> = {};
  for (const [name, variable, fallback] of WHOLE_NUMBERS) {
    const written = text(name, variable) || fallback;
    const value = /^\d+$/.test(written) ? Number(written) : Number.NaN;
    const limit = name === 'run-timeout-ms' ? Number.MAX_SAFE_INTEGER : 65_535;
    if (!(value <= limit)) return { ok: false, error: `--${name} (${variable}) takes a whole number from 0 to ${limit}, not "${written}"` };
    numbers[name] = value;
  }
  const [certFile, keyFile] = [text('tls-cert', 'TLS_CERT'), text('tls-key', 'TLS_KEY')];
  if (Boolean(certFile) !== Boolean(keyFile)) return { ok: false, error: '--tls-cert (TLS_CERT) and --tls-key (TLS_KEY) go together: give both files or neither' };
  const host = text('host', 'BIND');
  return {
    ok: true,
    options: {
      ports: { http: [numbers.port!, numbers['second-port']!], https: [numbers['https-port']!, numbers['second-https-port']!] },
      runTimeoutMs: numbers['run-timeout-ms']!,
      dataDir: resolve(text('data-dir', 'DATA_DIR') || DEFAULT_CONFIG.dataDir),
      tls: certFile ? { certFile: resolve(certFile), keyFile: resolve(keyFile) } : null,
      ...(host ? { bindAddresses: host.split(',') } : {}),
      logger: values.log === true,
    },
  };
}

/** What the server says when it has started (`npm start` and `cors-playground serve`). */
export function startupLines(server: { url: string; ports: { http: number[]; https: number[] }; caCertFile?: string | null }): string[] {
  const lines = [`CORS Playground on ${server.url} (sandbox origins on http ports ${server.ports.http.join(' and ')}, https ports ${server.ports.https.join(' and ')})`];
  if (server.caCertFile) lines.push(`https certificates come from the local CA ${server.caCertFile}: trust it once (README, "https").`);
  return lines;
}
