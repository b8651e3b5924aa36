#!/usr/bin/env node
// The package's tool metadata, all from the elements' JSDoc and `static properties`:
//   node scripts/manifest.mjs           writes custom-elements.json, vscode.html-custom-data.json
//                                       and web-types.json (`npm run analyze`; commit them)
//   node scripts/manifest.mjs --check   fails when the committed files differ from the sources
//   node scripts/manifest.mjs --types   adds `@attr` tags to the element classes in dist/types
//                                       (part of `npm run build`; reads custom-elements.json)
// The build never rewrites the committed files, so it cannot reorder them either.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeTags, elementsOf, vscodeData, webTypes } from './manifest-shape.mjs';

const FILES = ['custom-elements.json', 'vscode.html-custom-data.json', 'web-types.json'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Runs the analyzer into `dir` and derives the editor data there. */
function generate(dir) {
  const result = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cem analyze failed:\n${result.stdout}${result.stderr}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  writeFileSync(join(dir, 'custom-elements.json'), json(manifest));
  writeFileSync(join(dir, 'vscode.html-custom-data.json'), json(vscodeData(manifest)));
  writeFileSync(join(dir, 'web-types.json'), json(webTypes(manifest, pkg)));
}

/** Writes each element's attributes into its class comment in dist/types. */
function addAttributeTags() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const declarations = readdirSync('dist/types', { recursive: true })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => join('dist/types', file));
  for (const element of elementsOf(manifest)) {
    const file = declarations.find((path) => readFileSync(path, 'utf8').includes(`export declare class ${element.name} `));
    if (!file) throw new Error(`no declaration of ${element.name} in dist/types`);
    const text = readFileSync(file, 'utf8');
    const classAt = text.indexOf(`export declare class ${element.name} `);
    const commentEnd = text.lastIndexOf('*/', classAt);
    const tags = attributeTags(element).map((tag) => ` * ${tag}\n`).join('');
    const hasComment = commentEnd !== -1 && /^\s*$/.test(text.slice(commentEnd + 2, classAt));
    const out = hasComment
      ? `${text.slice(0, commentEnd)}*\n${tags} ${text.slice(commentEnd)}`
      : `${text.slice(0, classAt)}/**\n${tags} */\n${text.slice(classAt)}`;
    writeFileSync(file, out);
  }
}

if (process.argv.includes('--types')) {
  addAttributeTags();
} else if (process.argv.includes('--check')) {
  const dir = 'node_modules/.cache/user-trace-manifest';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generate(dir);
  const stale = FILES.filter((file) => !existsSync(file) || readFileSync(file, 'utf8') !== readFileSync(join(dir, file), 'utf8'));
  if (stale.length) {
    console.error(`Stale: ${stale.join(', ')} — the sources say otherwise. Run \`npm run analyze\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${FILES.join(', ')}: current`);
} else {
  generate('.');
  console.log(`Wrote ${FILES.join(', ')}`);
}
