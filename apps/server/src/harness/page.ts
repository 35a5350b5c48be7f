import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { escapeHtml, scriptJson } from '@cors-playground/scenario';

export const HARNESS_PREFIX = '/__cors-playground/';
export const RUN_PATH = `${HARNESS_PREFIX}run`;
export const REPORT_PATH = `${HARNESS_PREFIX}report`;
export const SCRIPT_PATH = `${HARNESS_PREFIX}harness.js`;

let bundle: string | null = null;

/** The harness script for the browser, bundled once per process. */
export function harnessScript(): string {
  bundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./client.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    minify: false,
    legalComments: 'none',
  }).outputFiles[0]!.text;
  return bundle;
}

export function harnessPage(options: { origins: Record<string, string>; client: string; timeoutMs: number; title: string }): string {
  const config = { origins: options.origins, client: options.client, timeoutMs: options.timeoutMs, reportPath: REPORT_PATH };
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${title || 'CORS Playground run'}</title>
<style>body{font:14px system-ui,sans-serif;margin:12px;color:#333}</style>
</head>
<body>
<p id="status">Running the client code…</p>
<script type="application/json" id="cors-playground-config">${scriptJson(config)}</script>
<script src="${SCRIPT_PATH}"></script>
</body>
</html>
`;
}
