// Property tests in `npm test` run with one fixed seed, so a run is reproducible and CI never fails
// on a case a previous run did not try; `npm run fuzz` runs the boundary properties long and random.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261201 });
