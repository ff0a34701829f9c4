// The dashboard builds to web/dist, which `ramstein serve` reads at start.
// `npm run dev` proxies the API to a server on 127.0.0.1:8080.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
