/**
 * The question before a very long PDF: past {@link LONG_PDF_PAGES} pages the list asks, in a modal
 * dialog in its own shadow root, whether to continue, to export to Excel instead, or to cancel.
 * Loaded on demand with the first PDF export.
 */
import { css, html, render } from 'lit';
import type { ExportFormat, ExportReport } from '../../report/report.js';
import { estimatePdfPages, LONG_PDF_PAGES } from '../../export/pdf-pages.js';
import type { Messages } from '../../i18n/index.js';
import { withExport } from '../../i18n/en-export.js';

const styles = css`
  .long-pdf {
    max-inline-size: min(32rem, 90vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 1rem 1.25rem;
  }
  .long-pdf h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .long-pdf p {
    margin: 0 0 1rem;
  }
  .long-pdf .answers {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  .long-pdf button {
    font: inherit;
    min-block-size: 2rem;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--_control-border, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .long-pdf button.primary {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .long-pdf button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/**
 * `pdf` when the report's PDF stays within {@link LONG_PDF_PAGES} pages; otherwise what the viewer
 * answers: `pdf` (continue), `xlsx` (Excel instead) or `null` (cancel, also Escape).
 */
export async function confirmLongPdf(element: HTMLElement, t: Messages, report: ExportReport): Promise<ExportFormat | null> {
  const pages = estimatePdfPages(report);
  if (pages <= LONG_PDF_PAGES) return 'pdf';
  const root = element.shadowRoot;
  if (!root) return Promise.resolve('pdf');
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const host = document.createElement('div');
  root.appendChild(host);
  const m = withExport(t).export.longPdf;
  return new Promise((resolve) => {
    const answer = (value: ExportFormat | null) => {
      const dialog = host.querySelector('dialog');
      if (dialog?.open) dialog.close();
      host.remove();
      resolve(value);
    };
    render(
      html`<dialog class="long-pdf" part="long-pdf-dialog" aria-labelledby="long-pdf-title" aria-describedby="long-pdf-text"
        @cancel=${(e: Event) => {
          e.preventDefault();
          answer(null);
        }}>
        <h3 id="long-pdf-title">${m.title}</h3>
        <p id="long-pdf-text">${m.text(new Intl.NumberFormat(report.locale).format(pages))}</p>
        <div class="answers">
          <button type="button" data-answer="cancel" @click=${() => answer(null)}>${m.cancel}</button>
          <button type="button" data-answer="xlsx" class="primary" @click=${() => answer('xlsx')}>${m.excel}</button>
          <button type="button" data-answer="pdf" @click=${() => answer('pdf')}>${m.proceed}</button>
        </div>
      </dialog>`,
      host,
    );
    const dialog = host.querySelector('dialog')!;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('[data-answer="xlsx"]')?.focus();
  });
}
