import { api, createUser, expect } from './support.mjs';

describe('users: the contract rows', () => {
  it('GET /ping answers pong', async () => {
    const res = await api('GET', '/ping');
    expect(res.status).to.equal(200);
    expect(res.data).to.deep.equal({ status: 'success', message: 'pong!' });
  });

  it('POST /users adds a user, says so and says where it is', async () => {
    const email = `ann-${Date.now()}@example.com`;
    const res = await api('POST', '/users', { body: { username: 'ann', email } });
    expect(res.status).to.equal(201);
    expect(res.data).to.deep.equal({ message: `${email} was added!` });
    const created = await api('GET', res.headers.get('location'));
    expect(created.status).to.equal(200);
    expect(created.data).to.include({ username: 'ann', email });
  });

  it('POST /users refuses an email taken in another letter case', async () => {
    const { email } = await createUser('dup');
    const res = await api('POST', '/users', { body: { username: 'x', email: email.toUpperCase() } });
    expect(res.status).to.equal(400);
    expect(res.data.message).to.equal('Sorry. That email already exists.');
  });

  const invalid = [
    ['a missing email', { username: 'x' }, 'email'],
    ['a missing username', { email: 'a@b.io' }, 'username'],
    ['an empty username', { username: '', email: 'a@b.io' }, 'username'],
    ['an address without @', { username: 'x', email: 'nope' }, 'email'],
    ['a number as username', { username: 5, email: 'a@b.io' }, 'username'],
    ['a username over 128 characters', { username: 'u'.repeat(129), email: 'a@b.io' }, 'username'],
    ['an array', [], 'body'],
    ['broken JSON', '{"username": ', 'body'],
  ];
  for (const [what, body, field] of invalid) {
    it(`POST /users refuses ${what}, naming ${field}`, async () => {
      const res = await api('POST', '/users', { body });
      expect(res.status).to.equal(400);
      expect(res.data.message).to.equal('Input payload validation failed');
      expect(res.data.errors).to.have.property(field);
    });
  }

  it('GET /users lists every user, ordered by id', async () => {
    const { id } = await createUser('listed');
    const res = await api('GET', '/users');
    expect(res.status).to.equal(200);
    const ids = res.data.map((user) => user.id);
    expect(ids).to.include(id);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
  });

  it('GET /users/{id} answers the user with exactly its four fields', async () => {
    const { id, email } = await createUser('one');
    const res = await api('GET', `/users/${id}`);
    expect(res.status).to.equal(200);
    expect(res.data).to.have.all.keys('id', 'username', 'email', 'created_date');
    expect(res.data.email).to.equal(email);
    expect(res.data.created_date).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('GET /users/{id} of an unknown user is a 404 naming it', async () => {
    const res = await api('GET', '/users/987654321');
    expect(res.status).to.equal(404);
    expect(res.data.message).to.equal('User 987654321 does not exist');
  });

  for (const id of ['abc', '-1', '1.5']) {
    it(`GET /users/${id} is a 404 (not a non-negative integer)`, async () => {
      expect((await api('GET', `/users/${id}`)).status).to.equal(404);
    });
  }

  it('GET /users/0 is a 404 naming it, as the reference answers', async () => {
    const res = await api('GET', '/users/0');
    expect(res.status).to.equal(404);
    expect(res.data.message).to.equal('User 0 does not exist');
  });

  it('PUT /users/{id} updates the user', async () => {
    const { id } = await createUser('put');
    const email = `renamed-${Date.now()}@example.com`;
    const res = await api('PUT', `/users/${id}`, { body: { username: 'renamed', email } });
    expect(res.status).to.equal(200);
    expect(res.data.message).to.equal(`${id} was updated!`);
    const read = await api('GET', `/users/${id}`);
    expect(read.data).to.include({ username: 'renamed', email });
  });

  it('PUT /users/{id} refuses an invalid body, a taken email and an unknown user', async () => {
    const { id } = await createUser('put2');
    const other = await createUser('put3');
    const bad = await api('PUT', `/users/${id}`, { body: { username: 'x' } });
    expect(bad.status).to.equal(400);
    const taken = await api('PUT', `/users/${id}`, { body: { username: 'x', email: other.email } });
    expect(taken.status).to.equal(400);
    expect(taken.data.message).to.equal('Sorry. That email already exists.');
    const unknown = await api('PUT', '/users/987654321', { body: { username: 'x', email: 'z@z.io' } });
    expect(unknown.status).to.equal(404);
  });

  it('DELETE /users/{id} removes the user, then it is gone', async () => {
    const { id, email } = await createUser('del');
    const res = await api('DELETE', `/users/${id}`);
    expect(res.status).to.equal(200);
    expect(res.data.message).to.equal(`${email} was removed!`);
    expect((await api('DELETE', `/users/${id}`)).status).to.equal(404);
    expect((await api('GET', `/users/${id}`)).status).to.equal(404);
  });
});
