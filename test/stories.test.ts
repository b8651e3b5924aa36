import { expect, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as statsStories from '../stories/stats.stories.js';
import * as activitiesStories from '../stories/activities.stories.js';
import * as timelineStories from '../stories/timeline.stories.js';
import * as pageStories from '../stories/page.stories.js';
import * as teamStories from '../stories/team.stories.js';

interface StoryModule {
  default: { title?: string; args?: Record<string, unknown>; render?: (args: never, context: never) => unknown };
  [name: string]: unknown;
}

const modules: Record<string, StoryModule> = {
  statistics: statsStories as unknown as StoryModule,
  activities: activitiesStories as unknown as StoryModule,
  timeline: timelineStories as unknown as StoryModule,
  page: pageStories as unknown as StoryModule,
  team: teamStories as unknown as StoryModule,
};

/** Every story renders its element, reaches a settled state without an error, and axe finds no violation. */
describe('stories render', () => {
  for (const [group, mod] of Object.entries(modules)) {
    const meta = mod.default;
    for (const [name, value] of Object.entries(mod)) {
      if (name === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as { args?: Record<string, unknown>; render?: (args: never, context: never) => unknown };
      it(`${meta.title ?? group} / ${name}`, async function () {
        this.timeout(30000);
        const args = { ...meta.args, ...story.args };
        const renderStory = story.render ?? meta.render;
        expect(renderStory, 'story has a render function').to.be.a('function');
        const errors: unknown[] = [];
        const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
        window.addEventListener('error', onError);
        const host = document.createElement('div');
        document.body.append(host);
        try {
          const result = renderStory!(args as never, { args, id: name, name } as never);
          if (result instanceof HTMLElement) host.append(result);
          else render(result as TemplateResult, host);
          const element = host.querySelector<HTMLElement & { updateComplete?: Promise<unknown>; store?: { snapshot: { status: string } } }>(
            'user-trace, user-trace-timeline, user-trace-stats, user-trace-activities, user-trace-team',
          );
          expect(element, 'a user-trace element').to.exist;
          await element!.updateComplete;
          await waitUntil(() => element!.store?.snapshot.status !== 'loading' || args.provider === undefined || /loading/i.test(name), 'settles', { timeout: 20000 });
          expect(element!.shadowRoot!.childNodes.length).to.be.greaterThan(0);
          expect(errors).to.deep.equal([]);
          await expect(element).to.be.accessible();
        } finally {
          window.removeEventListener('error', onError);
          render(null, host);
          host.remove();
        }
      });
    }
  }
});

/** `npm run build-storybook` (run before the browser tests) gives every element a docs page. */
describe('storybook docs pages', () => {
  it('has an autodocs page for every stories file with a component', async () => {
    const response = await fetch('/storybook-static/index.json');
    expect(response.ok, 'run `npm run build-storybook` first').to.equal(true);
    const index = (await response.json()) as { entries: Record<string, { type: string; title: string }> };
    const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs').map((entry) => entry.title);
    for (const mod of Object.values(modules)) {
      const meta = mod.default as { title?: string; component?: string };
      if (meta.component) expect(docs, `${meta.title} has no docs page`).to.include(meta.title);
    }
  });
});
