import babelParser from '@babel/eslint-parser';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/**
 * Lint for Lit templates and web-component rules. TypeScript 7's native compiler has no JS API,
 * so typescript-eslint cannot parse; Babel's TypeScript preset parses the sources instead
 * (types are checked by `tsc`).
 */
export default [
  { ignores: ['dist/**', 'node_modules/**', 'storybook-static/**', 'coverage/**', '**/*.d.ts'] },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts'],
    languageOptions: {
      parser: babelParser,
      parserOptions: {
        requireConfigFile: false,
        babelOptions: {
          babelrc: false,
          configFile: false,
          presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
          plugins: [['@babel/plugin-proposal-decorators', { version: '2023-11' }]],
          parserOpts: { plugins: ['typescript', 'decoratorAutoAccessors', ['decorators', {}]] },
        },
      },
    },
    plugins: { lit, wc },
    rules: {
      ...lit.configs['flat/all']?.rules,
      ...wc.configs['flat/best-practice']?.rules,
      'lit/no-template-bind': 'off',
      'lit/no-template-map': 'off',
      'lit/no-template-arrow': 'off',
      'lit/no-private-properties': 'off',
      'lit/attribute-names': 'off',
      'lit/prefer-query-decorators': 'off',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-legacy-template-syntax': 'error',
      'lit/no-property-change-update': 'error',
      'wc/guard-super-call': 'off',
      'no-debugger': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
];
