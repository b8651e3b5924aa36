import { STRICT_CSP } from '../server/demo-server.mjs';

/** Violations reported by the browser (CSP `report-uri`), newest last. */
const reports = [];

/**
 * Serves the demo console (`/demo/…`, `/dist/…`) under the strict Content-Security-Policy of
 * docs/spec.md#access-and-safety — no `unsafe-inline`, no `unsafe-eval`, Trusted Types enforced — and collects
 * violation reports at `/__csp-report` (GET lists them, DELETE clears them), so browser tests can
 * load the console in an iframe and prove nothing was blocked.
 */
export function strictCspMiddleware() {
  const policy = `${STRICT_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")}; report-uri /__csp-report`;
  return async function strictCsp(ctx, next) {
    if (ctx.path === '/__csp-report') {
      if (ctx.method === 'POST') {
        let body = '';
        for await (const chunk of ctx.req) body += chunk;
        try {
          reports.push(JSON.parse(body)['csp-report'] ?? JSON.parse(body));
        } catch {
          reports.push({ unparsed: body });
        }
        ctx.status = 204;
        return;
      }
      if (ctx.method === 'DELETE') reports.length = 0;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(reports);
      return;
    }
    await next();
    if (ctx.path.startsWith('/demo/') || ctx.path.startsWith('/dist/')) {
      ctx.set('Content-Security-Policy', policy);
    }
  };
}
