/**
 * The production build (`npm run build` → dist/, run before the browser tests) keeps the export
 * libraries out of the main bundle (docs/spec.md#export): only chunks that `import()` reaches import
 * jspdf and write-excel-file, and the PDF font ships as an asset (dist/assets/).
 * Reads dist/ through the test server, which serves the repository root and resolves dist's bare
 * imports of its dependencies to node_modules, as a host's bundler would.
 */
import { expect } from '@open-wc/testing';

/** Strings that only jspdf / write-excel-file contain (they survive minification). */
const JSPDF_MARKERS = ['addFileToVFS', 'jsPDF'];
const XLSX_MARKERS = ['[Content_Types].xml', 'sharedStrings.xml'];

const texts = new Map<string, string>();

async function load(url: string): Promise<string> {
  let text = texts.get(url);
  if (text === undefined) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}. Run \`npm run build\` first: the bundle tests read dist/.`);
    text = await response.text();
    texts.set(url, text);
  }
  return text;
}

/** `import … from "x"`, `import "x"`, `export … from "x"` — not `import("x")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Every module `entry` loads before it runs: itself and its static imports, transitively. */
async function staticGraph(entry: string): Promise<Map<string, string>> {
  const graph = new Map<string, string>();
  const queue = [new URL(entry, location.href).href];
  while (queue.length) {
    const url = queue.shift()!;
    if (graph.has(url)) continue;
    const text = await load(url);
    graph.set(url, text);
    for (const match of text.matchAll(STATIC_IMPORT)) queue.push(new URL(match[1]!, url).href);
  }
  return graph;
}

/** Chunks the graph loads on demand. */
function dynamicImports(graph: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const [url, text] of graph) for (const match of text.matchAll(DYNAMIC_IMPORT)) found.add(new URL(match[1]!, url).href);
  return [...found].filter((url) => !graph.has(url));
}

const contains = (graph: Map<string, string>, marker: string) => [...graph.values()].some((text) => text.includes(marker));

describe('production bundle', () => {
  for (const entry of ['/dist/index.js', '/dist/activities.js']) {
    it(`${entry} loads neither jspdf nor write-excel-file up front`, async () => {
      const graph = await staticGraph(entry);
      for (const marker of [...JSPDF_MARKERS, ...XLSX_MARKERS]) {
        const holder = [...graph].find(([, text]) => text.includes(marker))?.[0];
        expect(holder, `"${marker}" is in the static graph of ${entry}`).to.equal(undefined);
      }
    });
  }

  it('puts the PDF and Excel writers in chunks reached only by import()', async () => {
    const main = await staticGraph('/dist/index.js');
    const lazy = dynamicImports(main);
    let pdf: Map<string, string> | undefined;
    let xlsx: Map<string, string> | undefined;
    for (const url of lazy) {
      const graph = await staticGraph(url);
      if (JSPDF_MARKERS.every((m) => contains(graph, m))) pdf = graph;
      if (XLSX_MARKERS.every((m) => contains(graph, m))) xlsx = graph;
    }
    expect(pdf, 'no lazy chunk holds jspdf').to.not.equal(undefined);
    expect(xlsx, 'no lazy chunk holds write-excel-file').to.not.equal(undefined);
    // Each writer stays out of the other's chunk.
    expect(XLSX_MARKERS.some((m) => contains(pdf!, m))).to.equal(false);
    expect(JSPDF_MARKERS.some((m) => contains(xlsx!, m))).to.equal(false);
  });

  it('ships the DejaVu Sans font as an asset the PDF export finds', async () => {
    const main = await staticGraph('/dist/index.js');
    // The fonts' chunk (pdf-fonts.ts): the page loads the fonts, also for a PDF written in a worker.
    const pdfChunk = (
      await Promise.all(dynamicImports(main).map(async (url) => [url, await load(url)] as const))
    ).find(([, text]) => /new URL\(\s*["'][^"']+\.ttf["']/.test(text));
    expect(pdfChunk, 'no chunk of the PDF fonts').to.not.equal(undefined);
    const [url, text] = pdfChunk!;
    const references = [...text.matchAll(/new URL\(\s*["']([^"']+\.ttf)["']/g)].map((m) => m[1]!);
    expect(references.length, 'no `new URL("….ttf", import.meta.url)` in the fonts\' chunk').to.be.greaterThan(0);
    for (const reference of references) {
      // It must point into dist/, not at node_modules, which a host's server does not have.
      expect(reference.includes('node_modules'), `font URL ${reference} points into node_modules`).to.equal(false);
    }
    for (const font of references.map((reference) => new URL(reference, url).href)) {
      const response = await fetch(font);
      expect(response.ok, font).to.equal(true);
      const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 4);
      // TrueType files start with version 1.0 (00 01 00 00).
      expect([...head]).to.deep.equal([0, 1, 0, 0]);
    }
  });
});
