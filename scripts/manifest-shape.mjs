// Shapes the analyzer's Custom Elements Manifest into the one the package ships (used by
// custom-elements-manifest.config.mjs): the modules hosts import (`dist/<entry>.js`, not src/),
// the public API only, typed events, in a stable order. Also derives the editor data from it.
import { readFileSync } from 'node:fs';

/**
 * Which shipped module holds each element: the entry whose registration module (rollup.config.mjs
 * `input`) sits in the element's folder. Everything else the root exports lives in dist/index.js.
 */
export function entryModules(input) {
  const byFolder = new Map();
  for (const [name, source] of Object.entries(input)) {
    const match = /^src\/elements\/([^/]+)\/define\.ts$/.exec(source);
    if (match) byFolder.set(match[1], `dist/${name}.js`);
  }
  return byFolder;
}

/** Tag names by class name, from the registration modules (`defineElement('tag', Class)`). */
export function tagsOf(sourceFiles) {
  const tags = new Map();
  for (const file of sourceFiles) {
    for (const match of readFileSync(file, 'utf8').matchAll(/defineElement\(\s*'([a-z][\w-]*)'\s*,\s*(\w+)\s*\)/g)) {
      tags.set(match[2], match[1]);
    }
  }
  return tags;
}

/**
 * Literal-union type aliases of the sources (`type Period = 'day' | 'week'`, and the
 * `(typeof LIST)[number]` of an `as const` list), so attribute types in the manifest spell out
 * their values for editors, Storybook controls and lit-analyzer.
 */
export function literalAliases(sourceFiles) {
  const aliases = new Map();
  const LITERALS = String.raw`(?:'[^']*'|\d+)(?:\s*\|\s*(?:'[^']*'|\d+))*`;
  for (const file of sourceFiles) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(new RegExp(String.raw`export type (\w+) = (${LITERALS});`, 'g'))) aliases.set(match[1], match[2]);
    for (const match of text.matchAll(/export const (\w+) = \[([^\]]*)\] as const;\s*export type (\w+) = \(typeof \1\)\[number\];/g)) {
      aliases.set(match[3], [...match[2].matchAll(/'[^']*'/g)].map((m) => m[0]).join(' | '));
    }
  }
  return aliases;
}

/**
 * A part or custom property documented with its variants in prose — `row` "(also `row-running`)",
 * `--user-trace-color-call` "(also `-email`, `-sms`)" — gets an entry per variant, so tools list
 * every name. Placeholders (`cell-<column>`) stay prose.
 */
function withVariants(entries = [], { prefix = '' } = {}) {
  const out = [...entries];
  for (const entry of entries) {
    const mention = /\((?:also|plus)\b([^)]*)\)/.exec(entry.description ?? '');
    if (!mention) continue;
    for (const [, name] of mention[1].matchAll(/`([^`]+)`/g)) {
      const full = prefix && name.startsWith('-') && !name.startsWith('--') ? entry.name.replace(/-[^-]+$/, name) : name;
      if (!/^(--)?[a-z][a-z0-9-]*$/.test(full) || out.some((e) => e.name === full)) continue;
      out.push({ name: full, description: `See \`${entry.name}\`.` });
    }
  }
  return out;
}

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const isPublic = (member) => (!member.privacy || member.privacy === 'public') && !member.name.startsWith('#') && !member.static;

/**
 * @param {object} manifest the analyzer's manifest (modules with src/ paths)
 * @param {{ entries: Map<string, string>, tags: Map<string, string>, rootExports: Set<string>, aliases: Map<string, string> }} options
 */
export function shapeManifest(manifest, { entries, tags, rootExports, aliases }) {
  const expand = (type) =>
    type && { ...type, text: type.text.replace(/\b[A-Z]\w*\b/g, (name) => aliases.get(name) ?? name) };
  const moduleOf = new Map(); // class name → shipped module
  const classes = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind !== 'class') continue;
      const folder = /^\/?src\/elements\/([^/]+)\//.exec(module.path)?.[1];
      const isElement = tags.has(declaration.name) || Boolean(declaration.tagName);
      const shipped = (isElement && folder && entries.get(folder)) || (rootExports.has(declaration.name) ? 'dist/index.js' : undefined);
      if (!shipped) continue; // internal (the detail dialog, the user picker): not public API
      moduleOf.set(declaration.name, shipped);
      classes.push(declaration);
    }
  }
  const reference = (ref) => {
    if (!ref) return ref;
    if (moduleOf.has(ref.name)) return { name: ref.name, module: moduleOf.get(ref.name) };
    if (ref.name === 'LitElement') return { name: 'LitElement', package: 'lit' };
    return ref.package ? ref : { name: ref.name };
  };

  const modules = new Map();
  const moduleFor = (path) => {
    if (!modules.has(path)) modules.set(path, { kind: 'javascript-module', path, declarations: [], exports: [] });
    return modules.get(path);
  };
  for (const declaration of classes) {
    const shaped = { ...declaration };
    shaped.members = (declaration.members ?? [])
      .filter(isPublic)
      .map((member) => ({ ...member, ...(member.inheritedFrom ? { inheritedFrom: reference(member.inheritedFrom) } : {}) }))
      .sort(byName);
    shaped.attributes = (declaration.attributes ?? [])
      .map((attribute) => ({
        ...attribute,
        ...(attribute.type ? { type: expand(attribute.type) } : {}),
        ...(attribute.inheritedFrom ? { inheritedFrom: reference(attribute.inheritedFrom) } : {}),
      }))
      .sort(byName);
    shaped.events = (declaration.events ?? [])
      .map((event) => ({ ...event, type: { text: `UserTraceEvent<'${event.name}'>` } }))
      .sort(byName);
    shaped.cssParts = withVariants(declaration.cssParts);
    shaped.cssProperties = withVariants(declaration.cssProperties, { prefix: '--user-trace-' });
    if (declaration.superclass) shaped.superclass = reference(declaration.superclass);
    const tag = tags.get(declaration.name) ?? declaration.tagName;
    if (tag) {
      shaped.tagName = tag;
      shaped.customElement = true;
    }
    for (const key of ['members', 'attributes', 'events', 'cssParts', 'cssProperties', 'slots']) {
      if (Array.isArray(shaped[key]) && shaped[key].length === 0) delete shaped[key];
    }
    const path = moduleOf.get(declaration.name);
    const module = moduleFor(path);
    module.declarations.push(shaped);
    module.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } });
    if (tag) module.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: path } });
    if (path !== 'dist/index.js') {
      // The package root exports and registers every element too.
      const root = moduleFor('dist/index.js');
      root.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } });
      if (tag) root.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: path } });
    }
  }
  for (const module of modules.values()) {
    module.declarations.sort(byName);
    module.exports.sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : 1));
  }
  return {
    schemaVersion: manifest.schemaVersion,
    readme: '',
    modules: [...modules.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/** The public elements of a shaped manifest. */
export function elementsOf(manifest) {
  return manifest.modules
    .filter((module) => module.path !== 'dist/index.js')
    .flatMap((module) => module.declarations.filter((d) => d.customElement).map((d) => ({ ...d, module: module.path })));
}

/** `'day' | 'week'` → ['day', 'week']; anything else → undefined. */
function literalValues(type) {
  const parts = (type ?? '').split('|').map((part) => part.trim()).filter((part) => part !== 'null');
  return parts.length > 0 && parts.every((part) => /^('[^']*'|\d+)$/.test(part)) ? parts.map((part) => part.replace(/^'|'$/g, '')) : undefined;
}

const describe = (element) => [element.summary, element.description].filter(Boolean).join('\n\n');

/** VS Code custom HTML data (`html.customData`). */
export function vscodeData(manifest) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: describe(element),
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text)?.filter((value) => value !== '');
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

/** JetBrains web-types (package.json `web-types`). */
export function webTypes(manifest, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: describe(element),
          source: { module: `${pkg.name}/${element.module.replace(/^dist\//, '')}`, symbol: element.name },
          attributes: (element.attributes ?? []).map((attribute) => ({
            name: attribute.name,
            description: attribute.description ?? '',
            value: { type: attribute.type?.text ?? 'string', required: false },
            ...(attribute.default ? { default: attribute.default } : {}),
          })),
          events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
          css: {
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: part.description ?? '' })),
            properties: (element.cssProperties ?? []).map((property) => ({ name: property.name, description: property.description ?? '' })),
          },
          js: {
            properties: (element.members ?? [])
              .filter((member) => member.kind === 'field')
              .map((member) => ({ name: member.name, description: member.description ?? '', ...(member.type ? { type: member.type.text } : {}) })),
            events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
          },
        })),
      },
    },
  };
}

/**
 * `@attr {type} name - description` lines for an element's class comment in its .d.ts: the
 * attributes come from `static properties`, which declarations erase, and lit-analyzer and
 * web-component-analyzer read them from these tags.
 */
export function attributeTags(element) {
  return (element.attributes ?? []).map((attribute) => {
    const text = attribute.type?.text ?? 'string';
    const type = text === 'boolean' ? 'boolean' : /^[\d\s|]+(\| null)?$|number/.test(text) ? 'number' : 'string';
    const description = (attribute.description ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '*\\/');
    return `@attr {${type}} ${attribute.name}${description ? ` - ${description}` : ''}`;
  });
}

