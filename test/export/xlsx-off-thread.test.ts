import { expect } from '@open-wc/testing';
import { writeXlsx } from '../../src/export/xlsx.js';
import * as offThread from '../../src/export/xlsx-off-thread.js';
import { czechReport } from './report-fixture.js';

// The Excel export writes in a module worker where one starts, else on the main thread: the same
// file either way (the workbook's parts, compared unzipped, differ only in its creation time).

async function sheetsOf(blob: Blob): Promise<string[]> {
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return Object.keys(files)
    .sort()
    .filter((name) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml')
    .map((name) => `${name}\n${strFromU8(files[name]!)}`);
}

describe('Excel export off the main thread', () => {
  it('writes in a worker the same workbook the main thread writes', async () => {
    const report = czechReport(9000);
    const inWorker = await offThread.writeXlsxOffThread(report);
    expect(offThread.lastXlsxThread).to.equal('worker');
    expect(inWorker.type).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await sheetsOf(inWorker)).to.deep.equal(await sheetsOf(await writeXlsx(report)));
  });

  it('writes on the main thread where no worker starts', async () => {
    const RealWorker = globalThis.Worker;
    const report = czechReport(5);
    for (const Broken of [
      // A CSP that refuses it: the constructor throws.
      function () {
        throw new DOMException('Refused', 'SecurityError');
      },
      // The file is missing (a bundler that did not emit it): an error event, no `ready`.
      function () {
        return new RealWorker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' });
      },
    ]) {
      globalThis.Worker = Broken as unknown as typeof Worker;
      try {
        const blob = await offThread.writeXlsxOffThread(report);
        expect(offThread.lastXlsxThread).to.equal('main');
        expect(await sheetsOf(blob)).to.deep.equal(await sheetsOf(await writeXlsx(report)));
      } finally {
        globalThis.Worker = RealWorker;
      }
    }
  });
});
