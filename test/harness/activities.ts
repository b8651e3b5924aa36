import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';

/** The activity list as a person and a screen reader meet it: by roles and names. */
export class ActivitiesHarness {
  constructor(readonly element: UserTraceActivitiesElement) {}

  /** The rendered body rows (the header row is row 1). */
  rows(): HTMLElement[] {
    return [...this.element.shadowRoot!.querySelectorAll<HTMLElement>('[role="table"] [role="row"]')].filter((r) => r.getAttribute('aria-rowindex') !== '1');
  }
}
