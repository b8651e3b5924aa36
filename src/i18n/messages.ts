import type { ActivityLane, ChatChannel, KnownActivityType } from '../model/types.js';
import type { FillPattern } from '../model/catalog.js';
import type { ProviderErrorKind } from '../data/provider.js';

/**
 * The typed message registry: every user-visible string of the library, per namespace.
 * Parameterised strings are functions, so plural rules and number formatting stay in the
 * translation. Element authors add keys to their own namespace (and to `cs` and `en`).
 */
export interface Messages {
  common: CommonMessages;
  timeline: TimelineMessages;
  stats: StatsMessages;
  activities: ActivitiesMessages;
  detail: DetailMessages;
  /** The export buttons' labels; the rest (the documents' own words) loads with the exports (`en-export.ts`), read through `withExport`. */
  export: ExportLabels & Partial<ExportMessages>;
  states: StateMessages;
  /** English loads with the team element (`en-team.ts`): `en.team` is empty; the team reads it through `withTeam`. */
  team: Partial<TeamMessages>;
}

/** Labels shared by every element. */
export interface CommonMessages {
  /** Activity type labels; `other` is for types the library does not know. */
  activityTypes: Record<KnownActivityType | 'other', string>;
  /** Plural nouns for the overview lanes and statistic groups; `status` is the login/pause lane. */
  lanes: Record<ActivityLane | 'status', string>;
  directions: Record<'in' | 'out' | 'internal', string>;
  /** Login states drawn in the Status lane. */
  status: { loggedOut: string; ready: string; pausedPaid: string; pausedUnpaid: string };
  yes: string;
  no: string;
  /** Shown instead of an end time while an activity, session or pause still runs. */
  running: string;
  /** Placeholder for a value that is not known. */
  unknown: string;
  close: string;
}

/** `<user-trace-timeline>`: navigation, pickers, legend. */
export interface TimelineMessages {
  title: string;
  previous: string;
  next: string;
  previousDay: string;
  nextDay: string;
  previousWeek: string;
  nextWeek: string;
  today: string;
  date: string;
  period: string;
  day: string;
  week: string;
  minutes: string;
  user: string;
  showDeactivated: string;
  /** Marker after a deactivated user's name, e.g. "(deactivated)". */
  deactivated: string;
  legend: string;
  /** How the legend's swatches (and the canvas) fill each kind: the patterns, a plain fill, the now-line. */
  fills: Record<FillPattern | 'solid' | 'line', string>;
  now: string;
  /** Accessible name of the lane grid of one day, e.g. "Overview of Tuesday 5 March". */
  dayOverview: (dayLabel: string) => string;
  /** Screen-reader label of an activity: type, time range and duration in words, optional title. */
  activityLabel: (type: string, timeRange: string, durationWords: string, title?: string) => string;
  /** Several activities drawn in one place, e.g. "12 activities". */
  activityCluster: (count: number) => string;
  /** Group label of the previous / today / next / date controls. */
  dateNavigation: string;
  /** Group label of the zoom buttons, and the buttons. */
  zoom: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  /** Pan buttons, shown while zoomed in. */
  panEarlier: string;
  panLater: string;
  /** The selected time window, e.g. "Window 9:00–11:00". */
  windowLabel: (range: string) => string;
  clearWindow: string;
  /** Accessible name of the focusable activity lanes. */
  activities: string;
  /** Keyboard help of the lanes, e.g. "Arrow keys move between activities, Enter opens the detail." */
  activitiesHint: string;
  /** The period has login data but no activity. */
  noActivities: string;
  /** Length of a day that is not 24 hours long (DST), e.g. "23 h". */
  hours: (count: number) => string;
  /** A week row's day button, e.g. "Mon 23 Mar 2026 – open the day" (starts with the visible label). */
  openDay: (day: string) => string;
  /** A week row's figures, short: logged-in, ready and idle time of the day; `notYet` instead of them (beside dashes) and of the activities on a day after now. */
  dayFigures: { logged: string; ready: string; idle: string; notYet: string };
  /** Over wall-clock time a week row's day does not have (the skipped hour, or the repeated one on the other days). */
  noSuchTime: string;
  /** The idle part of ready time (ready with no activity in progress), e.g. "of it idle 20 minutes". */
  idlePart: (duration: string) => string;
  /** Status lane: ready with no activity in progress. */
  idle: string;
  /** Minutes view: show every hour of the day, not only those with a session or an activity. */
  allHours: string;
  /** User picker: placeholder, open button, empty filter result, loading, truncated list, count. */
  userPlaceholder: string;
  showUsers: string;
  noUserMatches: string;
  loadingUsers: string;
  /** The user list could not be loaded (a retry button follows). */
  usersError: string;
  moreUsers: (shown: number, total: number) => string;
  userCount: (count: number) => string;
}

/** One statistic: its name and the one-sentence definition shown as help (docs/spec.md#statistics). */
export interface StatFigure {
  label: string;
  definition: string;
}

/** `<user-trace-stats>`. */
export interface StatsMessages {
  title: string;
  /** Group headings: Calls, Emails, Chats, Tickets, Pauses, Login. */
  groups: { calls: string; emails: string; chats: string; tickets: string; pauses: string; login: string };
  figures: {
    callsTime: StatFigure;
    callsTalkTime: StatFigure;
    callsClosed: StatFigure;
    emailsTime: StatFigure;
    emailsClosed: StatFigure;
    chatsTime: StatFigure;
    chatsClosed: StatFigure;
    ticketsEdited: StatFigure;
    ticketsClosed: StatFigure;
    pausesPaid: StatFigure;
    pausesUnpaid: StatFigure;
    loginLogged: StatFigure;
    loginReady: StatFigure;
    loginIdle: StatFigure;
    loginOccupancy: StatFigure;
    pauseByName: StatFigure;
  };
  /** Per-channel row labels, e.g. "WhatsApp – time". */
  chatChannelTime: (channel: string) => string;
  chatChannelClosed: (channel: string) => string;
  /** Label of one named pause's time, e.g. "Pause “Oběd”". */
  pauseNamed: (name: string) => string;
  /** Shown for talk time when the data source does not report it. */
  talkTimeUnknown: string;
  /** Shown when talk time (a sum over calls) exceeds the time on calls (their union): the calls overlap. */
  talkExceedsCalls: string;
  /** Shown for occupancy when there was no Ready time. */
  occupancyNone: string;
  noPauses: string;
  /** Heading of a chat channel: the channel names. */
  channels: Record<ChatChannel, string>;
  /** Toggle that shows every figure's definition under it. */
  showDefinitions: string;
}

/** `<user-trace-activities>`. */
export interface ActivitiesMessages {
  title: string;
  columns: {
    type: string;
    start: string;
    end: string;
    duration: string;
    title: string;
    queue: string;
    contact: string;
    direction: string;
    closed: string;
    actions: string;
    /** Week view's date column. */
    date: string;
  };
  /** The type filter's options that list logins and pauses: with the activities, only logins, only pauses. */
  statusFilters: { all: string; login: string; pause: string };
  /** The type column of a login or pause row. */
  statusRows: { login: string; paidPause: string; unpaidPause: string };
  /** Added to the row count when logins and pauses are listed, e.g. "logins and pauses: 3". */
  statusCount: (count: number) => string;
  /** Tooltip of a duration cut to the period or window: the part shown and the whole duration. */
  durationClipped: (part: string, whole: string) => string;
  /** Accessible name of the eye button for one row, e.g. "Show detail: Call 9:05–9:12". */
  showDetailOf: (description: string) => string;
  filterByType: string;
  allTypes: string;
  filterText: string;
  filterTextPlaceholder: string;
  sortBy: (column: string) => string;
  /** "N activities" with plural rules. */
  rowCount: (count: number) => string;
  /** "N of M activities" when a filter hides some rows. */
  rowCountFiltered: (shown: number, total: number) => string;
  noMatch: string;
  /** How to move through the rows with the keyboard (the grid's description). */
  keyboardHint: string;
  /** What the Duration column measures (its header's description). */
  durationHint: string;
  /** Accessible name of the export buttons' group. */
  exportGroup: string;
}

/** The activity detail dialog. */
export interface DetailMessages {
  title: string;
  close: string;
  loading: string;
  error: string;
  /** Heading of the fields the provider's `loadActivityDetail` added. */
  moreFields: string;
  /**
   * Labels of known field names (activity fields and the usual detail fields);
   * any other key is shown as the provider named it.
   */
  fields: Record<string, string>;
}

/** The export buttons: on every page with a list. */
export type ExportLabels = Pick<ExportMessages, 'pdf' | 'excel' | 'exporting' | 'failed'>;

/** PDF and Excel export. */
export interface ExportMessages {
  pdf: string;
  excel: string;
  exporting: string;
  failed: string;
  /** "Page x of y" in the PDF footer. */
  pageOf: (page: number, pages: number) => string;
  sheetActivities: string;
  sheetStatistics: string;
  /** Report title, "User tracing". */
  title: string;
  /** Column headers of the statistics sheet. */
  statistic: string;
  value: string;
  /** Labels of the report's header lines (PDF title block, Statistics sheet). */
  meta: { user: string; period: string; window: string; timeZone: string; filter: string; rows: string; generated: string };
  /** Further column headers of the statistics sheet. */
  section: string;
  definition: string;
  /** A search text as the header states it, in the language's quotes. */
  quoted: (text: string) => string;
  /** The filter line's value when nothing is filtered. */
  filterNone: string;
  /** The question before a PDF of more than 200 pages, and its answers. */
  longPdf: { title: string; text: (pages: string) => string; proceed: string; excel: string; cancel: string };
}

/** `<user-trace-team>`: a team's day, one row per agent. */
export interface TeamMessages {
  title: string;
  /** The name column's heading. */
  agent: string;
  /** The timeline column's heading. */
  day: string;
  filter: string;
  filterPlaceholder: string;
  fitShift: string;
  /** Loading progress: agents answered of all. */
  progress: (done: number, total: number) => string;
  /** Agents shown of all (after the name filter). */
  count: (shown: number, total: number) => string;
  noAccess: string;
  rowError: string;
  rowLoading: string;
  noMatches: string;
  noAgents: string;
  /** Records of one agent that were left out. */
  badRecords: (count: number) => string;
  /** The row's accessible summary: name and the figures in words. */
  rowSummary: (name: string, figures: string) => string;
  /** The grid's accessible name, e.g. "Team, Tuesday 10 March 2026". */
  gridLabel: (day: string) => string;
  hint: string;
  /** The status segment or activity the keyboard is on, with its place in the row. */
  itemOf: (position: number, count: number, item: string) => string;
  nothingInRow: string;
  sortBy: (column: string) => string;
}

/** Loading, empty, error, access-denied and data-warning states. */
export interface StateMessages {
  loading: string;
  emptyPeriod: string;
  error: string;
  /** Error with the provider's message, for the details line. */
  errorDetail: (message: string) => string;
  /** The summary of the disclosure that holds the technical message. */
  technicalDetail: string;
  /** While a new query loads: the period still shown, e.g. "Still showing Tuesday 3 March 2026." */
  stillShowing: (period: string) => string;
  /** The same line over a first part of the new period, shown while the rest loads. */
  loadingRest: string;
  /**
   * The reason of a failed load in plain words, by the error's `kind` (`PROVIDER_ERROR_KINDS`);
   * `unknown` for an error without a kind the library knows.
   */
  errorKinds: Record<ProviderErrorKind | 'unknown', string>;
  retry: string;
  accessDeniedTitle: string;
  accessDeniedText: string;
  /** "N records from the data source were invalid and left out." with plural rules. */
  invalidRecords: (count: number) => string;
  selectUser: string;
  noUsers: string;
  noProvider: string;
  dismiss: string;
}

/** Every property optional, recursively; functions are kept whole. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
