// The demo host console: a plain-HTML admin page that embeds <user-trace> over real HTTP
// (RestProvider → the local demo server). The view lives in the URL: reload restores it,
// back and forward work.
import '../dist/cdn/index.js';
import { installProviderSwitch, providerFor } from './provider-switch.js';

const TEXT = {
  cs: {
    language: 'Jazyk', theme: 'Vzhled', light: 'Světlý', dark: 'Tmavý', role: 'Přihlášen jako',
    supervisor: 'Supervizor (má právo Trasování uživatelů)', agent: 'Agent (bez práva Trasování uživatelů)',
    dashboard: 'Nástěnka', manage: 'Spravovat', listings: 'Výpisy', calls: 'Hovory',
    tracing: 'Trasování uživatelů', intro: 'Detailní přehled aktivit jednotlivých uživatelů.', team: 'Tým',
    teamIntro: 'Den celého týmu; agent vybraný v řádku tabulky se ukáže podrobně pod ní.',
  },
  en: {
    language: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark', role: 'Signed in as',
    supervisor: 'Supervisor (has the User tracing right)', agent: 'Agent (no User tracing right)',
    dashboard: 'Dashboard', manage: 'Manage', listings: 'Listings', calls: 'Calls',
    tracing: 'User tracing', intro: 'A detailed overview of each user’s activities.', team: 'Team',
    teamIntro: 'The whole team’s day; the agent chosen in a row is shown in detail below.',
  },
};

const page = /** @type {HTMLElement & Record<string, any>} */ (document.getElementById('trace'));
/** The Team page (`?view=team`): the whole team's day, and below it the agent opened from it. */
const teamView = new URLSearchParams(location.search).get('view') === 'team';
if (teamView) {
  page.append(...['user-trace-team', 'user-trace-timeline', 'user-trace-stats', 'user-trace-activities'].map((tag) => document.createElement(tag)));
  document.querySelector('a[data-i18n="team"]')?.setAttribute('aria-current', 'page');
  document.querySelector('a[data-i18n="tracing"]')?.removeAttribute('aria-current');
  // The page's own heading, breadcrumb and introduction say "Team".
  for (const node of document.querySelectorAll('main > h1, .breadcrumb [data-i18n="tracing"]')) node.setAttribute('data-i18n', 'team');
  document.querySelector('main > .hint')?.setAttribute('data-i18n', 'teamIntro');
}

const controls = {
  lang: /** @type {HTMLSelectElement} */ (document.getElementById('lang')),
  theme: /** @type {HTMLSelectElement} */ (document.getElementById('theme')),
  role: /** @type {HTMLSelectElement} */ (document.getElementById('role')),
};

/** Query attributes of <user-trace> ↔ URL parameters. */
const QUERY_PARAMS = [
  ['user', 'user-id'],
  ['date', 'date'],
  ['period', 'period'],
  ['minutes', 'minutes'],
  ['deactivated', 'include-deactivated'],
  ['from', 'window-start'],
  ['to', 'window-end'],
];
const BOOLEAN_ATTRIBUTES = new Set(['minutes', 'include-deactivated']);

function readUrl() {
  const params = new URLSearchParams(location.search);
  return {
    lang: params.get('lang') === 'en' ? 'en' : 'cs',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    role: params.get('role') === 'agent' ? 'agent' : 'supervisor',
    params,
  };
}

function applyChrome({ lang, theme }) {
  document.documentElement.lang = lang;
  document.documentElement.classList.toggle('dark', theme === 'dark');
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = TEXT[lang][node.getAttribute('data-i18n')] ?? node.textContent;
  }
  document.title = `${TEXT[lang][teamView ? 'team' : 'tracing']} — Demo console`;
  controls.lang.value = lang;
  controls.theme.value = theme;
}

let currentRole = '';
function applyRole(role) {
  controls.role.value = role;
  if (role === currentRole) return;
  currentRole = role;
  // A new provider: the page drops everything it held and loads again with the new rights.
  page.provider = providerFor(role);
}

function applyQuery(params) {
  for (const [param, attribute] of QUERY_PARAMS) {
    const value = params.get(param);
    if (BOOLEAN_ATTRIBUTES.has(attribute)) page.toggleAttribute(attribute, value === '1');
    else if (value) page.setAttribute(attribute, value);
    else if (attribute === 'user-id') openOnSomeoneWorking();
    else if (attribute === 'period') page.setAttribute(attribute, 'day');
    else page.removeAttribute(attribute);
  }
}

/** The agent the console opens on when the URL names none and nobody is working now. */
const DEFAULT_USER = 'jana.novakova';

/**
 * Without a user in the URL the console opens today on an agent who is working now: logged in with
 * an activity running (else at least logged in), so the page shows a live day with its now-line.
 */
async function openOnSomeoneWorking() {
  const provider = page.provider;
  const signal = new AbortController().signal;
  let found = '';
  try {
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const users = (await provider.listUsers({ includeDeactivated: false, signal })).slice(0, 20);
    const period = { start: start.toISOString(), end: end.toISOString(), signal };
    // One request for all where the provider has one (the team endpoint), else all at once: asked
    // one after the other, the page said "Select the user" for seven seconds.
    const traces = provider.loadTeamTrace
      ? await provider.loadTeamTrace({ userIds: users.map((u) => u.id), ...period })
      : Object.fromEntries(await Promise.all(users.map(async (u) => [u.id, await provider.loadTrace({ userId: u.id, ...period })])));
    for (const user of users) {
      const trace = traces[user.id];
      if (!trace?.sessions.some((s) => s.end === null)) continue;
      found ||= user.id;
      if (trace.activities.some((a) => a.end === null)) {
        found = user.id;
        break;
      }
    }
  } catch {
    // No right to list users, or the API is down: the element shows why once it loads.
  }
  if (new URLSearchParams(location.search).get('user') || page.provider !== provider) return;
  page.setAttribute('user-id', found || DEFAULT_USER);
  await page.updateComplete;
  writeUrl('replace', page.store.snapshot.query);
}

/** @param {'push' | 'replace'} mode @param {Record<string, any> | undefined} query the store's query, when known */
function writeUrl(mode, query) {
  const params = new URLSearchParams();
  if (query) {
    if (query.userId) params.set('user', query.userId);
    params.set('date', query.date);
    params.set('period', query.period);
    if (query.minutes) params.set('minutes', '1');
    if (query.includeDeactivated) params.set('deactivated', '1');
    if (query.windowStart && query.windowEnd) {
      params.set('from', query.windowStart);
      params.set('to', query.windowEnd);
    }
  } else for (const [param, attribute] of QUERY_PARAMS) {
    if (BOOLEAN_ATTRIBUTES.has(attribute)) {
      if (page.hasAttribute(attribute)) params.set(param, '1');
    } else {
      const value = page.getAttribute(attribute);
      if (value) params.set(param, value);
    }
  }
  if (teamView) params.set('view', 'team');
  params.set('lang', controls.lang.value);
  params.set('theme', controls.theme.value);
  params.set('role', controls.role.value);
  const url = `${location.pathname}?${params}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function restore() {
  const state = readUrl();
  applyChrome(state);
  applyRole(state.role);
  applyQuery(state.params);
}

installProviderSwitch(page, () => currentRole);
restore();
// Attributes reflect the state once the element has rendered; record it in the URL.
page.updateComplete.then(() => writeUrl('replace', page.store.snapshot.query));

page.addEventListener('user-trace-change', (event) => writeUrl('push', event.detail.query));
window.addEventListener('popstate', restore);
for (const select of Object.values(controls)) {
  select.addEventListener('change', () => {
    applyChrome({ lang: controls.lang.value, theme: controls.theme.value });
    applyRole(controls.role.value);
    writeUrl('push');
  });
}
