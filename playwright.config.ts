import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './packages/cli/src/verify/session';

// The e2e suite runs Debian's Chromium with the same flags as `cors-playground verify`.
// E2E_PORT moves the suite's server (four consecutive ports: two http, then two https) so two
// checkouts can run it at once.
const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 18080);
export const E2E_PORTS = [E2E_BASE_PORT, E2E_BASE_PORT + 1] as const;
export const E2E_HTTPS_PORTS = [E2E_BASE_PORT + 2, E2E_BASE_PORT + 3] as const;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORTS[0]}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: `npx tsx apps/server/src/main.ts --port ${E2E_PORTS[0]} --second-port ${E2E_PORTS[1]} --https-port ${E2E_HTTPS_PORTS[0]} --second-https-port ${E2E_HTTPS_PORTS[1]}`,
    url: `http://localhost:${E2E_PORTS[0]}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
