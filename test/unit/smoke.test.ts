import { expect } from '@open-wc/testing';
import { KNOWN_ACTIVITY_TYPES } from '../../src/model/types.js';

describe('toolchain', () => {
  it('runs TypeScript in the browser', () => {
    expect(KNOWN_ACTIVITY_TYPES).to.include('call');
    expect(typeof (globalThis as { Temporal?: unknown }).Temporal).to.be.oneOf(['object', 'undefined']);
  });
});
