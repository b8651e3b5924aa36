import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { TraceActivity } from '../../model/types.js';
import { parseInstant } from '../../model/normalize.js';
import type { UserTraceProvider } from '../../data/provider.js';
import { toError } from '../../data/provider.js';
import { LocalizeController, activityTypeLabel } from '../../i18n/index.js';
import { formatDateTime, formatDuration } from '../../i18n/format.js';
import { fieldLabel } from '../../i18n/en-fields.js';
import { defaultTimeZone } from '../../time/index.js';
import { emit } from '../base/events.js';
import { detailStyles } from './detail.styles.js';

/** Fields shown in their own rows first, formatted; every other field follows as text. */
const LEADING_FIELDS = ['type', 'start', 'end'] as const;

/**
 * The activity detail dialog shared by the timeline and the activity list: every field of the
 * activity as text, its times in the viewer's zone and locale, and — when the provider has
 * `loadActivityDetail` — what that returns (loading and error states; aborted on close).
 * A modal `<dialog>`: Escape closes it and focus returns to the element that opened it.
 *
 * @summary Modal dialog with every field of one activity.
 *
 * @fires user-trace-error - `loadActivityDetail` failed (`operation: 'detail'`).
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart base - The dialog's content wrapper.
 * @csspart header - Title row with the close button.
 * @csspart title - The heading.
 * @csspart close-button - The close button.
 * @csspart fields - The list of the activity's fields.
 * @csspart more - The section with the provider's extra fields.
 *
 * @cssprop --user-trace-surface - Dialog background.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-accent - Focus ring colour.
 */
export class UserTraceDetailElement extends LitElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    activity: { attribute: false },
    provider: { attribute: false },
    userId: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    open: { state: true, attribute: false },
  };

  constructor() {
    super();
    this.activity = null;
    this.provider = undefined;
    this.userId = null;
    this.timeZone = '';
    this.open = false;
  }

  static override styles = detailStyles;

  /** The activity shown (the validated record). */
  declare activity: TraceActivity | null;

  /** Where `loadActivityDetail` is asked. */
  declare provider: UserTraceProvider | undefined;

  /** The user the activity belongs to (passed to `loadActivityDetail`). */
  declare userId: string | null;

  /** IANA zone times are shown in; empty means the browser's. */
  declare timeZone: string;

  /** Whether the dialog is open. */
  declare open: boolean;

  // What `@query('dialog')` did, as a plain getter.
  get #dialog(): HTMLDialogElement {
    return this.renderRoot?.querySelector('dialog') as HTMLDialogElement;
  }

  protected readonly localize = new LocalizeController(this, { timeZone: () => this.#zone() });

  /** Waits for the messages of the element's language when they load on demand (first Czech render). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.ready();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  #trigger: HTMLElement | null = null;
  /** `close` events the dialog still owes for closes already handled (the event comes a task later). */
  #closesPending = 0;

  /**
   * The provider's extra fields for the open activity. The task's arguments are what the open
   * dialog shows, so closing, reopening or another activity aborts the pending load and drops
   * its answer.
   */
  #detail = new Task(this, {
    args: () => [this.open ? this.activity : null, this.provider, this.userId] as const,
    task: async ([activity, provider, userId], { signal }) => {
      if (!activity || userId === null || !provider?.loadActivityDetail) return initialState;
      try {
        const fields: unknown = await provider.loadActivityDetail({ userId, activity, signal });
        return fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>) : { value: fields };
      } catch (error) {
        const err = toError(error);
        // A load this dialog aborted is not an error; anything else the provider threw is.
        if (!signal.aborted) emit(this, 'user-trace-error', { error: err, operation: 'detail' });
        throw err;
      }
    },
  });

  #zone(): string {
    return this.timeZone || defaultTimeZone();
  }

  /** Opens the dialog for `activity`; focus goes back to `trigger` when it closes. */
  async show(activity: TraceActivity, trigger: HTMLElement | null = null): Promise<void> {
    this.activity = activity;
    this.#trigger = trigger;
    this.open = true;
    await this.updateComplete;
    // Closed or forgotten while rendering: nothing to show any more.
    if (!this.open || this.activity !== activity) return;
    if (!this.#dialog.open) this.#dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  /** Closes the dialog (aborting a pending detail load). */
  close(): void {
    if (this.#dialog?.open) {
      this.#closesPending++;
      this.#dialog.close();
    }
    // At once, not on the dialog's `close` event: that is a later task, late in a background tab.
    this.#onClose();
  }

  /**
   * Closes the dialog and forgets its activity and any detail loaded or pending for it: the
   * view it came from is gone (another user, a denial, a new provider, the origin removed).
   */
  forget(): void {
    this.close();
    this.activity = null;
    this.#detail.abort();
  }

  /** The dialog's own `close` event: handled already when `close()` closed it, else close now. */
  #onNativeClose(): void {
    if (this.#closesPending > 0) {
      this.#closesPending--;
      return;
    }
    this.#onClose();
  }

  /** Escape: close through `close()`, so the load is aborted and focus returns at once. */
  #onCancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forget();
  }

  #onClose(): void {
    if (!this.open && !this.#trigger) return;
    this.open = false;
    const trigger = this.#trigger;
    this.#trigger = null;
    // The native dialog restores focus too, but not across shadow roots in every browser.
    if (trigger?.isConnected) trigger.focus();
  }

  #label(key: string): string {
    return fieldLabel(this.localize.t, key);
  }

  /** Any provider value as text: nested objects as JSON, never as markup. */
  #valueText(value: unknown): string {
    const t = this.localize.t;
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    try {
      return JSON.stringify(value, null, 2) ?? String(value);
    } catch {
      return String(value);
    }
  }

  #valueTemplate(key: string, value: unknown): TemplateResult {
    const t = this.localize.t;
    if (key === 'direction' && (value === 'in' || value === 'out' || value === 'internal')) {
      return html`${t.common.directions[value]}`;
    }
    if ((key === 'talkSeconds' || /Seconds$/.test(key)) && typeof value === 'number') {
      return html`${formatDuration(value)}`;
    }
    const text = this.#valueText(value);
    return value !== null && typeof value === 'object' ? html`<pre>${text}</pre>` : html`${text}`;
  }

  #fieldRows(record: Record<string, unknown>, skip: ReadonlySet<string>): TemplateResult[] {
    return Object.keys(record)
      .filter((key) => !skip.has(key))
      .map((key) => html`<div class="row"><dt>${this.#label(key)}</dt><dd>${this.#valueTemplate(key, record[key])}</dd></div>`);
  }

  #renderMore(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const status = this.#detail.status;
    if (status === TaskStatus.INITIAL) return nothing;
    return html`<section part="more" class="more" aria-labelledby="more-title" aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}>
      <h3 id="more-title">${t.detail.moreFields}</h3>
      ${this.#detail.render({
        pending: () => html`<p class="muted" role="status">${t.detail.loading}</p>`,
        error: (error) => html`<p class="error" role="alert">${t.detail.error}<span class="error-text">${(error as Error).message}</span></p>`,
        complete: (fields) => html`<dl class="fields">${this.#fieldRows(fields, new Set())}</dl>`,
      })}
    </section>`;
  }

  protected override render() {
    const t = this.localize.t;
    const a = this.activity;
    const locale = this.localize.locale;
    const zone = this.#zone();
    let body: TemplateResult | typeof nothing = nothing;
    let heading = t.detail.title;
    if (a) {
      const start = parseInstant(a.start);
      const end = a.end === null || a.end === undefined ? null : parseInstant(a.end);
      const now = Date.now();
      const seconds = start === null ? null : Math.max(0, ((end ?? Math.max(now, start)) - start) / 1000);
      const type = activityTypeLabel(this.localize.t, String(a.type));
      heading = a.title ? `${type}: ${a.title}` : type;
      body = html`<dl part="fields" class="fields">
          <div class="row"><dt>${this.#label('type')}</dt><dd>${type}</dd></div>
          <div class="row">
            <dt>${this.#label('start')}</dt>
            <dd>${start === null ? '—' : formatDateTime(start, locale, zone, true)}</dd>
          </div>
          <div class="row">
            <dt>${this.#label('end')}</dt>
            <dd>${end === null ? t.common.running : formatDateTime(end, locale, zone, true)}</dd>
          </div>
          <div class="row">
            <dt>${this.#label('duration')}</dt>
            <dd>${seconds === null ? '—' : formatDuration(seconds)}${end === null ? html` (${t.common.running})` : nothing}</dd>
          </div>
          ${this.#fieldRows(a as Record<string, unknown>, new Set(LEADING_FIELDS))}
        </dl>
        ${this.#renderMore()}`;
    }
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onNativeClose} @cancel=${this.#onCancel}>
      <div part="base" class="base">
        <header part="header" class="header">
          <h2 id="title" part="title">${heading}</h2>
          <button part="close-button" class="close" type="button" aria-label=${t.detail.close} @click=${() => this.close()}>
            <svg viewBox="0 0 12 12" aria-hidden="true"><path d="M2 2l8 8M10 2l-8 8" /></svg>
          </button>
        </header>
        ${this.open ? body : nothing}
      </div>
    </dialog>`;
  }
}
