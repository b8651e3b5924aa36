#!/usr/bin/env node
// `npm start` runs the build, then this: serves the demo page and the demo REST API on 127.0.0.1.
// Environment: PORT (default 8000), HOST (default 127.0.0.1), LATENCY_MS (default 300), SEED (default 1).
import { createDemoServer } from './demo-server.mjs';

function intFromEnv(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number ≥ 0, got "${text}".`);
    process.exit(2);
  }
  return value;
}

const port = intFromEnv('PORT', 8000);
const latencyMs = intFromEnv('LATENCY_MS', 300);
const seed = intFromEnv('SEED', 1);
const host = process.env.HOST || '127.0.0.1';

try {
  const demo = await createDemoServer({ port, host, latencyMs, seed });
  const api = new URL(demo.api.apiBase + '/users', demo.url).href;
  console.log(`user-trace demo: ${demo.url}`);
  console.log(`  REST API: ${api}  (X-Demo-Role: supervisor | agent; heavy user: load-test)`);
  console.log('  Ctrl+C to stop.');
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error && error.code === 'EADDRINUSE') {
    console.error(`Port ${port} on ${host} is in use. Stop the other server or start with PORT=8001 npm start.`);
  } else {
    console.error('The demo server could not start:', error);
  }
  process.exit(1);
}
