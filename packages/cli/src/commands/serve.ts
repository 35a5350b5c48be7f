import { parseServerOptions, SERVER_OPTIONS_USAGE, startupLines } from '@cors-playground/server/options';
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
  for (const line of startupLines(server)) io.stdout(`${line}\n`);
  await new Promise<void>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolveStop());
  });
  await server.close();
  return EXIT.ok;
}
