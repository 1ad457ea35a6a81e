import { api, baseUrl, expect } from './support.mjs';

describe('operations endpoints', () => {
  it('GET /health/app says healthy', async () => {
    const res = await api('GET', '/health/app');
    expect(res.status).to.equal(200);
    expect(res.data).to.deep.equal({ status: 'healthy' });
  });

  it('GET /health/database says healthy with the round trip', async () => {
    const res = await api('GET', '/health/database');
    expect(res.status).to.equal(200);
    expect(res.data.status).to.equal('healthy');
    expect(res.data.latency_ms).to.be.a('number');
  });

  it('echoes a well-formed X-Request-ID and replaces a bad one', async () => {
    const kept = await api('GET', '/ping', { headers: { 'X-Request-ID': 'acceptance-42' } });
    expect(kept.headers.get('x-request-id')).to.equal('acceptance-42');
    const replaced = await api('GET', '/ping', { headers: { 'X-Request-ID': 'bad id\u00e9' } });
    expect(replaced.headers.get('x-request-id')).to.match(/^[A-Za-z0-9._:-]{1,128}$/);
  });

  it('GET /metrics is Prometheus text counting requests by route template', async () => {
    await api('GET', '/users/999999');
    const res = await fetch(`${baseUrl}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain/);
    const text = await res.text();
    expect(text).to.match(/http_requests_total\{[^}]*route="\/users\/\{id\}"/);
    expect(text).to.not.match(/route="\/users\/999999"/);
  });
});
