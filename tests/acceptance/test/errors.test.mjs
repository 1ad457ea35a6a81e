import { api, expect } from './support.mjs';

describe('errors outside the operations', () => {
  it('an unknown path is a JSON 404', async () => {
    const res = await api('GET', '/nope');
    expect(res.status).to.equal(404);
    expect(res.data.message).to.equal('The requested URL was not found on the server.');
  });

  it('a known path with another method is a 405 with Allow', async () => {
    const res = await api('DELETE', '/users');
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('GET, HEAD, POST, OPTIONS');
    const item = await api('PATCH', '/users/1', { body: {} });
    expect(item.status).to.equal(405);
    expect(item.headers.get('allow')).to.equal('GET, HEAD, PUT, DELETE, OPTIONS');
  });

  it('a body over 64 KiB is a 413', async () => {
    const body = JSON.stringify({ username: 'x'.repeat(70 * 1024), email: 'big@example.com' });
    const res = await api('POST', '/users', { body, headers: { connection: 'close' } });
    expect(res.status).to.equal(413);
    expect(res.data.message).to.equal('Request too large');
  });
});
