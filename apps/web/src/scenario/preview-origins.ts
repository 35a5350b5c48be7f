import { liveOrigins, type LiveOrigin, type SandboxAddressing, type Scenario } from '@cors-playground/scenario';

/**
 * Before the first Run there is no sandbox, yet a prediction needs live origins to build URLs.
 * It uses a placeholder sandbox id and the addressing the server is expected to use; once a
 * sandbox exists, its real domain and ports are learnt from it.
 */
export const PREVIEW_SANDBOX_ID = 'preview';

export const DEFAULT_ADDRESSING: SandboxAddressing = {
  sandboxId: PREVIEW_SANDBOX_ID,
  domain: 'localhost',
  ports: { http: [8080, 8081], https: [8443, 8444] },
};

export function previewOrigins(scenario: Scenario, addressing: SandboxAddressing = DEFAULT_ADDRESSING): Record<string, LiveOrigin> {
  return liveOrigins(scenario, { ...addressing, sandboxId: PREVIEW_SANDBOX_ID });
}

/** The domain and ports a real sandbox used, so later previews name the same hosts and ports. */
export function learnAddressing(
  scenario: Scenario,
  live: Readonly<Record<string, LiveOrigin>>,
  previous: SandboxAddressing = DEFAULT_ADDRESSING,
): SandboxAddressing {
  const ports = { http: [...previous.ports.http], https: [...previous.ports.https] };
  let domain = previous.domain;
  for (const [label, origin] of Object.entries(live)) {
    const spec = scenario.origins[label];
    if (!spec) continue;
    ports[origin.scheme][spec.port ?? 0] = origin.port;
    // host = LABEL-ID.site-SITE.DOMAIN
    const siteAt = origin.host.indexOf('.site-');
    const afterSite = siteAt === -1 ? -1 : origin.host.indexOf('.', siteAt + 1);
    if (afterSite !== -1) domain = origin.host.slice(afterSite + 1);
  }
  const filled = (list: number[]) => Array.from(list, (port) => port ?? 0);
  return { sandboxId: PREVIEW_SANDBOX_ID, domain, ports: { http: filled(ports.http), https: filled(ports.https) } };
}

/**
 * The server serves the playground on its first sandbox port and listens on the next one too
 * (apps/server: --port and --second-port), so before any sandbox exists the page's own port is
 * the best guess. `apiPort` overrides it when the page is served by something else (Vite's dev server).
 */
export function initialAddressing(location: Pick<Location, 'port' | 'protocol'>, apiPort?: number): SandboxAddressing {
  const port = apiPort ?? (Number(location.port) || (location.protocol === 'https:' ? 443 : 80));
  return { ...DEFAULT_ADDRESSING, ports: { http: [port, port + 1], https: [...DEFAULT_ADDRESSING.ports.https] } };
}
