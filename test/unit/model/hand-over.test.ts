import { expect } from '@open-wc/testing';
import { normalizeSteps, normalizeTrace } from '../../../src/model/records.js';
import { runSteps } from '../../../src/model/steps.js';
import { handOver } from '../../../src/model/hand-over.js';
import type { TraceData } from '../../../src/model/types.js';

const START = Date.parse('2025-03-03T08:00:00Z');

function answer(): TraceData {
  return {
    sessions: [{ start: '2025-03-03T08:00:00+01:00', end: null }],
    pauses: [],
    activities: [
      { id: 'a', type: 'call', start: START, end: START + 60_000, title: null as unknown as string, talkSeconds: 90 },
      { id: 'b', type: 5 as unknown as string, start: START },
      { id: 'a', type: 'email', start: START },
      { id: 7 as unknown as string, type: 'email', start: '2025-03-03T09:00:00+01:00', end: null },
    ],
  };
}

describe('records handed over by the library (handOver)', () => {
  it('are checked in place when the caller allows it, with the same result as copies', () => {
    const copied = normalizeTrace(handOver(answer()));
    const raw = handOver(answer());
    const first = raw.activities[0]!;
    const inPlace = runSteps(normalizeSteps(raw, true));
    expect(inPlace.data.activities[0]).to.equal(first);
    expect(first.start).to.equal('2025-03-03T08:00:00.000Z');
    expect('title' in first).to.equal(false);
    expect(inPlace.data).to.deep.equal(copied.data);
    expect(inPlace.warnings).to.deep.equal(copied.warnings);
    expect(inPlace.warnings.map((w) => w.kind)).to.deep.equal(['activity-talk-seconds-clamped', 'activity-invalid-type', 'activity-duplicate-id']);
  });

  it('are copied by normalizeTrace, and lists not handed over are copied whatever the caller allows', () => {
    const raw = handOver(answer());
    const { data } = normalizeTrace(raw);
    expect(data.activities[0]).not.to.equal(raw.activities[0]);
    expect(raw.activities[0]!.start).to.equal(START);
    const host = answer();
    const result = runSteps(normalizeSteps(host, true));
    expect(result.data.activities[0]).not.to.equal(host.activities[0]);
    expect(host.activities[0]!.start).to.equal(START);
    expect(host.activities[0]).to.have.property('title', null);
  });
});
