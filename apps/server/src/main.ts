import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG } from './config';
import { startServer } from './listen';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'second-port': { type: 'string', default: process.env.SECOND_PORT ?? '8081' },
    'https-port': { type: 'string', default: process.env.HTTPS_PORT ?? '8443' },
    'second-https-port': { type: 'string', default: process.env.SECOND_HTTPS_PORT ?? '8444' },
    host: { type: 'string', default: process.env.BIND ?? '' },
    'run-timeout-ms': { type: 'string', default: process.env.RUN_TIMEOUT_MS ?? '10000' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? DEFAULT_CONFIG.dataDir },
    'tls-cert': { type: 'string', default: process.env.TLS_CERT ?? '' },
    'tls-key': { type: 'string', default: process.env.TLS_KEY ?? '' },
    log: { type: 'boolean', default: false },
  },
});

const wholeNumbers = ['port', 'second-port', 'https-port', 'second-https-port', 'run-timeout-ms'] as const;
const [port, secondPort, httpsPort, secondHttpsPort, runTimeoutMs] = wholeNumbers.map((name) => Number(values[name]));
if (![port, secondPort, httpsPort, secondHttpsPort, runTimeoutMs].every((value) => Number.isInteger(value) && value! >= 0)) {
  console.error(`${wholeNumbers.map((name) => `--${name}`).join(', ')} take whole numbers`);
  process.exit(2);
}
if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) {
  console.error('--tls-cert (TLS_CERT) and --tls-key (TLS_KEY) go together: give both files or neither');
  process.exit(2);
}

const server = await startServer({
  ports: { http: [port!, secondPort!], https: [httpsPort!, secondHttpsPort!] },
  runTimeoutMs,
  dataDir: resolve(values['data-dir']),
  tls: values['tls-cert'] ? { certFile: resolve(values['tls-cert']), keyFile: resolve(values['tls-key']) } : null,
  ...(values.host ? { bindAddresses: values.host.split(',') } : {}),
  logger: values.log,
}).catch((error: Error) => {
  console.error(`CORS Playground did not start: ${error.message}`);
  process.exit(1);
});
console.log(`CORS Playground on ${server.url} (sandbox origins on http ports ${server.ports.http.join(' and ')}, https ports ${server.ports.https.join(' and ')})`);
if (server.caCertFile) console.log(`https certificates come from the local CA ${server.caCertFile}: trust it once (README, "https").`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
