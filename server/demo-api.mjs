// The demo REST API (docs/rest-api.md) answered from the deterministic DemoProvider data.
// Framework-free: `handle()` maps a plain request to a plain response; demo-server.mjs adapts it
// to node:http and wtr-api-plugin.mjs to Koa (web-test-runner).
import { loadDemoModule } from './load-demo-provider.mjs';
import { decodePathSegment } from './path-segment.mjs';
import { COLUMNS_TYPE, acceptsColumns, encodeActivityColumns } from './trace-columns.mjs';

/** Roles of the demo console: the supervisor has the "User tracing" right, the agent has not. */
export const DEMO_ROLES = Object.freeze({ supervisor: true, agent: false });

/** Bearer tokens the demo accepts (`Authorization: Bearer supervisor-token`). */
export const DEMO_TOKENS = Object.freeze({ 'supervisor-token': 'supervisor', 'agent-token': 'agent' });

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * @typedef {object} DemoApiOptions
 * @property {string} [apiBase] URL path prefix of the API. Default `/api`.
 * @property {number} [seed] Seed of the demo data. Default `1`.
 * @property {number} [latencyMs] Delay of every API answer, in ms. Default `0`.
 * @property {string | null} [heavyUserId] Id of the load-test user with 100 000 activities a week. Default `load-test`; `null` for none.
 * @property {number} [heavyActivitiesPerWeek] Default `100000`.
 * @property {string[]} [deniedUserIds] Users whose trace answers 403 even for the supervisor.
 * @property {'supervisor' | 'agent' | null} [defaultRole] Role of a request that names none; `null` answers 401. Default `supervisor`.
 * @property {() => number} [now] The clock of the demo data. Default `Date.now`.
 * @property {number} [defaultPageSize] Trace items per page when the client sends no `limit`. Default `20000`.
 * @property {number} [defaultColumnsPageSize] The same for pages in columns (`Accept: application/vnd.user-trace.columns+json`), about 2.5 times fewer bytes an item; also the largest `limit` honoured for them when above `maxPageSize`. Default `125000`: a week of 100 000 activities is one page, and `JSON.parse` of a page (≈ 9 MB) stays a short task.
 * @property {number} [maxPageSize] Largest `limit` honoured. Default `100000`.
 * @property {boolean} [cors] Answer CORS preflights and allow any origin. Default `false`.
 * @property {string} [repoRoot] Where `src/data/demo-provider.ts` lives. Default: this repository.
 */

/**
 * @typedef {object} ApiRequest
 * @property {string} method
 * @property {string} url Path and query, e.g. `/api/users?includeDeactivated=false`.
 * @property {Record<string, string | string[] | undefined>} headers Lower-case names (as node:http and Koa give them).
 */

/**
 * @typedef {object} ApiResponse
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} body
 */

/**
 * The demo API. `handle(request)` resolves with the response, or with `null` when the URL is
 * not under `apiBase` (the caller serves it otherwise).
 *
 * Access: the role comes from `X-Demo-Role: supervisor|agent`, a `demo-role=` cookie or
 * `Authorization: Bearer supervisor-token|agent-token` (an unknown token answers 401);
 * the agent gets 403 on every endpoint.
 *
 * @param {DemoApiOptions} [options]
 */
export function createDemoApi(options = {}) {
  const apiBase = (options.apiBase ?? '/api').replace(/\/+$/, '');
  const seed = options.seed ?? 1;
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const heavyUserId = options.heavyUserId === undefined ? 'load-test' : options.heavyUserId;
  const denied = new Set(options.deniedUserIds ?? []);
  const defaultRole = options.defaultRole === undefined ? 'supervisor' : options.defaultRole;
  const clock = options.now ?? Date.now;
  const defaultPageSize = options.defaultPageSize ?? 20_000;
  const defaultColumnsPageSize = options.defaultColumnsPageSize ?? 125_000;
  const maxPageSize = options.maxPageSize ?? 100_000;
  const cors = options.cors ?? false;

  // The provider's clock is pinned per trace snapshot, so every page of one load sees the same data.
  let pinnedNow = clock();
  /** @type {Promise<any> | null} */
  let providerPromise = null;
  const provider = () =>
    (providerPromise ??= loadDemoModule({ repoRoot: options.repoRoot }).then((mod) => {
      const demo = new mod.DemoProvider({
        seed,
        heavyUserId,
        heavyActivitiesPerWeek: options.heavyActivitiesPerWeek,
        now: () => pinnedNow,
      });
      // The synchronous generator (no latency, no access check): the API checks access itself.
      demo.generate = (userId, startMs, endMs) => mod.generateDemoTrace(demo, userId, startMs, endMs);
      return { mod, demo };
    }));

  /**
   * Generated traces of loads that need more pages, by `user|start|end|now`: later pages reuse the
   * first page's data. Few and short-lived: a 100 000-activity week is tens of MB.
   */
  const traces = new Map();
  const TRACE_CACHE_SIZE = 3;
  const TRACE_CACHE_MS = 120_000;
  /**
   * Traces of periods that had ended, with nothing running, when they were generated, by
   * `user|start|end`: a later clock gives the same data (nothing of it can start or end later), so
   * another load of the same week — the supervisor going back to it — reuses the data and the
   * pages' answers, which a 100 000-activity week otherwise takes the server 200–400 ms to make.
   * The last {@link PAST_CACHE_SIZE}, of at most {@link PAST_CACHE_ITEMS} items each.
   */
  const past = new Map();
  const PAST_CACHE_SIZE = 4;
  const PAST_CACHE_ITEMS = 300_000;

  function snapshot(demo, userId, startMs, endMs, nowMs, keep) {
    const pastKey = `${userId}|${startMs}|${endMs}`;
    const done = past.get(pastKey);
    if (done && nowMs >= done.nowMs) {
      past.delete(pastKey);
      past.set(pastKey, done); // the most recent last
      return done;
    }
    const key = `${userId}|${startMs}|${endMs}|${nowMs}`;
    const at = Date.now();
    for (const [k, entry] of traces) if (at - entry.at > TRACE_CACHE_MS) traces.delete(k);
    const cached = traces.get(key);
    if (cached) {
      cached.at = at;
      return cached;
    }
    pinnedNow = nowMs;
    const data = demo.generate(userId, startMs, endMs);
    // One sequence over the three arrays: a page is a slice of it.
    const entry = { data, total: data.sessions.length + data.pauses.length + data.activities.length, at, nowMs, answers: null };
    if (endMs <= nowMs && entry.total <= PAST_CACHE_ITEMS && !running(data)) {
      entry.answers = new Map();
      past.set(pastKey, entry);
      while (past.size > PAST_CACHE_SIZE) past.delete(past.keys().next().value);
    } else if (keep(entry.total)) {
      traces.set(key, entry);
      while (traces.size > TRACE_CACHE_SIZE) traces.delete(traces.keys().next().value);
    }
    return entry;
  }

  /** @param {ApiRequest} request @returns {Promise<ApiResponse | null>} */
  async function handle(request) {
    const url = new URL(request.url, 'http://demo.invalid');
    const path = url.pathname;
    if (path !== apiBase && !path.startsWith(`${apiBase}/`)) return null;
    const corsHeaders = cors
      ? {
          'access-control-allow-origin': headerOf(request, 'origin') || '*',
          'access-control-allow-headers': 'authorization, x-demo-role, content-type',
          'access-control-expose-headers': 'retry-after',
          'access-control-allow-methods': 'GET, OPTIONS',
          vary: 'origin',
        }
      : {};
    if (request.method === 'OPTIONS' && cors) return { status: 204, headers: corsHeaders, body: '' };
    const response = await route(request, url, path.slice(apiBase.length));
    const vary = [corsHeaders.vary, response.headers.vary].filter(Boolean).join(', ');
    response.headers = { ...corsHeaders, ...response.headers, ...(vary ? { vary } : {}) };
    return response;
  }

  async function route(request, url, path) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return { ...error(405, 'method-not-allowed', `${request.method} is not supported; the API is read-only.`), headers: { ...jsonHeaders(), allow: 'GET' } };
    }
    const segments = path.split('/').filter(Boolean).map(decodePathSegment);
    if (segments.some((s) => s === null)) return error(400, 'bad-path', 'The path is not valid percent-encoding.');

    const access = roleOf(request, defaultRole);
    if (access.status === 401) {
      return { ...error(401, 'unauthenticated', access.message), headers: { ...jsonHeaders(), 'www-authenticate': 'Bearer realm="user-trace-demo"' } };
    }
    if (latencyMs) await delay(latencyMs);
    if (!DEMO_ROLES[access.role]) {
      return error(403, 'forbidden', `The role "${access.role}" does not have the "User tracing" right.`);
    }

    const { demo } = await provider();
    const [first, userId, what, activityId, ...rest] = segments;
    if (first === 'team' && userId === 'trace' && what === undefined) return loadTeamTrace(demo, url);
    if (first !== 'users') return error(404, 'not-found', `No endpoint ${path || '/'}.`);
    if (userId === undefined) return listUsers(demo, url);
    if (!demo.users(true).some((u) => u.id === userId)) return error(404, 'user-not-found', `User "${userId}" not found.`);
    if (denied.has(userId)) return error(403, 'forbidden', `You may not see the trace of user "${userId}".`);
    if (what === 'trace' && activityId === undefined) return loadTrace(demo, userId, url, acceptsColumns(request.headers.accept));
    if (what === 'activities' && activityId !== undefined && rest.length === 0) return activityDetail(demo, userId, activityId);
    return error(404, 'not-found', `No endpoint ${path}.`);
  }

  /** The `start` and `end` query parameters, or the 400 answer that says what is wrong with them. */
  function periodOf(url, maxDays, tooLong) {
    const start = url.searchParams.get('start');
    const end = url.searchParams.get('end');
    const startMs = parseIsoInstant(start);
    const endMs = parseIsoInstant(end);
    if (startMs === null) return { error: error(400, 'bad-parameter', `start must be an ISO 8601 instant with an offset, got ${JSON.stringify(start)}.`) };
    if (endMs === null) return { error: error(400, 'bad-parameter', `end must be an ISO 8601 instant with an offset, got ${JSON.stringify(end)}.`) };
    if (endMs < startMs) return { error: error(400, 'bad-parameter', 'end must not be before start.') };
    if (endMs - startMs > maxDays * 86_400_000) return { error: error(400, 'range-too-long', tooLong) };
    return { start, end, startMs, endMs, error: null };
  }

  /** `GET /team/trace?userIds=a,b&start=…&end=…`: every listed user's trace; denied and unknown users are left out. */
  async function loadTeamTrace(demo, url) {
    const range = periodOf(url, 8, 'At most 8 days per team request.');
    if (range.error) return range.error;
    const { start, end } = range;
    const userIds = (url.searchParams.get('userIds') ?? '').split(',').filter(Boolean);
    if (userIds.length > 200) return error(400, 'too-many-users', 'At most 200 users per request.');
    const known = new Set(demo.users(true).map((u) => u.id));
    const traces = {};
    const signal = new AbortController().signal;
    for (const userId of userIds) {
      if (!known.has(userId) || denied.has(userId)) continue;
      traces[userId] = await demo.loadTrace({ userId, start, end, signal });
    }
    return ok({ traces });
  }

  function listUsers(demo, url) {
    const flag = url.searchParams.get('includeDeactivated');
    if (flag !== null && flag !== 'true' && flag !== 'false') {
      return error(400, 'bad-parameter', `includeDeactivated must be "true" or "false", got "${flag}".`);
    }
    return ok({ users: demo.users(flag === 'true') });
  }

  /** `GET /users/{id}/trace`: one page, its activities in columns when `columns` (the request's `Accept` asked for them). */
  function loadTrace(demo, userId, url, columns) {
    const range = periodOf(url, 62, 'At most 62 days per request.');
    if (range.error) return range.error;
    const { startMs, endMs } = range;

    const limitText = url.searchParams.get('limit');
    let limit = columns ? defaultColumnsPageSize : defaultPageSize;
    if (limitText !== null) {
      limit = Number(limitText);
      if (!Number.isInteger(limit) || limit < 1) return error(400, 'bad-parameter', `limit must be a positive integer, got "${limitText}".`);
      limit = Math.min(limit, columns ? Math.max(maxPageSize, defaultColumnsPageSize) : maxPageSize);
    }
    let offset = 0;
    let nowMs = clock();
    const cursorText = url.searchParams.get('cursor');
    if (cursorText !== null) {
      const cursor = decodeCursor(cursorText);
      if (!cursor || cursor.u !== userId || cursor.s !== startMs || cursor.e !== endMs) {
        return error(400, 'bad-cursor', 'The cursor is not one this server gave for this query.');
      }
      offset = cursor.o;
      nowMs = cursor.n;
    }
    const entry = snapshot(demo, userId, startMs, endMs, nowMs, (count) => offset + limit < count);
    const { data, total } = entry;
    // A past period's page is the same answer each time (its cursor names the clock it was made at).
    const answerKey = `${offset}|${limit}|${columns}`;
    const kept = entry.answers?.get(answerKey);
    if (kept) return { ...kept, headers: { ...kept.headers } };
    const page = { sessions: [], pauses: [], activities: [] };
    let index = offset;
    const stop = Math.min(total, offset + limit);
    const ns = data.sessions.length;
    const np = data.pauses.length;
    for (; index < stop; index++) {
      if (index < ns) page.sessions.push(data.sessions[index]);
      else if (index < ns + np) page.pauses.push(data.pauses[index - ns]);
      else page.activities.push(data.activities[index - ns - np]);
    }
    const nextCursor = stop < total ? encodeCursor({ u: userId, s: startMs, e: endMs, n: entry.nowMs, o: stop }) : null;
    if (nextCursor === null) traces.delete(`${userId}|${startMs}|${endMs}|${nowMs}`); // the load is complete
    // Either form varies with Accept: a cache must keep them apart.
    const answer = columns
      ? ok(
          { sessions: page.sessions, pauses: page.pauses, activityColumns: encodeActivityColumns(page.activities), nextCursor },
          { 'content-type': `${COLUMNS_TYPE}; charset=utf-8`, vary: 'accept' },
        )
      : ok({ ...page, nextCursor }, { vary: 'accept' });
    entry.answers?.set(answerKey, { ...answer, headers: { ...answer.headers } });
    return answer;
  }

  async function activityDetail(demo, userId, activityId) {
    // Demo ids are `{userId}:{YYYY-MM-DD}:{n}`: the day says where to look.
    const match = /^(.*):(\d{4}-\d{2}-\d{2}):\d+$/.exec(activityId);
    const day = match && match[1] === userId ? Date.parse(`${match[2]}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(day)) return error(404, 'activity-not-found', `Activity "${activityId}" not found.`);
    pinnedNow = clock();
    // ±1 day around the UTC date covers the Prague day whatever its offset.
    const data = demo.generate(userId, day - 86_400_000, day + 2 * 86_400_000);
    const activity = data.activities.find((a) => a.id === activityId);
    if (!activity) return error(404, 'activity-not-found', `Activity "${activityId}" not found.`);
    const { mod } = await provider();
    return ok(mod.demoActivityDetail(seed, activity));
  }

  return {
    apiBase,
    handle,
    /** Starts bundling the demo data now instead of on the first request. */
    ready: () => provider().then(() => undefined),
  };
}

/**
 * The role of a request, or a 401.
 * @param {ApiRequest} request
 * @param {string | null} defaultRole
 * @returns {{ status: 200; role: string } | { status: 401; message: string }}
 */
function roleOf(request, defaultRole) {
  const auth = headerOf(request, 'authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    const role = match ? DEMO_TOKENS[match[1]] : undefined;
    // The token itself is never echoed back.
    if (!role) return { status: 401, message: 'The bearer token is not valid. Demo tokens: supervisor-token, agent-token.' };
    return { status: 200, role };
  }
  const header = headerOf(request, 'x-demo-role').trim().toLowerCase();
  const cookie = /(?:^|;\s*)demo-role=([^;]*)/.exec(headerOf(request, 'cookie'))?.[1]?.trim().toLowerCase() ?? '';
  const named = header || cookie;
  if (named) {
    if (!(named in DEMO_ROLES)) return { status: 401, message: `Unknown demo role "${named.slice(0, 40)}"; use supervisor or agent.` };
    return { status: 200, role: named };
  }
  if (defaultRole === null) return { status: 401, message: 'Sign in: send X-Demo-Role, a demo-role cookie or Authorization.' };
  return { status: 200, role: defaultRole };
}

function headerOf(request, name) {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function jsonHeaders() {
  return { 'content-type': JSON_TYPE, 'cache-control': 'no-store' };
}

/** Whether a generated trace has a session, pause or activity still running (`end: null`). */
function running(data) {
  return [data.sessions, data.pauses, data.activities].some((list) => list.some((item) => item.end === null));
}

/** A 200 answer with `body` as JSON; `headers` added to (or replacing) the JSON ones. */
function ok(body, headers = {}) {
  return { status: 200, headers: { ...jsonHeaders(), ...headers }, body: JSON.stringify(body) };
}

/** The documented error body: `{ "error": { "code", "message" } }`. */
function error(status, code, message) {
  return { status, headers: jsonHeaders(), body: JSON.stringify({ error: { code, message } }) };
}


/** An ISO 8601 instant with `Z` or an offset (a bare local time is ambiguous) → epoch ms, else null. */
export function parseIsoInstant(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function encodeCursor(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(text) {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const ok = value && ['s', 'e', 'n', 'o'].every((k) => Number.isInteger(value[k])) && typeof value.u === 'string' && value.o >= 0;
    return ok ? value : null;
  } catch {
    return null;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
