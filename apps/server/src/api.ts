import type { FastifyInstance, FastifyReply } from 'fastify';
import { LIMITS, originStrings, parseScenarioJson } from '@cors-playground/scenario';
import type { ServerConfig } from './config';
import { errors } from './errors';
import { RUN_PATH } from './harness/page';
import type { Sandbox, SandboxEvent, SandboxStore } from './sandbox-store';

const HEARTBEAT_MS = 15_000;

function describe(sandbox: Sandbox, config: ServerConfig) {
  const page = sandbox.origins[sandbox.scenario.page]!;
  return {
    id: sandbox.id,
    origins: originStrings(sandbox.origins),
    live: sandbox.origins,
    runUrl: page.origin + RUN_PATH,
    eventsUrl: `/api/sandboxes/${sandbox.id}/events`,
    expiresAt: new Date(sandbox.lastSeen + config.idleMs).toISOString(),
    /** Whether the run is over (the harness reported, or the watchdog did): then /log holds the whole run. */
    reported: sandbox.report !== null,
  };
}

function streamEvents(store: SandboxStore, sandbox: Sandbox, reply: FastifyReply): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  raw.write(': connected\n\n');
  const write = (event: SandboxEvent) => raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  const unsubscribe = store.subscribe(sandbox, write);
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS).unref();
  raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** The API under /api. Requests from sandbox origins are refused: user code must never drive it. */
export async function apiRoutes(app: FastifyInstance, { store, config }: { store: SandboxStore; config: ServerConfig }) {
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (origin !== undefined && store.isSandboxOrigin(origin)) throw errors.sandboxOrigin();
  });

  // The scenario arrives as text so that a syntax error can name its line and column.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: LIMITS.scenarioBytes }, (_request, body, done) => done(null, body));

  app.get('/health', async () => ({ ok: true, sandboxes: store.size }));

  app.post('/sandboxes', async (request, reply) => {
    if (typeof request.body !== 'string') throw errors.unsupportedMediaType();
    const result = parseScenarioJson(request.body);
    if (!result.ok) throw errors.invalidScenario(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'), result.errors);
    const sandbox = store.create(result.scenario, request.ip);
    return reply.code(201).send(describe(sandbox, config));
  });

  app.get<{ Params: { id: string } }>('/sandboxes/:id', async (request) => describe(store.get(request.params.id), config));

  // A finished run's sandbox can go at once: the playground deletes the previous one on each Run.
  app.delete<{ Params: { id: string } }>('/sandboxes/:id', async (request, reply) => {
    store.delete(store.get(request.params.id));
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/sandboxes/:id/log', async (request) => {
    const sandbox = store.get(request.params.id);
    return { exchanges: sandbox.exchanges, report: sandbox.report, actual: sandbox.actual };
  });

  app.get<{ Params: { id: string } }>('/sandboxes/:id/events', async (request, reply) => {
    streamEvents(store, store.get(request.params.id), reply);
  });
}
