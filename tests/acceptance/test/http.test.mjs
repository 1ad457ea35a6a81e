import { api, createUser, expect } from './support.mjs';

describe('HEAD, OPTIONS and CORS', () => {
  it('HEAD answers the headers of every GET route, with no body', async () => {
    const { id } = await createUser('head');
    for (const path of ['/ping', '/users', `/users/${id}`, '/openapi.json', '/swagger.json']) {
      const get = await api('GET', path);
      const head = await api('HEAD', path);
      expect(head.status, path).to.equal(get.status);
      expect(head.headers.get('content-type'), path).to.equal(get.headers.get('content-type'));
      expect(head.headers.get('content-length'), path).to.equal(
        String(Buffer.byteLength(JSON.stringify(get.data))),
      );
    }
  });

  it('HEAD of an unknown user is a 404 with no body', async () => {
    expect((await api('HEAD', '/users/987654321')).status).to.equal(404);
  });

  it('OPTIONS on a known path is a 204 with Allow', async () => {
    expect((await api('OPTIONS', '/users')).headers.get('allow')).to.equal(
      'GET, HEAD, POST, OPTIONS',
    );
    expect((await api('OPTIONS', '/users/1')).headers.get('allow')).to.equal(
      'GET, HEAD, PUT, DELETE, OPTIONS',
    );
    expect((await api('OPTIONS', '/ping')).headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
  });

  it('OPTIONS on an unknown path is a 404', async () => {
    const res = await api('OPTIONS', '/nope', { raw: true });
    expect(res.status).to.equal(404);
    expect(res.data).to.satisfySchemaInApiSpec('Error');
  });

  it('a cross-origin request is allowed for any origin by default', async () => {
    const res = await api('GET', '/users', { headers: { origin: 'http://client.example' } });
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    expect(res.headers.get('access-control-expose-headers')).to.include('Link');
    expect(res.headers.get('vary')).to.equal(null);
  });

  it('answers a preflight with the methods of the path and the asked headers', async () => {
    const res = await api('OPTIONS', '/users/1', {
      headers: {
        origin: 'http://client.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type, x-trace',
      },
    });
    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    expect(res.headers.get('access-control-allow-methods')).to.equal(
      'GET, HEAD, PUT, DELETE, OPTIONS',
    );
    expect(res.headers.get('access-control-allow-headers')).to.equal('content-type, x-trace');
    expect(res.headers.get('access-control-max-age')).to.equal('600');
  });

  it('error answers carry CORS headers too, so browsers can read them', async () => {
    const res = await api('GET', '/users/987654321', { headers: { origin: 'http://client.example' } });
    expect(res.status).to.equal(404);
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
  });
});
