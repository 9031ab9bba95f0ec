import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';
import { gzipSync } from 'node:zlib';
export default mergeConfig(base, defineConfig({
  build: { outDir: '/tmp/dist-analyze', emptyOutDir: true, minify: true },
  plugins: [{
    name: 'sizes',
    generateBundle(_o, bundle) {
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (!new RegExp(process.env.CHUNKS ?? 'x').test(name)) continue;
        console.log('\n##', name, (gzipSync(chunk.code).length / 1024).toFixed(1), 'KB');
        const mods = Object.entries(chunk.modules).map(([id, m]) => [id.replace(/.*node_modules\//, 'nm/').replace(/.*work\/main\//, ''), m.renderedLength] as const);
        for (const [k, v] of mods.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('  ', (v / 1024).toFixed(1), k);
      }
    },
  }],
}));
