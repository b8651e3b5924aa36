import { expect } from '@open-wc/testing';
import { cs } from '../../../src/i18n/cs.js';
import { en } from '../../../src/i18n/en.js';
import { EN_FIELDS, fieldLabel } from '../../../src/i18n/en-fields.js';
import { EN_TEAM, withTeam } from '../../../src/i18n/en-team.js';
import { EN_EXPORT, withExport } from '../../../src/i18n/en-export.js';
import type { Messages } from '../../../src/i18n/messages.js';
import { getMessages, matchLang, registerTranslation, registeredLanguages } from '../../../src/i18n/registry.js';

const plain = (text: string): string => text.replace(/\s/g, ' ');

/** Every leaf of a messages object: [path, value]. */
function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** Calls a message function with plausible arguments. */
function sample(value: unknown): string {
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)(3, 7, 'x', 'y'));
  return String(value);
}

describe('messages', () => {
  it('the team reads English for what a language lacks, and its own strings where it has them', () => {
    const partial = { ...en, team: { title: 'Tým X' } };
    const t = withTeam(partial);
    expect(t.team.title).to.equal('Tým X');
    expect(t.team.agent).to.equal(EN_TEAM.agent);
    expect(withTeam(partial)).to.equal(t);
    expect(withTeam(cs).team).to.deep.equal(cs.team);
  });

  it('the exports read English for what a language lacks beyond the buttons, and its own strings where it has them', () => {
    expect(Object.keys(en.export).sort()).to.deep.equal(['excel', 'exporting', 'failed', 'pdf']);
    const partial = { ...en, export: { ...en.export, title: 'Benutzerverfolgung' } };
    const t = withExport(partial);
    expect(t.export.title).to.equal('Benutzerverfolgung');
    expect(t.export.meta).to.equal(EN_EXPORT.meta);
    expect(t.export.pdf).to.equal(en.export.pdf);
    expect(withExport(partial)).to.equal(t);
    expect(withExport(cs).export).to.deep.equal(cs.export);
  });

  it('cs and en have exactly the same keys and kinds, and no empty or placeholder text', () => {
    // English field labels load with the dialogs that show them (en-fields.ts), the team's with the
    // team (en-team.ts), the documents' with the exports (en-export.ts): the same keys all the same.
    expect(en.team).to.deep.equal({});
    const enLeaves = new Map(leaves({ ...en, detail: { ...en.detail, fields: EN_FIELDS }, export: { ...en.export, ...EN_EXPORT }, team: EN_TEAM }));
    const csLeaves = new Map(leaves(cs));
    expect([...csLeaves.keys()].sort()).to.deep.equal([...enLeaves.keys()].sort());
    for (const [path, value] of enLeaves) {
      expect(typeof csLeaves.get(path), path).to.equal(typeof value);
      for (const text of [sample(value), sample(csLeaves.get(path))]) {
        expect(text.trim(), path).to.not.equal('');
        expect(text, path).to.not.match(/TODO|FIXME|XXX|\{\w+\}|undefined|NaN/);
      }
    }
    const namespaces: (keyof Messages)[] = ['common', 'timeline', 'stats', 'activities', 'detail', 'export', 'states', 'team'];
    expect(Object.keys(en).sort()).to.deep.equal([...namespaces].sort());
  });

  it('labels a field in the language, else in English (loaded with the dialogs), else by its key', () => {
    expect(en.detail.fields).to.deep.equal({});
    expect(fieldLabel(en, 'queue')).to.equal('Queue');
    expect(fieldLabel(cs, 'queue')).to.equal(cs.detail.fields['queue']);
    expect(fieldLabel(cs, 'queue')).to.not.equal('Queue');
    const partial = { ...en, detail: { ...en.detail, fields: { queue: 'Warteschlange' } } };
    expect(fieldLabel(partial, 'queue')).to.equal('Warteschlange');
    expect(fieldLabel(partial, 'callerNumber')).to.equal('Caller');
    expect(fieldLabel(en, 'crmCaseId')).to.equal('crmCaseId');
  });

  it('Czech is real Czech, with the seed’s wording', () => {
    expect(cs.common.lanes).to.include({ call: 'Hovory', email: 'Emaily', ticket: 'Tickety' });
    expect(cs.stats.groups).to.include({ pauses: 'Pauzy', login: 'Přihlášení' });
    expect(cs.timeline).to.include({ day: 'Den', week: 'Týden', minutes: 'Minuty', showDeactivated: 'Zobrazit deaktivované uživatele' });
    expect(cs.activities.title).to.equal('Seznam aktivit');
    expect(cs.activities.columns.actions).to.equal('Akce');
    expect(cs.export.pdf).to.equal('Export do PDF');
    expect(cs.export.excel).to.equal('Export do Excelu');
    const differing = leaves(cs.timeline).filter(([path, v]) => typeof v === 'string' && v !== (leaves(en.timeline).find(([p]) => p === path)?.[1]));
    expect(differing.length).to.be.greaterThan(15);
  });

  it('defines every statistic with a label and a one-sentence definition', () => {
    for (const messages of [en, cs]) {
      expect(Object.keys(messages.stats.figures)).to.have.length(16);
      for (const [name, figure] of Object.entries(messages.stats.figures)) {
        expect(figure.label, name).to.be.a('string').and.not.equal('');
        expect(figure.definition, name).to.match(/^\S.*\.$/);
      }
    }
  });

  it('uses Czech plural forms for invalid records and activity counts', () => {
    expect(cs.states.invalidRecords(1)).to.equal('1 záznam ze zdroje dat byl neplatný a byl vynechán.');
    expect(cs.states.invalidRecords(3)).to.equal('3 záznamy ze zdroje dat byly neplatné a byly vynechány.');
    expect(cs.states.invalidRecords(5)).to.equal('5 záznamů ze zdroje dat bylo neplatných a bylo vynecháno.');
    expect(cs.states.invalidRecords(1.5)).to.contain('1,5 záznamu');
    expect(plain(cs.states.invalidRecords(1234))).to.contain('1 234 záznamů');
    expect(en.states.invalidRecords(1)).to.equal('1 record from the data source was invalid and left out.');
    expect(en.states.invalidRecords(2)).to.equal('2 records from the data source were invalid and left out.');
    expect([1, 2, 4, 5, 22].map(cs.activities.rowCount)).to.deep.equal(['1 aktivita', '2 aktivity', '4 aktivity', '5 aktivit', '22 aktivit']);
    expect(plain(cs.activities.rowCount(100_000))).to.equal('100 000 aktivit');
    expect(en.activities.rowCount(1)).to.equal('1 activity');
    expect(en.activities.rowCount(100_000)).to.equal('100,000 activities');
    expect(cs.activities.rowCountFiltered(12, 340)).to.equal('12 z 340 aktivit');
    expect(withExport(cs).export.pageOf(2, 9)).to.equal('Strana 2 z 9');
    expect(EN_EXPORT.pageOf(2, 9)).to.equal('Page 2 of 9');
  });
});

describe('translation registry', () => {
  it('resolves regional and unknown tags', () => {
    expect(getMessages('cs-CZ')).to.equal(getMessages('cs'));
    expect(getMessages('CS')).to.equal(getMessages('cs'));
    expect(getMessages('cs_CZ').common.yes).to.equal('Ano');
    expect(getMessages('xx-YY')).to.equal(getMessages('en'));
    expect(getMessages('')).to.equal(getMessages('en'));
    expect(matchLang('en-GB')).to.equal('en');
  });

  it('registers a new language merged over English', () => {
    registerTranslation('de', { common: { yes: 'Ja', no: 'Nein', activityTypes: { call: 'Anruf' } }, states: { invalidRecords: (n) => `${n} ungültig` } });
    const de = getMessages('de-AT');
    expect(de.common.yes).to.equal('Ja');
    expect(de.common.activityTypes.call).to.equal('Anruf');
    expect(de.common.activityTypes.email).to.equal('Email');
    expect(de.states.invalidRecords(4)).to.equal('4 ungültig');
    expect(de.timeline.today).to.equal('Today');
    expect(registeredLanguages()).to.include('de');
  });

  it('overrides strings of a built-in language and keeps the rest of it', () => {
    const original = getMessages('cs').states.retry;
    registerTranslation('cs', { states: { retry: 'Načíst znovu' } });
    try {
      expect(getMessages('cs').states.retry).to.equal('Načíst znovu');
      expect(getMessages('cs').states.loading).to.equal('Načítám…');
      expect(getMessages('cs').common.yes).to.equal('Ano');
      expect(cs.states.retry).to.equal(original); // the built-in object is not modified
    } finally {
      registerTranslation('cs', { states: { retry: original } });
    }
    expect(getMessages('cs').states.retry).to.equal(original);
  });

  it('a regional variant starts from its language', () => {
    registerTranslation('cs-SK', { common: { yes: 'Áno' } });
    expect(getMessages('cs-SK').common.yes).to.equal('Áno');
    expect(getMessages('cs-SK').common.no).to.equal('Ne');
    expect(getMessages('cs-CZ').common.yes).to.equal('Ano');
  });
});
