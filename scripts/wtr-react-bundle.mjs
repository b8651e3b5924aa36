import { build } from 'esbuild';

/**
 * Serves `/__react__/app.js`: test/react/app.tsx bundled with React by esbuild (React ships
 * CommonJS only, which the test server does not convert).
 */
export function reactBundlePlugin() {
  return {
    name: 'user-trace:react-bundle',
    async serve(context) {
      if (context.path !== '/__react__/app.js') return undefined;
      const result = await build({
        entryPoints: ['test/react/app.tsx'],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        sourcemap: 'inline',
        define: { 'process.env.NODE_ENV': '"development"' },
        tsconfig: 'tsconfig.json',
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}
