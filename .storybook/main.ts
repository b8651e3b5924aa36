import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * Vite 8 does not lower standard decorators (`@property() accessor x`): without this the build
 * succeeds and the stories crash in the browser. esbuild does it, as in tests and rollup.
 */
function lowerDecorators(): Plugin {
  return {
    name: 'user-trace:lower-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/(src|stories)\/.*\.ts$/.test(id.split('?')[0] ?? '')) return null;
      const result = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id });
      return { code: result.code, map: result.map };
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [lowerDecorators(), ...(viteConfig.plugins ?? [])];
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
