/**
 * The PDF export's fonts: where the TTF files come from and loading them as base64 (what jspdf's
 * `addFileToVFS` takes). A module of its own, without jspdf, so that the page can load the fonts
 * for a PDF written in a worker (pdf-off-thread.ts) without loading jspdf itself.
 */

/** Where the TTF files come from; hosts with their own asset pipeline may point elsewhere. */
export interface PdfFonts {
  regular: string | URL;
  bold?: string | URL;
}

/**
 * The DejaVu Sans files of the `dejavu-fonts-ttf` package. The dev server serves node_modules; the
 * rollup build copies each file next to this chunk and rewrites the URL.
 */
export const DEFAULT_PDF_FONTS: PdfFonts = {
  regular: new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', import.meta.url),
  bold: new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', import.meta.url),
};

const fontCache = new Map<string, Promise<string>>();

/** The font file as base64 (what `addFileToVFS` takes); fetched once per URL and page. */
function loadFont(url: string | URL): Promise<string> {
  const key = String(url);
  let pending = fontCache.get(key);
  if (!pending) {
    pending = fetch(key).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load the PDF font ${key} (HTTP ${response.status}).`);
      return toBase64(new Uint8Array(await response.arrayBuffer()));
    });
    // A failed fetch may succeed later (network back): do not cache the failure.
    pending.catch(() => fontCache.delete(key));
    fontCache.set(key, pending);
  }
  return pending;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** The font files as base64; without a bold face headings fall back to the regular one (a plainer file, still correct). */
export async function loadPdfFonts(fonts: PdfFonts): Promise<{ regular: string; bold: string | null }> {
  const [regular, bold] = await Promise.all([loadFont(fonts.regular), fonts.bold ? loadFont(fonts.bold).catch(() => null) : Promise.resolve(null)]);
  return { regular, bold };
}
