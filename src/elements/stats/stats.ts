import { html, nothing, type PropertyDeclarations } from 'lit';
import { CHAT_CHANNELS } from '../../model/types.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { renderStale } from '../base/stale.js';
import { EscapeDismissController } from '../controllers/escape-dismiss.js';

import { statGroups, type StatFigureView, type StatGroupView } from '../../report/stat-figures.js';
import { statsStyles } from './stats.styles.js';

/** Groups of activity types: their headings carry the type's colour, as in the timeline. */
/** The colour of each activity group's swatch (a type of the catalogue). */
const GROUP_KINDS: Partial<Record<string, string>> = { calls: 'call', emails: 'email', chats: 'web', tickets: 'ticket' };

/**
 * The statistics of the chosen user and period (docs/spec.md#statistics): calls, emails, chats per
 * channel, tickets, pauses and login, plus logged-in time, occupancy and pause time per pause name.
 * Every figure carries its definition (read by screen readers with the figure, shown on hover, or
 * all at once with the "Show definitions" toggle). Durations are `h:mm:ss`. While something is
 * running the store recounts every second and the figures follow.
 *
 * Lays itself out by its own width (container queries): one column when narrow, two or three
 * balanced columns when wide, each group as tall as its content.
 * Set `theme="dark"` or `theme="light"` to force a look; by default it follows `color-scheme`.
 *
 * @summary Statistics of one user's day or week, each figure with its definition.
 *
 * @fires user-trace-load - A trace was loaded and validated (standalone elements only).
 * @fires user-trace-error - Loading failed or access was denied (standalone elements only).
 * @fires user-trace-data-warning - The provider sent records that were left out (standalone elements only).
 *
 * @csspart note - Why talk time exceeds the time on calls, when it does (the calls overlap).
 * @csspart window - The time window the figures cover, when one is selected.
 * @csspart base - The outer box.
 * @csspart live - The visually hidden polite live region (only while the element stands alone: inside `<user-trace>` the container announces).
 * @csspart header - Title row with the definitions toggle.
 * @csspart title - The "Statistics" heading.
 * @csspart definitions-toggle - The "Show definitions" button.
 * @csspart groups - The columns of groups.
 * @csspart group - One group (also `group-calls`, `group-emails`, `group-chats`, `group-tickets`, `group-pauses`, `group-login`).
 * @csspart group-heading - A group's heading.
 * @csspart figures - A group's list of figures.
 * @csspart figure - One figure: label, value and definition.
 * @csspart label - A figure's name.
 * @csspart value - A figure's value.
 * @csspart definition - A figure's definition.
 * @csspart channels - The table of chat channels.
 * @csspart stale - While another period loads: which period the dimmed statistics still show.
 * @csspart state - The loading / empty / error / denied / idle message (also `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - Retry after an error.
 * @csspart notice - The "records were left out" notice.
 *
 * @cssprop --user-trace-control-border-color - Borders of inputs and buttons (keep at least 3:1 against the surface).
 * @cssprop --user-trace-font - Font family.
 * @cssprop --user-trace-font-size - Base font size (0.875rem).
 * @cssprop --user-trace-surface - Background.
 * @cssprop --user-trace-surface-alt - Background of the groups.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-muted - Colour of labels and definitions.
 * @cssprop --user-trace-border-color - Borders.
 * @cssprop --user-trace-accent - Accent (pressed toggle).
 * @cssprop --user-trace-focus-color - Focus ring.
 * @cssprop --user-trace-radius - Corner radius.
 * @cssprop --user-trace-spacing - Gaps and padding.
 * @cssprop --user-trace-danger - Error and access-denied titles.
 * @cssprop --user-trace-warning-background - Background of the invalid-records notice.
 * @cssprop --user-trace-warning-text - Text of the invalid-records notice.
 * @cssprop --user-trace-warning-border - Border of the invalid-records notice.
 * @cssprop --user-trace-color-scheme - `light`, `dark` or `light dark` (default).
 * @cssprop --user-trace-color-call - Colour of calls (also `-email`, `-sms`, `-web`, `-messenger`, `-whatsapp`, `-viber`, `-ticket`, `-other`).
 */
export class UserTraceStatsElement extends UserTraceElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    showDefinitions: { type: Boolean, reflect: true, attribute: 'show-definitions' },
    quiet: { state: true, attribute: false },
  };

  constructor() {
    super();
    this.showDefinitions = false;
    this.quiet = false;
    // Escape hides the hovered definition until the pointer moves onto another element.
    new EscapeDismissController(this, () => !this.quiet && !this.showDefinitions && this.matches(':hover'), () => (this.quiet = true));
  }

  /** The hovered definition was dismissed with Escape. */
  private declare quiet: boolean;

  static override styles = statsStyles;

  /** Show every figure's definition under it (otherwise on hover, and always to screen readers). */
  declare showDefinitions: boolean;

  protected override render() {
    const t = this.localize.t;
    const status = this.renderStatus();
    const view = status === nothing ? this.snapshot.view : null;
    const loading = this.snapshot.status === 'loading';
    return html`<section
      part="base"
      class="base ${this.showDefinitions ? 'show-definitions' : ''} ${this.quiet ? 'quiet' : ''}"
      @pointerover=${() => (this.quiet = false)}
      aria-labelledby="title"
      aria-busy=${loading ? 'true' : 'false'}
    >
      <div class="header" part="header">
        <h2 id="title" part="title">${t.stats.title}</h2>
        ${view?.window
          ? html`<span class="window" part="window">${t.timeline.windowLabel(this.localize.timeRange(view.window.startMs, view.window.endMs))}</span>`
          : nothing}
        ${view
          ? html`<button
              type="button"
              class="toggle"
              part="definitions-toggle"
              aria-pressed=${this.showDefinitions ? 'true' : 'false'}
              @click=${() => (this.showDefinitions = !this.showDefinitions)}
            >
              ${t.stats.showDefinitions}
            </button>`
          : nothing}
      </div>
      ${status} ${renderStale(this.localize, this.snapshot)}
      ${this.renderWarnings()}
      ${view ? this.#renderGroups(view.stats) : nothing}
      ${view && (view.stats.calls.talkTime ?? 0) > view.stats.calls.time ? html`<p class="note" part="note">${t.stats.talkExceedsCalls}</p>` : nothing}
      ${this.renderLiveRegion()}
    </section>`;
  }

  #renderGroups(stats: NonNullable<typeof this.snapshot.view>['stats']) {
    const groups = statGroups(stats, this.localize.t, {
      duration: this.localize.duration,
      number: (value) => this.localize.number(value),
      percent: (ratio) => this.localize.percent(ratio),
    });
    return html`<div class="groups" part="groups">${groups.map((group) => this.#renderGroup(group))}</div>`;
  }

  #renderGroup(group: StatGroupView) {
    const headingId = `group-${group.key}`;
    return html`<section
      class="group"
      part="group group-${group.key}"
      data-group=${group.key}
      aria-labelledby=${headingId}
    >
      <h3 id=${headingId} part="group-heading">
        ${GROUP_KINDS[group.key] ? html`<span class="swatch" data-kind=${GROUP_KINDS[group.key]!} aria-hidden="true"></span>` : nothing}${group.heading}
      </h3>
      ${group.key === 'chats' ? this.#renderChannels(group) : this.#renderFigures(group)}
    </section>`;
  }

  #renderFigures(group: StatGroupView) {
    const t = this.localize.t;
    if (group.key !== 'pauses') return html`<dl part="figures">${group.stats.map((f) => this.#renderFigure(f))}</dl>`;
    // Pauses: paid and unpaid, then one figure per pause name under a sub-heading.
    const [paid, unpaid, ...named] = group.stats;
    const byName = t.stats.figures.pauseByName;
    return html`<dl part="figures">${[paid, unpaid].map((f) => (f ? this.#renderFigure(f) : nothing))}</dl>
      <div class="pause-names" role="group" aria-labelledby="pause-names-label">
        <div class="figure">
          <span id="pause-names-label" class="label">${byName.label}</span>
          <span class="definition">${byName.definition}</span>
        </div>
        ${named.length
          ? html`<dl part="figures">${named.map((f) => this.#renderFigure(f, false))}</dl>`
          : html`<p class="none">${t.stats.noPauses}</p>`}
      </div>`;
  }

  #renderFigure(figure: StatFigureView, withDefinition = true) {
    return html`<div class="figure" part="figure" data-figure=${figure.key}>
      <dt part="label">${figure.label}</dt>
      <dd part="value" class="value ${figure.value === null ? 'unknown' : ''}">${figure.text}</dd>
      ${withDefinition ? html`<dd part="definition" class="definition">${figure.description}</dd>` : nothing}
    </div>`;
  }

  /** Chats as a channel × (time, closed) table: ten figures read far better in two columns. */
  #renderChannels(group: StatGroupView) {
    const t = this.localize.t;
    const f = t.stats.figures;
    const byKey = new Map(group.stats.map((figure) => [figure.key, figure]));
    return html`<table part="channels" aria-describedby="def-chats-time def-chats-closed">
        <thead>
          <tr>
            <th scope="col">${t.detail.fields['channel'] ?? 'Channel'}</th>
            <th scope="col">${f.chatsTime.label}</th>
            <th scope="col">${f.chatsClosed.label}</th>
          </tr>
        </thead>
        <tbody>
          ${CHAT_CHANNELS.map((channel) => {
            const time = byKey.get(`chatsTime:${channel}`);
            const closed = byKey.get(`chatsClosed:${channel}`);
            return html`<tr data-channel=${channel}>
              <th scope="row">
                <span class="channel"
                  ><span class="swatch" data-kind=${channel} aria-hidden="true"></span>${t.stats.channels[channel]}</span
                >
              </th>
              <td part="value" data-figure=${`chatsTime:${channel}`}>${time?.text}</td>
              <td part="value" data-figure=${`chatsClosed:${channel}`}>${closed?.text}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="table-definitions">
        <p id="def-chats-time" part="definition" class="definition">${f.chatsTime.label}: ${f.chatsTime.definition}</p>
        <p id="def-chats-closed" part="definition" class="definition">${f.chatsClosed.label}: ${f.chatsClosed.definition}</p>
      </div>`;
  }
}
