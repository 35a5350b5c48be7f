import { startServer } from './listen';
import { parseServerOptions, SERVER_OPTIONS_USAGE } from './options';

const parsed = parseServerOptions(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(`${parsed.error}\nUsage: npm run start -w @cors-playground/server -- ${SERVER_OPTIONS_USAGE}`);
  process.exit(2);
}

const server = await startServer(parsed.options).catch((error: Error) => {
  console.error(`CORS Playground did not start: ${error.message}`);
  process.exit(1);
});
console.log(`CORS Playground on ${server.url} (sandbox origins on http ports ${server.ports.http.join(' and ')}, https ports ${server.ports.https.join(' and ')})`);
if (server.caCertFile) console.log(`https certificates come from the local CA ${server.caCertFile}: trust it once (README, "https").`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
