import { parseArgs } from 'node:util';
import { startServer } from './listen';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'second-port': { type: 'string', default: process.env.SECOND_PORT ?? '8081' },
    host: { type: 'string', default: process.env.BIND ?? '' },
    'run-timeout-ms': { type: 'string', default: process.env.RUN_TIMEOUT_MS ?? '10000' },
    log: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
const secondPort = Number(values['second-port']);
const runTimeoutMs = Number(values['run-timeout-ms']);
if (![port, secondPort, runTimeoutMs].every((value) => Number.isInteger(value) && value >= 0)) {
  console.error('--port, --second-port and --run-timeout-ms take whole numbers');
  process.exit(2);
}
const server = await startServer({
  ports: { http: [port, secondPort] },
  runTimeoutMs,
  ...(values.host ? { bindAddresses: values.host.split(',') } : {}),
  logger: values.log,
});
console.log(`CORS Playground on ${server.url} (sandbox origins also on port ${server.ports.http[1]})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
