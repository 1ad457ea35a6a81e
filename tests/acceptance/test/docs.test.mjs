import * as chai from 'chai';
import chaiResponseValidator from 'chai-openapi-response-validator';
import { api, createUser, expect, spec } from './support.mjs';

const plugin = chaiResponseValidator.default || chaiResponseValidator;

describe('the OpenAPI document and Swagger UI', () => {
  it('is an OpenAPI 3.0 document titled Users API with a version', async () => {
    expect(spec.openapi).to.match(/^3\.0\.\d+$/);
    expect(spec.info.title).to.equal('Users API');
    expect(spec.info.version).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('is served the same at /swagger.json', async () => {
    const res = await api('GET', '/swagger.json');
    expect(res.data).to.deep.equal(spec);
  });

  it('documents every route with a summary, an operationId and its statuses', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.map(({ method, path }) => `${method} ${path}`)).to.have.members([
      'get /ping', 'get /health/app', 'get /health/database', 'get /users', 'post /users',
      'get /users/{id}', 'put /users/{id}', 'delete /users/{id}', 'get /metrics',
      'get /openapi.json', 'get /swagger.json',
    ]);
    for (const { operation } of operations) {
      expect(operation.summary).to.be.a('string').and.not.empty;
      expect(operation.operationId).to.be.a('string').and.not.empty;
      expect(operation.responses).to.have.property('413');
    }
    expect(spec.paths['/users'].get.parameters.map((p) => p.name)).to.have.members([
      'limit', 'after', 'email',
    ]);
    expect(Object.keys(spec.paths['/users/{id}'].put.responses)).to.have.members([
      '200', '400', '404', '413', '503',
    ]);
  });

  it('fails a real response against a deliberately broken copy of the document', async () => {
    const { id } = await createUser('broken');
    const res = await api('GET', `/users/${id}`);
    const broken = structuredClone(spec);
    broken.components.schemas.User.properties.id.type = 'string';
    chai.use(plugin(broken));
    try {
      expect(() => expect(res).to.satisfyApiSpec).to.throw(/id must be string/);
    } finally {
      chai.use(plugin(spec));
    }
    expect(res).to.satisfyApiSpec;
  });

  it('redirects /doc to /doc/, which serves the Swagger UI page', async () => {
    const moved = await api('GET', '/doc', { raw: true });
    expect(moved.status).to.equal(301);
    expect(moved.headers.get('location')).to.equal('/doc/');
    const page = await api('GET', '/doc/', { raw: true });
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).to.equal('no-cache');
    expect(page.data).to.include('swagger-ui-bundle.js');
  });

  it('serves the Swagger UI files with their types and caching', async () => {
    const files = {
      'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
      'swagger-ui.css': 'text/css; charset=utf-8',
      'swagger-initializer.js': 'application/javascript; charset=utf-8',
    };
    for (const [name, type] of Object.entries(files)) {
      const res = await api('GET', `/doc/${name}`, { raw: true });
      expect(res.status, name).to.equal(200);
      expect(res.headers.get('content-type'), name).to.equal(type);
      expect(res.headers.get('cache-control'), name).to.match(/max-age=86400|no-cache/);
    }
    const initializer = await api('GET', '/doc/swagger-initializer.js', { raw: true });
    expect(initializer.data).to.include('../openapi.json').and.include('validatorUrl: null');
  });

  it('answers an unknown file under /doc/ with a JSON 404', async () => {
    const res = await api('GET', '/doc/..%2fetc%2fpasswd', { raw: true });
    expect(res.status).to.equal(404);
    expect(res.data).to.satisfySchemaInApiSpec('Error');
  });
});
