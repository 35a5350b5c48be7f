import { startServer } from './listen';
import { parseServerOptions, SERVER_OPTIONS_USAGE, startupLines } from './options';

const parsed = parseServerOptions(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(`${parsed.error}\nUsage: npm run start -w @cors-playground/server -- ${SERVER_OPTIONS_USAGE}`);
  process.exit(2);
}

const server = await startServer(parsed.options).catch((error: Error) => {
  console.error(`CORS Playground did not start: ${error.message}`);
  process.exit(1);
});
for (const line of startupLines(server)) console.log(line);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
