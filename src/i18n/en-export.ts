/**
 * English of the exported documents (`Messages.export` beyond the buttons' labels), loaded with the
 * export code rather than with every page: `en.export` holds only the labels, and the exports read
 * their messages through {@link withExport}, which fills what a language lacks from here.
 */
import { formatNumber } from './format.js';
import type { ExportMessages, Messages } from './messages.js';
import { completing } from './complete.js';

const n = (count: number): string => formatNumber(count, 'en');

export const EN_EXPORT: Omit<ExportMessages, 'pdf' | 'excel' | 'exporting' | 'failed'> = {
  pageOf: (page, pages) => `Page ${n(page)} of ${n(pages)}`,
  sheetActivities: 'Activities',
  sheetStatistics: 'Statistics',
  title: 'User tracing',
  statistic: 'Statistic',
  value: 'Value',
  meta: { user: 'User', period: 'Period', window: 'Time window', timeZone: 'Time zone', filter: 'Filter', rows: 'Rows', generated: 'Exported' },
  section: 'Section',
  definition: 'Definition',
  quoted: (text) => `“${text}”`,
  filterNone: 'none (all activities)',
  longPdf: {
    title: 'A long PDF',
    text: (pages) => `The PDF would have about ${pages} pages.`,
    proceed: 'Continue',
    excel: 'Export to Excel instead',
    cancel: 'Cancel',
  },
};

/** Messages whose `export` namespace is complete. */
export type ExportTranslation = Messages & { export: ExportMessages };

/** `t` with its export messages completed from English (kept per messages object). */
export const withExport: <T extends Messages>(t: T) => T & ExportTranslation = completing('export', EN_EXPORT);
