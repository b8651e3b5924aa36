import { expect } from '@open-wc/testing';
import { BOUNDARY_PROPERTIES, SEED } from '../properties/boundary.js';

// The boundary's properties with a fixed seed (test/properties/boundary.ts); `npm run fuzz` runs them longer.
describe('boundary properties (fixed seed)', () => {
  for (const { name, runs, check } of BOUNDARY_PROPERTIES) {
    it(name, () => {
      const details = check(runs, SEED);
      expect(details.failed, details.report ?? '').to.equal(false);
      expect(details.numRuns).to.equal(runs);
    });
  }
});
