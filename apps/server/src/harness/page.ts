import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

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

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function harnessPage(options: { origins: Record<string, string>; client: string; timeoutMs: number; title: string }): string {
  const config = { origins: options.origins, client: options.client, timeoutMs: options.timeoutMs, reportPath: REPORT_PATH };
  const title = options.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
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
<script type="application/json" id="cors-playground-config">${scriptSafeJson(config)}</script>
<script src="${SCRIPT_PATH}"></script>
</body>
</html>
`;
}
