import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two pages: the playground (index.html) and the predictor (predictor.html), which runs the
 * prediction inside a sandboxed frame with an opaque origin. That frame fetches its module scripts
 * in CORS mode with `Origin: null`, so the dev server answers CORS (`server.cors`) and the
 * production server sends `Access-Control-Allow-Origin: *` on /assets/*.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5_000,
    rollupOptions: {
      input: {
        main: here('./index.html'),
        predictor: here('./predictor.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    cors: true,
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  preview: { port: 4173, cors: true, proxy: { '/api': { target: 'http://localhost:8080' } } },
});
