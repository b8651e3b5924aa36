import * as pdfjs from 'pdfjs-dist';

// The worker is a plain module the dev server serves from node_modules.
pdfjs.GlobalWorkerOptions.workerSrc = new URL('/node_modules/pdfjs-dist/build/pdf.worker.mjs', location.href).href;

/** The text of every page, one string per page, items joined by single spaces. */
export async function pdfPages(blob: Blob): Promise<string[]> {
  const task = pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()) });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .filter((text) => text !== '')
        .join(' '),
    );
  }
  await task.destroy();
  return pages;
}
