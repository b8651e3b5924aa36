import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { TraceUser } from '../../model/types.js';
import { foldForSearch } from '../../i18n/fold.js';
import { userPickerStyles } from './user-picker.styles.js';
import { visuallyHiddenStyles } from '../base/tokens.styles.js';

/** Texts the picker shows; the owning element passes them in its language. */
export interface UserPickerTexts {
  label: string;
  placeholder: string;
  /** Badge and screen-reader suffix of a deactivated user. */
  deactivated: string;
  /** Button that opens the list. */
  toggle: string;
  noMatches: string;
  loading: string;
  /** "Showing the first {shown} of {total} matches — type to narrow." */
  more: (shown: number, total: number) => string;
  /** Live count while typing: "{count} users". */
  count: (count: number) => string;
}

const DEFAULT_TEXTS: UserPickerTexts = {
  label: 'User',
  placeholder: 'Type a name',
  deactivated: 'deactivated',
  toggle: 'Show users',
  noMatches: 'No user matches',
  loading: 'Loading users…',
  more: (shown, total) => `Showing the first ${shown} of ${total} matches. Type to narrow the list.`,
  count: (count) => `${count} users`,
};

/** At most this many options are in the DOM: the list stays fast with thousands of users. */
export const MAX_OPTIONS = 100;

const searchKeys = new WeakMap<TraceUser, string>();

function searchKeyOf(user: TraceUser): string {
  let key = searchKeys.get(user);
  if (key === undefined) {
    key = `${foldForSearch(user.name)}\u0000${foldForSearch(user.id)}`;
    searchKeys.set(user, key);
  }
  return key;
}

/** Users whose name or id contains every word of `text` (diacritics and case ignored). */
export function filterUsers(users: readonly TraceUser[], text: string): TraceUser[] {
  const words = foldForSearch(text).split(/\s+/).filter(Boolean);
  if (!words.length) return [...users];
  return users.filter((user) => {
    const key = searchKeyOf(user);
    return words.every((w) => key.includes(w));
  });
}

/**
 * A user picker after the ARIA APG "editable combobox with list autocomplete": type to filter,
 * arrows move the active option (`aria-activedescendant`), Enter picks, Escape closes.
 * Deactivated users are marked; whether they are offered is the owner's business.
 *
 * @summary Combobox to choose a user from hundreds.
 *
 * @fires change - A user was picked; read `value`.
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label.
 * @csspart input - The text field.
 * @csspart listbox - The popup list.
 * @csspart option - One user in the list.
 */
export class UserTracePickerElement extends LitElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    users: { attribute: false },
    value: {},
    loading: { type: Boolean },
    disabled: { type: Boolean, reflect: true },
    texts: { attribute: false },
    open: { state: true, attribute: false },
    text: { state: true, attribute: false },
    filtering: { state: true, attribute: false },
    active: { state: true, attribute: false },
  };

  constructor() {
    super();
    this.users = [];
    this.value = null;
    this.loading = false;
    this.disabled = false;
    this.texts = DEFAULT_TEXTS;
    this.open = false;
    this.text = '';
    this.filtering = false;
    this.active = -1;
  }

  static override styles = [visuallyHiddenStyles, userPickerStyles];

  /** Users to offer, in the order shown. */
  declare users: readonly TraceUser[];

  /** Id of the chosen user. */
  declare value: string | null;

  /** The user list is loading. */
  declare loading: boolean;

  declare disabled: boolean;

  declare texts: UserPickerTexts;

  private declare open: boolean;
  private declare text: string;
  /** Whether the text is the user's filter (typed) rather than the chosen user's name. */
  private declare filtering: boolean;
  private declare active: number;

  // What `@query('input')` did, as a plain getter (no decorator code in the bundle).
  get #input(): HTMLInputElement {
    return this.renderRoot?.querySelector('input') as HTMLInputElement;
  }

  /** The chosen user, if the list has it. */
  get selectedUser(): TraceUser | null {
    return this.users.find((u) => u.id === this.value) ?? null;
  }

  override focus(options?: FocusOptions): void {
    this.#input?.focus(options);
  }

  #matches(): TraceUser[] {
    return this.filtering ? filterUsers(this.users, this.text) : [...this.users];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('value') || changed.has('users')) && !this.filtering) {
      this.text = this.selectedUser?.name ?? '';
    }
  }

  protected override updated(): void {
    if (this.open && this.active >= 0) {
      this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  #openList(activeIndex?: number): void {
    if (this.disabled) return;
    this.open = true;
    if (activeIndex !== undefined) this.active = activeIndex;
  }

  #close(): void {
    this.open = false;
    this.active = -1;
    this.filtering = false;
    this.text = this.selectedUser?.name ?? '';
  }

  #pick(user: TraceUser): void {
    const changed = user.id !== this.value;
    this.value = user.id;
    this.filtering = false;
    this.text = user.name;
    this.open = false;
    this.active = -1;
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onInput(e: InputEvent): void {
    this.text = (e.target as HTMLInputElement).value;
    this.filtering = true;
    this.active = -1;
    this.#openList();
  }

  #onKeyDown(e: KeyboardEvent): void {
    const shown = this.#matches().slice(0, MAX_OPTIONS);
    const last = shown.length - 1;
    const selectedIndex = shown.findIndex((u) => u.id === this.value);
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.#openList(e.altKey ? -1 : Math.max(0, selectedIndex));
        else if (!e.altKey) this.active = this.active >= last ? 0 : this.active + 1;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey && this.open) {
          const user = shown[this.active];
          if (user) this.#pick(user);
          else this.#close();
        } else if (!this.open) this.#openList(selectedIndex >= 0 ? selectedIndex : last);
        else this.active = this.active <= 0 ? last : this.active - 1;
        break;
      case 'Enter': {
        if (!this.open) return;
        e.preventDefault();
        const user = shown[this.active] ?? (this.filtering && this.text.trim() ? shown[0] : undefined);
        if (user) this.#pick(user);
        else this.#close();
        break;
      }
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          // Stop here: an enclosing dialog must not close on the Escape that closed the list.
          e.stopPropagation();
          this.#close();
        } else if (this.text) {
          e.preventDefault();
          this.text = '';
          this.filtering = true;
        }
        break;
      case 'PageDown':
      case 'PageUp':
        if (!this.open) return;
        e.preventDefault();
        this.active = Math.max(0, Math.min(last, this.active + (e.key === 'PageDown' ? 10 : -10)));
        break;
      case 'Tab':
        if (this.open) this.#close();
        break;
    }
  }

  #onBlur(e: FocusEvent): void {
    // Clicking an option keeps focus (pointerdown is prevented); anything else closes.
    if (e.relatedTarget && this.renderRoot.contains(e.relatedTarget as Node)) return;
    if (this.open || this.filtering) this.#close();
  }

  #onToggle(): void {
    if (this.open) this.#close();
    else {
      this.#openList(Math.max(0, this.#matches().findIndex((u) => u.id === this.value)));
      this.#input.focus();
    }
  }

  protected override render() {
    const matches = this.open ? this.#matches() : [];
    const shown = matches.slice(0, MAX_OPTIONS);
    const t = this.texts;
    const activeId = this.open && this.active >= 0 && this.active < shown.length ? `opt-${this.active}` : undefined;
    // Shown under the list (and announced): nothing matches, or only the first matches are listed.
    const note = !this.open
      ? null
      : !shown.length
        ? t.noMatches
        : matches.length > shown.length
          ? t.more(shown.length, matches.length)
          : null;
    return html`<div part="base" class="base">
      <label part="label" id="label" for="input">${t.label}</label>
      <div class="field">
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-activedescendant=${activeId ?? nothing}
          aria-describedby="status"
          placeholder=${this.loading ? t.loading : t.placeholder}
          ?disabled=${this.disabled}
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @blur=${this.#onBlur}
          @click=${() => (this.open ? null : this.#openList())}
        />
        <button
          class="toggle"
          type="button"
          tabindex="-1"
          aria-label=${t.toggle}
          ?disabled=${this.disabled}
          @pointerdown=${(e: Event) => e.preventDefault()}
          @click=${this.#onToggle}
        >
          <svg viewBox="0 0 10 6" aria-hidden="true"><path d="M1 1l4 4 4-4" /></svg>
        </button>
      </div>
      <div class="popup" ?hidden=${!this.open}>
        <ul id="listbox" part="listbox" role="listbox" aria-labelledby="label" ?hidden=${!shown.length}>
          ${shown.map(
            (user, i) =>
              html`<li
                id="opt-${i}"
                part="option"
                role="option"
                class=${i === this.active ? 'option active' : 'option'}
                aria-selected=${user.id === this.value ? 'true' : 'false'}
                @pointerdown=${(e: Event) => e.preventDefault()}
                @click=${() => this.#pick(user)}
              >
                <span class="name">${user.name}</span>${user.deactivated
                  ? html`<span class="badge">${t.deactivated}</span>`
                  : nothing}
              </li>`,
          )}
        </ul>
        ${note ? html`<div class="note" aria-hidden="true">${note}</div>` : nothing}
      </div>
      <div id="status" class="visually-hidden" aria-live="polite">${this.open ? (note ?? (this.filtering ? t.count(matches.length) : '')) : ''}</div>
    </div>`;
  }
}
