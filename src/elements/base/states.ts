import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.js';
import type { TraceSnapshot } from '../../data/store.js';

/** What the shared state renderers need from an element. */
export interface StateContext {
  snapshot: TraceSnapshot;
  t: Messages;
  hasProvider: boolean;
  retry: () => void;
  /**
   * Inside a `<user-trace>`, for every element but the first: an error or a denial is one short
   * line, the first element shows it in full (reason, detail, the one retry button).
   */
  brief: boolean;
}

/** The elements of a container that show its states, in document order. */
const STATE_ELEMENTS = 'user-trace-timeline, user-trace-stats, user-trace-activities';

/**
 * Whether `el` shows the full error and denial states: it stands alone, or it is the first of its
 * `<user-trace>` container's elements (the host's own layout, else the default one).
 */
export function leadsStates(el: HTMLElement): boolean {
  const root = el.getRootNode();
  const container = el.closest('user-trace') ?? (root instanceof ShadowRoot && root.host.localName === 'user-trace' ? root.host : null);
  if (!container) return true;
  return (container.querySelector(STATE_ELEMENTS) ?? container.shadowRoot?.querySelector(STATE_ELEMENTS) ?? el) === el;
}

/**
 * The states every element shows the same way (docs/spec.md#loading-and-states): no provider, access denied,
 * error with retry, no user chosen, loading, empty period. Returns `nothing` when the element
 * has data to render (`ready`, or `loading` while the previous view of the same user stays).
 * Not live regions themselves: the owner's one live region announces them (`live-region.ts`).
 */
export function renderStatus({ snapshot, t, hasProvider, retry, brief }: StateContext): TemplateResult | typeof nothing {
  const s = t.states;
  if (!hasProvider) {
    return html`<div class="state" part="state" data-state="no-provider">${s.noProvider}</div>`;
  }
  // A failed load or user list: the reason, the detail and the retry button; in brief one line.
  const failed = (error: Error | null | undefined) => html`<div class="state error ${brief ? 'brief' : ''}" part="state state-error" data-state="error">
    <strong class="state-title">${s.error}</strong>
    ${brief ? nothing : html`${errorText(error, s)}<button type="button" part="retry-button" class="retry" @click=${retry}>${s.retry}</button>`}
  </div>`;
  switch (snapshot.status) {
    case 'denied':
      return html`<div class="state denied ${brief ? 'brief' : ''}" part="state state-denied" data-state="denied">
        ${brief
          ? nothing
          : html`<svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 0 1 6 0v3z"/>
            </svg>`}
        <strong class="state-title">${s.accessDeniedTitle}</strong>
        ${brief ? nothing : html`<span class="state-text">${s.accessDeniedText}</span>`}
      </div>`;
    case 'error':
      return failed(snapshot.error);
    case 'idle':
      if (snapshot.usersStatus === 'error') return failed(snapshot.usersError);
      if (snapshot.usersStatus === 'ready' && snapshot.users.length === 0) {
        return html`<div class="state" part="state" data-state="no-users">${s.noUsers}</div>`;
      }
      return html`<div class="state" part="state" data-state="idle">${s.selectUser}</div>`;
    case 'loading':
      if (snapshot.view) return nothing;
      return html`<div class="state loading" part="state state-loading" data-state="loading">
        <span class="spinner" aria-hidden="true"></span>${s.loading}
      </div>`;
    case 'empty':
      return html`<div class="state" part="state state-empty" data-state="empty">${s.emptyPeriod}</div>`;
    default:
      return nothing;
  }
}

/**
 * An error in words: the reason in the viewer's language, picked by the error's `kind`
 * (`ProviderErrorKind`; `unknown` for any other), then the technical message behind a disclosure,
 * for whoever reports it.
 */
function errorText(error: Error | null | undefined, s: Messages['states']): TemplateResult {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  const reason = s.errorKinds[typeof kind === 'string' && Object.hasOwn(s.errorKinds, kind) ? (kind as keyof typeof s.errorKinds) : 'unknown'];
  return html`<span class="state-text">${reason}</span>${error?.message
      ? html`<details class="state-detail"><summary>${s.technicalDetail}</summary><small class="state-text">${error.message}</small></details>`
      : nothing}`;
}

/**
 * The non-blocking notice that the provider sent records that were left out; lists the first
 * few reasons for the host developer.
 */
export function renderWarnings({ snapshot, t }: StateContext, dismissed: boolean, dismiss: () => void) {
  const warnings = snapshot.view?.warnings ?? [];
  if (!warnings.length || dismissed || snapshot.status === 'denied') return nothing;
  return html`<div class="notice" part="notice" role="status">
    <details>
      <summary>${t.states.invalidRecords(warnings.length)}</summary>
      <ul>
        ${warnings.slice(0, 20).map((w) => html`<li>${w.message}</li>`)}
      </ul>
    </details>
    <button type="button" class="notice-dismiss" @click=${dismiss} aria-label=${t.states.dismiss}>×</button>
  </div>`;
}

/** Styles of the shared states; every element adds them to its own. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: 6rem;
    padding: 1rem;
    text-align: center;
    color: var(--_muted, #5b6878);
    border: 1px dashed var(--_border, #d0d7de);
    border-radius: var(--_radius, 6px);
  }
  .state.loading {
    flex-direction: row;
  }
  .state.brief {
    min-height: 0;
    padding: 0.5rem 1rem;
  }
  .state-detail {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .stale {
    color: var(--_muted, #5b6878);
  }
  .state-title {
    color: var(--_text, #1d2733);
    font-size: 1.05em;
  }
  .state.denied .state-title,
  .state.error .state-title {
    color: var(--_danger, #b42318);
  }
  .state-icon {
    width: 2rem;
    height: 2rem;
    fill: currentColor;
  }
  .retry {
    font: inherit;
    padding: 0.3rem 0.9rem;
    border-radius: var(--_radius, 6px);
    border: 1px solid var(--_border, #d0d7de);
    background: var(--_surface, #fff);
    color: var(--_text, #1d2733);
    cursor: pointer;
  }
  .retry:focus-visible,
  .notice-dismiss:focus-visible {
    outline: 2px solid var(--_focus, #1f6feb);
    outline-offset: 2px;
  }
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: user-trace-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes user-trace-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0.5rem 0;
    padding: 0.4rem 0.75rem;
    border-radius: var(--_radius, 6px);
    background: var(--_warning-bg, #fff8e1);
    color: var(--_warning-text, #5c4400);
    border: 1px solid var(--_warning-border, #f2c94c);
    font-size: 0.875em;
  }
  .notice details {
    flex: 1;
  }
  .notice summary {
    cursor: pointer;
  }
  .notice ul {
    margin: 0.3rem 0 0;
    padding-left: 1.2rem;
  }
  .notice-dismiss {
    font: inherit;
    border: none;
    background: transparent;
    color: inherit;
    cursor: pointer;
    font-size: 1.1em;
    line-height: 1;
  }
`;
