/** Translations (cs, en, host-registered) and the Intl formatting helpers. */
export type {
  ActivitiesMessages,
  CommonMessages,
  DeepPartial,
  DetailMessages,
  ExportMessages,
  Messages,
  StatFigure,
  StateMessages,
  StatsMessages,
  TimelineMessages,
} from './messages.js';
export { en } from './en.js';
export {
  getMessages,
  loadTranslation,
  matchLang,
  onTranslationsChange,
  registerTranslation,
  registeredLanguages,
  resolveLang,
} from './registry.js';
export { LocalizeController, type LocalizeOptions } from './localize-controller.js';
export { activityTypeLabel } from './labels.js';
export {
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationWords,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatWeekday,
  pluralCategory,
  safeLocale,
  selectPlural,
  type DateInput,
  type DateStyle,
  type PluralForms,
  type WeekdayStyle,
} from './format.js';
