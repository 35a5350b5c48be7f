import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '@cors-playground/scenario';
import { RUN_PATH } from './harness/page';
import type { SandboxStore } from './sandbox-store';

/** Where the playground origin frames a sandbox's run: `/run-frame/SANDBOXID`. */
export const RUN_FRAME_PREFIX = '/run-frame/';

/**
 * A page on the playground's own origin whose only content is a sandbox's harness page in a
 * frame: the "frame" run context (the scenario's `context`) for runs that are not driven by the
 * web app, such as `cors-playground verify`. SameSite cookies look at the top-level site, here the
 * playground's, cross-site to every sandbox origin, exactly as in the web app's run frame
 * (apps/web/src/components/run-frame.tsx, whose sandbox attribute this copies). The frame's URL is
 * built from the sandbox the server holds, never taken from the request.
 */
export function runFramePage(runUrl: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${escapeHtml(title || 'CORS Playground run')} (in a frame)</title>
</head>
<body>
<iframe src="${escapeHtml(runUrl)}" sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-modals" title="Run of the client code"></iframe>
</body>
</html>
`;
}

/**
 * The page holds one frame and nothing else: no script, style or fetch of its own, and only the
 * sandbox's page origin may be framed. No Referer leaks the playground's path to the sandbox.
 */
export function runFrameHeaders(pageOrigin: string): Record<string, string> {
  return {
    'content-security-policy': `default-src 'none'; frame-src ${pageOrigin}; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

export async function runFrameRoutes(app: FastifyInstance, { store }: { store: SandboxStore }) {
  app.get<{ Params: { id: string } }>(`${RUN_FRAME_PREFIX}:id`, async (request, reply) => {
    const sandbox = store.get(request.params.id);
    const page = sandbox.origins[sandbox.scenario.page]!;
    return reply.type('text/html; charset=utf-8').headers(runFrameHeaders(page.origin)).send(runFramePage(page.origin + RUN_PATH, sandbox.scenario.title));
  });
}
