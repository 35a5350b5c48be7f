import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../io';

export const SERVE_USAGE = 'Usage: cors-playground serve [--port 8080] [--second-port 8081] [--https-port 8443] [--second-https-port 8444] [--host ADDRESS[,ADDRESS]]\n';
const PORT_OPTIONS = [['port', '8080'], ['second-port', '8081'], ['https-port', '8443'], ['second-https-port', '8444']] as const;

/** `cors-playground serve`: the playground and its sandbox origins (apps/server), until interrupted. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    const ports = Object.fromEntries(PORT_OPTIONS.map(([name, value]) => [name, { type: 'string' as const, default: value }]));
    parsed = parseArgs({ args, options: { ...ports, host: { type: 'string' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  const values = parsed.values as Record<string, string | undefined>;
  const [port, secondPort, httpsPort, secondHttpsPort] = PORT_OPTIONS.map(([name]) => Number(values[name]));
  if (![port, secondPort, httpsPort, secondHttpsPort].every(Number.isInteger)) {
    io.stderr(`--port, --second-port, --https-port and --second-https-port take whole numbers\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  // Loaded lazily: predict must not pay for Fastify.
  const { startServer } = await import('@cors-playground/server');
  const host = values.host;
  const server = await startServer({ ports: { http: [port!, secondPort!], https: [httpsPort!, secondHttpsPort!] }, ...(host ? { bindAddresses: host.split(',') } : {}) });
  io.stdout(`CORS Playground on ${server.url} (sandbox origins on http ports ${server.ports.http.join(' and ')}, https ports ${server.ports.https.join(' and ')})\n`);
  await new Promise<void>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolveStop());
  });
  await server.close();
  return EXIT.ok;
}
