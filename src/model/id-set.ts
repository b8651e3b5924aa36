/**
 * The ids validation has seen, for "later duplicates are left out". A native `Set` of 1 000 000
 * string ids costs 0.4–0.7 s in V8 (its table grows and rehashes, every probe follows a chain in
 * memory); this open-addressing table of hashes and indices in one `Int32Array`, with a hash of
 * each id's code units, costs about half of that. The hash is seeded at random per set,
 * and a run of probes longer than {@link MAX_PROBES} (ids made to collide) moves everything into
 * a native `Set`: the worst case is the native one, never quadratic.
 */

/** Longest run of occupied slots looked through before the set gives up on its own table. */
const MAX_PROBES = 128;

export class IdSet {
  /** Slot `i` is `table[2i]` (the hash) and `table[2i + 1]` (entry + 1, 0 when empty): one cache line a probe. */
  #table: Int32Array;
  #mask: number;
  /** The ids in the order added; a slot's entry indexes this. */
  readonly #keys: string[] = [];
  readonly #hash: (id: string) => number;
  #native: Set<string> | null = null;

  /**
   * `expected`: about how many ids will be added at first; the table doubles as it fills.
   * `hash`: the ids' hash (tests give a bad one); by default FNV-1a from a random basis.
   */
  constructor(expected: number, hash = seededHash()) {
    this.#hash = hash;
    let size = 16;
    while (size < expected * 2 && size < 1 << 29) size *= 2;
    this.#table = new Int32Array(size * 2);
    this.#mask = size - 1;
  }

  /** Adds `id`; `false` when it was there already. */
  add(id: string): boolean {
    if (this.#native !== null) return this.#nativeAdd(id);
    const keys = this.#keys;
    if ((keys.length + 1) * 4 > this.#table.length) this.#grow();
    const h = this.#hash(id) | 0;
    const table = this.#table;
    const mask = this.#mask;
    let i = h & mask;
    for (let probes = 0; probes < MAX_PROBES; probes++) {
      const entry = table[2 * i + 1]!;
      if (entry === 0) {
        table[2 * i] = h;
        table[2 * i + 1] = keys.push(id);
        return true;
      }
      if (table[2 * i] === h && keys[entry - 1] === id) return false;
      i = (i + 1) & mask;
    }
    this.#native = new Set(keys);
    return this.#nativeAdd(id);
  }

  #nativeAdd(id: string): boolean {
    const native = this.#native!;
    if (native.has(id)) return false;
    native.add(id);
    return true;
  }

  #grow(): void {
    const old = this.#table;
    const size = (this.#mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let j = 0; j < old.length; j += 2) {
      const entry = old[j + 1]!;
      if (entry === 0) continue;
      const h = old[j]!;
      let i = h & mask;
      while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = h;
      table[2 * i + 1] = entry;
    }
    this.#table = table;
    this.#mask = mask;
  }
}

/** FNV-1a over the code units from a random basis, then a final mix. */
function seededHash(): (id: string) => number {
  const basis = ((Math.random() * 0x7fffffff) | 0) ^ 0x811c9dc5;
  return (id) => {
    let h = basis;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    return h ^ (h >>> 13);
  };
}
