import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';

/**
 * Dev-server plugin of the test runners: a request for `/src/….js` that has no such file but a
 * `.ts` beside it gets that TypeScript compiled. Imports of the sources name `.js` and the esbuild
 * plugin maps them; a worker's URL (`new Worker(new URL('./xlsx-worker.js', import.meta.url))`) is
 * not an import, so without this the tests could only ever see the worker fail to load.
 */
export function tsForJsPlugin() {
  return {
    name: 'user-trace:ts-for-js',
    async serve(context) {
      if (!context.path.startsWith('/src/') || !context.path.endsWith('.js')) return undefined;
      const js = path.join(process.cwd(), context.path);
      const ts = js.replace(/\.js$/, '.ts');
      if (existsSync(js) || !existsSync(ts)) return undefined;
      const { code } = await transform(readFileSync(ts, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: ts });
      return { body: code, type: 'js' };
    },
  };
}
