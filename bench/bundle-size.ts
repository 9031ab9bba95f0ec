/**
 * What a browser downloads before each screen can show, gzipped: the entry chunk and its static
 * imports (the sign-in page), plus a screen's own chunk and what it imports statically. Reads the
 * manifest of the last `vite build` in dist/client. Run: `npx vite build && npx tsx bench/bundle-size.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ScreenWeight {
  screen: string;
  /** Gzipped JavaScript needed before the screen renders, entry included. */
  jsGzipBytes: number;
  cssGzipBytes: number;
  chunks: number;
}

const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

export function measureBundle(distDir = path.resolve('dist/client')): ScreenWeight[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const gzipped = new Map<string, number>();
  const gzipSize = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const staticClosure = (key: string, into: Set<string>) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, into);
    return into;
  };
  const weigh = (screen: string, keys: Set<string>): ScreenWeight => {
    let js = 0;
    let css = 0;
    const cssFiles = new Set<string>();
    for (const key of keys) {
      const chunk = manifest[key]!;
      js += gzipSize(chunk.file);
      for (const file of chunk.css ?? []) cssFiles.add(file);
    }
    for (const file of cssFiles) css += gzipSize(file);
    return { screen, jsGzipBytes: js, cssGzipBytes: css, chunks: keys.size };
  };

  const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];
  if (!entryKey) throw new Error('The manifest has no entry chunk; run `npx vite build` first.');
  const entry = staticClosure(entryKey, new Set());
  const weights = [weigh('sign-in page (entry)', entry)];
  for (const key of manifest[entryKey]!.dynamicImports ?? []) {
    const screen = staticClosure(key, new Set(entry));
    const name = path.basename(manifest[key]!.src ?? key).replace(/\.tsx?$/, '');
    weights.push(weigh(name, screen));
  }
  return weights;
}

export function bundleTable(weights: ScreenWeight[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = weights.map(
    (w) =>
      `| ${w.screen} | ${kb(w.jsGzipBytes)} | ${kb(w.cssGzipBytes)} | ${w.chunks} | ${
        w.jsGzipBytes <= FIRST_LOAD_BUDGET_BYTES ? 'yes' : 'NO'
      } |`,
  );
  return [
    '| screen | JS before it shows (gzip) | CSS (gzip) | chunks | ≤ 300 KB |',
    '|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(bundleTable(measureBundle()));
}
