// The demo data as a Daktela v6 instance answers it: `{ error, result: { data, total } }` under
// `{base}/api/v6/…` (users.json, activities.json with filter[…], skip / take ≤ 1000,
// activities/{name}.json, X-AUTH-TOKEN), plus what a host would keep itself because Daktela's
// public API documents no login or pause history: `{base}/host/status-events.json`.
// Framework-free like demo-api.mjs: `handle()` maps a plain request to a plain response.
import { DEMO_TOKENS, DEMO_ROLES } from './demo-api.mjs';
import { loadDemoModule } from './load-demo-provider.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_TAKE = 1000;
const DAY_MS = 86_400_000;
/** Activity type → Daktela `type`; ticket work is a comment (empty type) on the ticket. */
const DAKTELA_TYPES = { call: 'CALL', email: 'EMAIL', web: 'CHAT', sms: 'SMS', messenger: 'FBM', whatsapp: 'WAP', viber: 'VBR', ticket: '' };
const QUEUE_TYPES = { CALL: 'in', EMAIL: 'email', CHAT: 'chat', SMS: 'sms', FBM: 'fbm', WAP: 'wap', VBR: 'vbr', '': 'in' };

/**
 * @param {{ base?: string; seed?: number; now?: () => number; latencyMs?: number; heavyUserId?: string | null; repoRoot?: string }} [options]
 *   `base`: URL path prefix, default `/daktela`. The others as in `createDemoApi`.
 */
export function createDaktelaDemoApi(options = {}) {
  const base = (options.base ?? '/daktela').replace(/\/+$/, '');
  const clock = options.now ?? Date.now;
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  /** @type {Promise<any> | null} */
  let loading = null;
  /** @type {{ key: string; at: number; records: object[] } | null} */
  let cached = null;
  const demo = () =>
    (loading ??= loadDemoModule({ repoRoot: options.repoRoot }).then((mod) => {
      let pinnedNow = clock();
      const provider = new mod.DemoProvider({
        seed: options.seed ?? 1,
        heavyUserId: options.heavyUserId === undefined ? 'load-test' : options.heavyUserId,
        now: () => pinnedNow,
      });
      const generate = (userId, startMs, endMs, nowMs = clock()) => {
        pinnedNow = nowMs;
        return mod.generateDemoTrace(provider, userId, startMs, endMs);
      };
      return { mod, provider, generate, timeZone: mod.DEMO_TIME_ZONE };
    }));

  /** @param {{ method: string; url: string; headers: Record<string, string | string[] | undefined> }} request */
  async function handle(request) {
    const url = new URL(request.url, 'http://demo.invalid');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, null, [`${request.method} is not supported here.`]);
    const token = String(request.headers['x-auth-token'] ?? '');
    const role = DEMO_TOKENS[token];
    if (!role) return answer(401, null, ['Invalid access token. Demo tokens: supervisor-token, agent-token.']);
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!DEMO_ROLES[role]) return answer(403, null, [`The role "${role}" may not read activities.`]);
    const ctx = await demo();
    const path = url.pathname.slice(base.length);
    if (path === '/api/v6/users.json') return page(ctx.provider.users(true).map((u) => daktelaUser(u, ctx.timeZone)), url);
    if (path === '/api/v6/activities.json') return activities(ctx, url);
    const detail = /^\/api\/v6\/activities\/([^/]+)\.json$/.exec(path);
    if (detail) return activityDetail(ctx, decodeURIComponent(detail[1]));
    if (path === '/host/status-events.json') return statusEvents(ctx, url);
    return answer(404, null, [`No endpoint ${path}.`]);
  }

  function activities(ctx, url) {
    const filters = filtersOf(url.searchParams);
    // Without a user filter (DaktelaProvider.loadTeamTrace): every user's activities of the period.
    const user = filters.find((f) => f.field === 'user' && f.operator === 'eq')?.value;
    const users = user ? [user] : ctx.provider.users(true).map((u) => u.id);
    if (user && !ctx.provider.users(true).some((u) => u.id === user)) return page([], url);
    const read = (operator) => {
      const value = filters.find((f) => f.field === 'time' && f.operator === operator)?.value;
      return value === undefined ? null : (ctx.mod.parseDaktelaTime(value, ctx.timeZone)?.ms ?? Number.NaN);
    };
    const from = read('gte');
    const to = read('lt');
    if (Number.isNaN(from) || Number.isNaN(to)) return answer(200, null, { filter: ['time must be YYYY-MM-DD HH:MM:SS.'] });
    const nowMs = clock();
    const startMs = from ?? nowMs - DAY_MS;
    const endMs = to ?? nowMs;
    if (endMs - startMs > 62 * DAY_MS) return answer(200, null, { filter: ['At most 62 days per request.'] });
    // Paging asks for the same list again and again: keep it a minute, so the pages fit together.
    const key = `${user ?? ''}|${startMs}|${endMs}`;
    if (cached?.key !== key || nowMs - cached.at > 60_000) {
      const records = users
        .flatMap((id) => ctx.generate(id, startMs, endMs, nowMs).activities.map((a) => daktelaActivity(a, id, ctx)))
        .sort((a, b) => a.time.localeCompare(b.time));
      cached = { key, at: nowMs, records };
    }
    return page(cached.records, url);
  }

  function activityDetail(ctx, name) {
    // Demo ids are `{userId}:{YYYY-MM-DD}:{n}`: the day says where to look.
    const match = /^(.*):(\d{4}-\d{2}-\d{2}):\d+$/.exec(name);
    const day = match ? Date.parse(`${match[2]}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(day)) return answer(404, null, [`Activity "${name}" not found.`]);
    const found = ctx.generate(match[1], day - DAY_MS, day + 2 * DAY_MS).activities.find((a) => a.id === name);
    if (!found) return answer(404, null, [`Activity "${name}" not found.`]);
    return answer(200, { data: { ...daktelaActivity(found, match[1], ctx), ...ctx.mod.demoActivityDetail(options.seed ?? 1, found) } });
  }

  /** The host's own status log of a user, as generic status events (what a host records from Daktela's realtime sessions). */
  function statusEvents(ctx, url) {
    const user = url.searchParams.get('user') ?? '';
    const startMs = Date.parse(url.searchParams.get('start') ?? '');
    const endMs = Date.parse(url.searchParams.get('end') ?? '');
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs < startMs || endMs - startMs > 62 * DAY_MS) {
      return answer(400, null, ['start and end must be ISO instants, at most 62 days apart.']);
    }
    const data = ctx.generate(user, startMs, endMs);
    const events = [];
    const statuses = {};
    for (const s of data.sessions) {
      events.push({ at: s.start, kind: 'login', userId: user });
      if (s.end) events.push({ at: s.end, kind: 'logout', userId: user });
    }
    for (const p of data.pauses) {
      statuses[p.name] = { pause: p.name, paid: p.paid };
      events.push({ at: p.start, kind: 'status', status: p.name, userId: user });
      if (p.end) events.push({ at: p.end, kind: 'status', status: 'Ready', userId: user });
    }
    return answer(200, { events, statuses });
  }

  return { base, handle, ready: () => demo().then(() => undefined) };
}

function daktelaUser(user, timeZone) {
  return { name: user.id, title: user.name, alias: '', type: 'user', deactivated: user.deactivated === true, timezone: timeZone };
}

function daktelaActivity(a, user, ctx) {
  const type = DAKTELA_TYPES[a.type] ?? a.type.toUpperCase();
  const local = (iso) => (iso ? ctx.mod.formatDaktelaTime(Date.parse(iso), ctx.timeZone) : null);
  const seconds = a.end ? Math.round((Date.parse(a.end) - Date.parse(a.start)) / 1000) : 0;
  return {
    name: a.id,
    title: a.title ?? '',
    important: false,
    action: a.end === null ? 'OPEN' : a.closed ? 'CLOSE' : 'WAIT',
    type,
    item: a.direction ? { name: `${a.id}:item`, direction: type === 'CALL' ? a.direction : a.direction.toUpperCase() } : null,
    queue: a.queue ? { name: a.queue, title: a.queue, type: QUEUE_TYPES[type] ?? 'in' } : null,
    user: { name: user, title: user },
    contact: a.contact ? { name: a.contact, title: a.contact } : null,
    ticket: a.ticketId ? { name: a.ticketId, title: a.title ?? a.ticketId } : null,
    time: local(a.start),
    time_open: local(a.start),
    time_close: local(a.end),
    duration: seconds,
    ringing_time: 0,
    statuses: [],
  };
}

/** `filter[N][field|operator|value]` → `[{ field, operator, value }]`. */
function filtersOf(params) {
  const byIndex = new Map();
  for (const [key, value] of params) {
    const match = /^filter\[(\d+)\]\[(field|operator|value)\]$/.exec(key);
    if (!match) continue;
    const entry = byIndex.get(match[1]) ?? {};
    entry[match[2]] = value;
    byIndex.set(match[1], entry);
  }
  return [...byIndex.values()];
}

/** One `skip` / `take` page of `records`, as Daktela answers a list. */
function page(records, url) {
  const skip = Math.max(0, Number.parseInt(url.searchParams.get('skip') ?? '0', 10) || 0);
  const take = Math.min(MAX_TAKE, Math.max(1, Number.parseInt(url.searchParams.get('take') ?? '100', 10) || 100));
  return answer(200, { data: records.slice(skip, skip + take), total: records.length });
}

/** Daktela's envelope; `error` is a list or an object of field → messages, empty when all is well. */
function answer(status, result, error = []) {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    body: JSON.stringify({ error, result, _time: new Date().toISOString() }),
  };
}
