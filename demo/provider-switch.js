// Which API the demo console reads: the REST API of docs/rest-api.md (RestProvider) or the same
// demo data in Daktela's v6 envelope under /daktela/… (DaktelaProvider from user-trace/adapters.js).
// The choice lives in sessionStorage (or `?api=daktela` on first load), so the console's own URL
// handling stays as it is.
import { RestProvider } from '../dist/cdn/rest.js';
import { DaktelaProvider } from '../dist/cdn/adapters.js';

const STORAGE_KEY = 'user-trace-demo-api';
/** The demo server's Daktela tokens, by console role. */
const DAKTELA_TOKENS = { supervisor: 'supervisor-token', agent: 'agent-token' };
const LABELS = {
  rest: 'REST API (RestProvider)',
  daktela: 'Daktela v6 (DaktelaProvider)',
};

function readChoice() {
  const fromUrl = new URLSearchParams(location.search).get('api');
  if (fromUrl === 'daktela' || fromUrl === 'rest') sessionStorage.setItem(STORAGE_KEY, fromUrl);
  return sessionStorage.getItem(STORAGE_KEY) === 'daktela' ? 'daktela' : 'rest';
}

let choice = readChoice();

/** The provider for a console role through the chosen API. */
export function providerFor(role) {
  if (choice === 'rest') return new RestProvider({ baseUrl: '/api', headers: () => ({ 'X-Demo-Role': role }) });
  const token = DAKTELA_TOKENS[role] ?? '';
  const base = new URL('/daktela', location.href).href;
  return new DaktelaProvider({
    baseUrl: base,
    accessToken: token,
    timeZone: 'Europe/Prague',
    // Daktela documents no login/pause history endpoint: a host keeps its own; the demo server plays that host.
    statusHistory: async ({ userId, start, end, signal }) => {
      const query = new URLSearchParams({ user: userId, start, end });
      const response = await fetch(`${base}/host/status-events.json?${query}`, { headers: { 'x-auth-token': token }, signal });
      if (response.status === 401 || response.status === 403) return [];
      return (await response.json()).result;
    },
  });
}

/** Adds an "API" picker to the console's top bar; a change gives `page` a new provider. */
export function installProviderSwitch(page, currentRole) {
  const label = document.createElement('label');
  const caption = document.createElement('span');
  caption.textContent = 'API';
  const select = document.createElement('select');
  select.id = 'api';
  for (const [value, text] of Object.entries(LABELS)) select.append(new Option(text, value, false, value === choice));
  label.append(caption, select);
  document.querySelector('.switches')?.append(label);
  select.addEventListener('change', () => {
    choice = select.value === 'daktela' ? 'daktela' : 'rest';
    sessionStorage.setItem(STORAGE_KEY, choice);
    page.provider = providerFor(currentRole());
  });
}
