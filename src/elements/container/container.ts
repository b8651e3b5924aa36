import { html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { traceStoreContext } from '../../data/context.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { containerStyles } from './container.styles.js';
import { visuallyHiddenStyles } from '../base/tokens.styles.js';

/**
 * The User tracing page. Shares one provider, one query state and **one load per query** with
 * every user-trace element inside it (light DOM, any depth). With no element children it renders
 * the product's layout: overview on top, statistics below it, the activity list at the bottom.
 *
 * @summary Shares one provider, query and load with the user-trace elements inside it.
 *
 * @slot - `<user-trace-timeline>`, `<user-trace-stats>`, `<user-trace-activities>` in any layout.
 *   Leave empty for the default layout.
 *
 * @fires user-trace-change - The query was changed through the UI of any element inside.
 * @fires user-trace-load - A trace was loaded and validated.
 * @fires user-trace-error - Loading users or a trace failed, or access was denied.
 * @fires user-trace-data-warning - The provider sent records that were left out.
 * @fires user-trace-activity-open - An activity is about to be opened (cancelable).
 * @fires user-trace-export - An export is about to start (cancelable).
 * @fires user-trace-export-done - An export finished; `detail.blob` holds the file.
 *
 * @csspart base - The wrapper of the layout.
 * @csspart live - The one polite live region of the page: loading, the period and user shown, errors, denial.
 * @csspart overview - The default layout's timeline.
 * @csspart statistics - The default layout's statistics.
 * @csspart activities - The default layout's activity list.
 *
 * @cssprop --user-trace-gap - Space between the parts of the default layout.
 */
export class UserTraceContainerElement extends UserTraceElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    hasOwnLayout: { state: true, attribute: false },
  };

  protected static override consumesStore = false;
  static override styles = [visuallyHiddenStyles, containerStyles];

  /** True when the host put its own elements inside; the default layout is not rendered. */
  private declare hasOwnLayout: boolean;

  constructor() {
    super();
    this.hasOwnLayout = false;
    new ContextProvider(this, { context: traceStoreContext, initialValue: this.store });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasOwnLayout = this.children.length > 0;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.hasOwnLayout = this.children.length > 0;
  }

  #onSlotChange(): void {
    this.hasOwnLayout = this.children.length > 0;
  }

  protected override render() {
    return html`<div part="base" class="base">
      <slot @slotchange=${this.#onSlotChange}></slot>
      ${this.hasOwnLayout
        ? null
        : html`<user-trace-timeline part="overview" exportparts="base: overview-base" theme=${this.theme}></user-trace-timeline>
            <user-trace-stats part="statistics" theme=${this.theme}></user-trace-stats>
            <user-trace-activities part="activities" theme=${this.theme}></user-trace-activities>`}
      ${this.renderLiveRegion()}
    </div>`;
  }
}
