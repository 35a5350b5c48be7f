import { parseServerOptions, SERVER_OPTIONS_USAGE } from '@cors-playground/server/options';
import { EXIT, type CliIo } from '../io';

export const SERVE_USAGE = `Usage: cors-playground serve ${SERVER_OPTIONS_USAGE}\n`;

/**
 * `cors-playground serve`: the playground and its sandbox origins (apps/server), until interrupted.
 * It reads the options and environment variables `npm start` reads (apps/server/src/options.ts).
 */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseServerOptions(args, process.env);
  if (!parsed.ok) {
    io.stderr(`${parsed.error}\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  // Loaded lazily: predict must not pay for Fastify.
  const { startServer } = await import('@cors-playground/server');
  const server = await startServer(parsed.options);
  io.stdout(`CORS Playground on ${server.url} (sandbox origins on http ports ${server.ports.http.join(' and ')}, https ports ${server.ports.https.join(' and ')})\n`);
  if (server.caCertFile) io.stdout(`https certificates come from the local CA ${server.caCertFile}: trust it once (README, "https").\n`);
  await new Promise<void>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolveStop());
  });
  await server.close();
  return EXIT.ok;
}
