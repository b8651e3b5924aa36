import { expect } from '@open-wc/testing';
import { IdSet } from '../../../src/model/id-set.js';

describe('IdSet (the ids validation has seen)', () => {
  it('says whether each id is new, growing past its first size, as a Set would', () => {
    const ids = new IdSet(4);
    const native = new Set<string>();
    const odd = ['', 'a', 'A', '\u0000', '🙂', 'é', 'e\u0301', 'x'.repeat(10_000)];
    const all = [...odd, ...Array.from({ length: 20_000 }, (_, i) => `id-${i % 15_000}`), ...odd];
    for (const id of all) {
      const isNew = !native.has(id);
      native.add(id);
      expect(ids.add(id), JSON.stringify(id.slice(0, 20))).to.equal(isNew);
    }
  });

  it('stays correct when every id has the same hash: past a long run of probes it uses a native Set', () => {
    let hashed = 0;
    const ids = new IdSet(16, () => {
      hashed++;
      return 7;
    });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1000; i++) expect(ids.add(String(i)), `round ${round}, id ${i}`).to.equal(round === 0);
    }
    // Only the ids up to the first long run were hashed: after it, the native Set answers (no quadratic probing).
    expect(hashed).to.be.lessThan(200);
  });
});
