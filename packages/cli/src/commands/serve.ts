import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../io';

export const SERVE_USAGE = 'Usage: cors-playground serve [--port 8080] [--second-port 8081] [--host ADDRESS[,ADDRESS]]\n';

/** `cors-playground serve`: the playground and its sandbox origins (apps/server), until interrupted. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { port: { type: 'string', default: '8080' }, 'second-port': { type: 'string', default: '8081' }, host: { type: 'string' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  const port = Number(parsed.values.port);
  const secondPort = Number(parsed.values['second-port']);
  if (!Number.isInteger(port) || !Number.isInteger(secondPort)) {
    io.stderr(`--port and --second-port take whole numbers\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  // Loaded lazily: predict must not pay for Fastify.
  const { startServer } = await import('@cors-playground/server');
  const host = parsed.values.host;
  const server = await startServer({ ports: { http: [port, secondPort] }, ...(host ? { bindAddresses: host.split(',') } : {}) });
  io.stdout(`CORS Playground on ${server.url} (sandbox origins also on port ${server.ports.http[1]})\n`);
  await new Promise<void>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolveStop());
  });
  await server.close();
  return EXIT.ok;
}
