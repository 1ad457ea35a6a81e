// The client side of the suite: every request goes through api(), which checks the response
// against the OpenAPI document the server itself serves, so no answer escapes the contract.
import * as chai from 'chai';
import chaiResponseValidator from 'chai-openapi-response-validator';

export const { expect } = chai;
export const baseUrl = (process.env.BASE_URL || '').replace(/\/$/, '');
if (!baseUrl) throw new Error('BASE_URL must name the running server, e.g. http://127.0.0.1:5000');

export const spec = await (await fetch(`${baseUrl}/openapi.json`)).json();
chai.use(chaiResponseValidator.default ? chaiResponseValidator.default(spec) : chaiResponseValidator(spec));

// The documented operation of a method and a concrete path, if any.
export function operationOf(method, pathname, document = spec) {
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    if (pattern.test(pathname) && item[method.toLowerCase()]) return item[method.toLowerCase()];
  }
  return undefined;
}

// The shape chai-openapi-response-validator reads (it knows axios responses).
function adapt(method, url, response, text) {
  let data = text;
  if (text !== '' && (response.headers.get('content-type') || '').startsWith('application/json')) {
    data = JSON.parse(text);
  }
  return {
    status: response.status,
    headers: response.headers,
    data,
    request: { method, path: url.pathname + url.search },
  };
}

// Checks that every answer satisfies the document:
// - a documented operation: status, body and its schema, via the validator;
// - HEAD: a status the GET operation documents, and no body;
// - OPTIONS: 204 with Allow and no body;
// - anything else (unknown path, method not allowed): 404/405 with the Error schema.
export function checkAgainstDocument(res) {
  const { method } = res.request;
  const pathname = res.request.path.split('?')[0];
  if (method === 'HEAD') {
    const get = operationOf('GET', pathname);
    if (get) expect(Object.keys(get.responses)).to.include(String(res.status));
    expect(res.data).to.equal('');
    return;
  }
  if (method === 'OPTIONS') {
    expect(res.status).to.equal(204);
    expect(res.headers.get('allow')).to.be.a('string');
    expect(res.data).to.equal('');
    return;
  }
  if (res.status !== 301 && res.data !== '') {
    expect(res.headers.get('content-type')).to.equal('application/json');
  }
  if (operationOf(method, pathname)) {
    expect(res).to.satisfyApiSpec;
  } else {
    expect(res.status).to.be.oneOf([404, 405]);
    expect(res.data).to.satisfySchemaInApiSpec('Error');
  }
}

export async function api(method, path, { body, headers = {}, raw = false } = {}) {
  const url = new URL(baseUrl + path);
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const res = adapt(method, url, response, await response.text());
  if (!raw) checkAgainstDocument(res);
  return res;
}

let serial = 0;
// A user with a unique email, created through the API; returns its id.
export async function createUser(prefix = 'user') {
  serial += 1;
  const email = `${prefix}-${process.pid}-${Date.now()}-${serial}@example.com`;
  const created = await api('POST', '/users', { body: { username: `${prefix}${serial}`, email } });
  expect(created.status).to.equal(201);
  const found = await api('GET', `/users?email=${encodeURIComponent(email)}`);
  expect(found.data).to.have.length(1);
  return { id: found.data[0].id, email };
}
