import { parseArgs } from 'node:util';
import { startServer } from './listen';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'second-port': { type: 'string', default: process.env.SECOND_PORT ?? '8081' },
    host: { type: 'string', default: process.env.BIND ?? '' },
    log: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
const secondPort = Number(values['second-port']);
if (!Number.isInteger(port) || !Number.isInteger(secondPort)) {
  console.error('--port and --second-port take whole numbers');
  process.exit(2);
}
const server = await startServer({
  ports: { http: [port, secondPort] },
  ...(values.host ? { bindAddresses: values.host.split(',') } : {}),
  logger: values.log,
});
console.log(`CORS Playground on ${server.url} (sandbox origins also on port ${server.ports.http[1]})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
