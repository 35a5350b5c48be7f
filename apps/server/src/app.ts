import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { apiRoutes } from './api';
import { runFrameRoutes } from './run-frame';
import { resolveConfig, type ServerConfig, type ServerOptions } from './config';
import { ApiError } from './errors';
import { expiredPage, handleSandboxRequest } from './sandbox-handler';
import { SandboxStore } from './sandbox-store';
import { requestHost } from './host';
import { createUpgradeHandler, type UpgradeHandler } from './websocket';

export interface PlaygroundApp {
  app: FastifyInstance;
  store: SandboxStore;
  config: ServerConfig;
  /** Fastify's own request listener, for the extra listeners (other ports, other addresses). */
  handler: () => RequestListener;
  /** Tells the app which ports it really listens on, so sandbox origins name them. */
  setPorts(ports: { http: number[]; https: number[] }): void;
  /** The `upgrade` listener every http and https server gets: WebSocket on sandbox origins (websocket.ts). */
  upgrade: UpgradeHandler['handle'];
}

/** A sandbox answer that failed midway: a 500 if nothing was sent yet, else the connection ends so the browser sees the failure. */
function failedAnswer(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('The sandbox server failed to answer this request (see the server log).\n');
}

const FASTIFY_ERROR_STATUS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty-body'],
};

function errorHandler(error: FastifyError | ApiError, _request: unknown, reply: import('fastify').FastifyReply) {
  if (error instanceof ApiError) {
    return reply.code(error.statusCode).send({ error: error.code, message: error.message, errors: error.details });
  }
  const known = FASTIFY_ERROR_STATUS[error.code ?? ''];
  if (known) return reply.code(known[0]).send({ error: known[1], message: error.message });
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) reply.log.error(error);
  return reply.code(status).send({ error: status === 500 ? 'internal' : 'bad-request', message: status === 500 ? 'internal error' : error.message });
}

export async function buildApp(overrides: ServerOptions = {}): Promise<PlaygroundApp> {
  const config = resolveConfig(overrides);
  let ports = { http: [...config.ports.http], https: [...config.ports.https] };
  let listener: RequestListener | null = null;
  const app = Fastify({
    logger: config.logger,
    serverFactory: (handler) => {
      listener = handler as RequestListener;
      return createServer(handler).on('upgrade', (request, socket, head) => upgrades.handle(request, socket, head));
    },
  });
  const store = new SandboxStore(config, () => ports);
  const upgrades = createUpgradeHandler(store, config);

  // Every request whose Host is a sandbox host is answered from its scenario, never by the
  // playground's routes: one process, many origins, routed by Host.
  app.addHook('onRequest', async (request, reply) => {
    const host = requestHost(request.raw);
    if (!host) return;
    const target = store.target(host.hostname, host.port);
    if (target) {
      reply.hijack();
      // Past hijack() Fastify answers nothing: a failure here would leave the browser's request hanging.
      await handleSandboxRequest(store, config, target, request.raw, reply.raw).catch((error: unknown) => {
        request.log.error(error);
        failedAnswer(reply.raw);
      });
    } else if (store.isSandboxHostName(host.hostname)) {
      reply.hijack();
      reply.raw.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      reply.raw.end(expiredPage(host.hostname));
    }
  });
  // The playground's own pages: no sandbox page may frame them or have them sniffed.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', "frame-ancestors 'self'");
  });
  app.setErrorHandler(errorHandler);
  await app.register(apiRoutes, { prefix: '/api', store, config });
  await app.register(runFrameRoutes, { store });

  if (existsSync(config.webRoot)) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      // The predictor runs in a sandboxed frame with an opaque origin: its module scripts are
      // fetched in CORS mode with `Origin: null`, so the app's static assets allow any origin.
      setHeaders: (reply, path) => {
        if (path.includes('/assets/')) reply.header('access-control-allow-origin', '*');
      },
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build` (npm start does it for you).\n'),
    );
  }
  app.addHook('onClose', async () => upgrades.close());
  app.addHook('onClose', async () => store.close());
  await app.ready();

  return {
    app,
    store,
    config,
    handler: () => {
      if (!listener) throw new Error('the server has not been created');
      return listener;
    },
    upgrade: upgrades.handle,
    setPorts(next) {
      ports = { http: [...next.http], https: [...next.https] };
    },
  };
}
