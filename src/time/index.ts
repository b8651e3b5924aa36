/** Periods, days, hour rows and ticks in one IANA time zone (docs/spec.md#periods-and-time). */
export {
  periodRange,
  resolvePeriod,
  shiftDate,
  isValidDate,
  FIRST_SUPPORTED_DATE,
  LAST_SUPPORTED_DATE,
  type PeriodQuery,
  type ResolvedPeriod,
  type ResolvedDay,
} from './period.js';
export { hourRows, hourTicks, type HourRow, type Tick } from './hours.js';
export { firstDayOfWeekFor, isWeekday } from './week.js';
export { todayIn, dateOf, formatOffset, isValidTimeZone, defaultTimeZone } from './zone.js';
export type { Period, PeriodRange, Weekday } from '../model/types.js';
