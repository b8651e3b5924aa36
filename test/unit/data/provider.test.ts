import { expect } from '@open-wc/testing';
import { AccessDeniedError, abortError, isAbortError, isAccessDenied } from '../../../src/data/provider.js';

describe('provider contract helpers', () => {
  it('AccessDeniedError is an Error named AccessDeniedError with status 403', () => {
    const err = new AccessDeniedError();
    expect(err).to.be.instanceOf(Error);
    expect(err.name).to.equal('AccessDeniedError');
    expect(err.status).to.equal(403);
    expect(err.message).to.match(/User tracing/);
    expect(new AccessDeniedError('Nope').message).to.equal('Nope');
  });

  it('isAccessDenied recognises AccessDeniedError, 401/403 statuses and a foreign copy by name', () => {
    expect(isAccessDenied(new AccessDeniedError())).to.equal(true);
    expect(isAccessDenied(Object.assign(new Error('HTTP'), { status: 401 }))).to.equal(true);
    expect(isAccessDenied({ status: 403 })).to.equal(true);
    expect(isAccessDenied(Object.assign(new Error('x'), { name: 'AccessDeniedError' }))).to.equal(true);
    expect(isAccessDenied({ status: 404 })).to.equal(false);
    expect(isAccessDenied({ status: '403' })).to.equal(false);
    expect(isAccessDenied(new Error('boom'))).to.equal(false);
    expect(isAccessDenied(null)).to.equal(false);
    expect(isAccessDenied(403)).to.equal(false);
  });

  it('isAbortError recognises AbortError DOMExceptions and look-alikes only', () => {
    expect(isAbortError(abortError())).to.equal(true);
    expect(abortError()).to.be.instanceOf(DOMException);
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).to.equal(true);
    expect(isAbortError({ name: 'AbortError' })).to.equal(true);
    expect(isAbortError(new Error('x'))).to.equal(false);
    expect(isAbortError(undefined)).to.equal(false);
  });
});
