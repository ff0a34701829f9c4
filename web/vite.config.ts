// The dashboard builds to web/dist, which `ramstein serve` reads at start.
// `npm run dev` proxies the API to a server on 127.0.0.1:8080.
import { defineConfig, type Plugin } from 'vite';

// The style sheet goes into index.html itself: the page paints with the
// first answer, not after a second request for 5 kB of CSS.
function inlineCss(): Plugin {
  return {
    name: 'ramstein-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return;
      let html = String(page.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const tag = new RegExp(`<link rel="stylesheet"[^>]*href="/${name.replace(/[.]/g, '\\.')}"[^>]*>`);
        if (!tag.test(html)) continue;
        html = html.replace(tag, () => `<style>${String(file.source)}</style>`);
        delete bundle[name];
      }
      page.source = html;
    },
  };
}

// The chart worker as a chunk of the dashboard's own build (not a bundle of
// its own, which would hold a second copy of the charting library): the
// worker and the page then share the chunk draw.ts is in, fetched once.
// `import url from 'virtual:render-worker'` gives the worker's address.
function renderWorker(): Plugin {
  let building = false;
  return {
    name: 'ramstein-render-worker',
    configResolved(config) { building = config.command === 'build'; },
    resolveId(id) { return id === 'virtual:render-worker' ? '\0render-worker' : null; },
    load(id) {
      if (id !== '\0render-worker') return null;
      if (!building) return `export default ${JSON.stringify('/src/render-worker.ts')};`;
      const reference = this.emitFile({ type: 'chunk', id: 'src/render-worker.ts', name: 'render-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

export default defineConfig({
  plugins: [inlineCss(), renderWorker()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
