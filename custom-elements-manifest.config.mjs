/** Custom Elements Manifest from the elements' JSDoc (shipped via package.json `customElements`). */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/export/**', 'dist/**', 'stories/**', 'node_modules/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
