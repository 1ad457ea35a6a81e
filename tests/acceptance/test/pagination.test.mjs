import { api, createUser, expect } from './support.mjs';

const nextLink = /^<(\/users\?limit=(\d+)&after=(\d+))>; rel="next"$/;

describe('GET /users: pagination and the email filter', () => {
  const created = [];
  before(async () => {
    for (let i = 0; i < 5; i += 1) created.push(await createUser('page'));
  });

  it('without parameters answers the plain array of every user', async () => {
    const plain = await api('GET', '/users');
    const everything = await api('GET', '/users?after=0');
    expect(plain.headers.get('link')).to.equal(null);
    expect(plain.data).to.deep.equal(everything.data);
  });

  it('walks every page by following Link rel="next", in id order, without gaps', async () => {
    const start = created[0].id - 1;
    const expected = (await api('GET', `/users?after=${start}`)).data.map((user) => user.id);
    const seen = [];
    let path = `/users?limit=2&after=${start}`;
    let pages = 0;
    while (path) {
      const res = await api('GET', path);
      expect(res.status).to.equal(200);
      expect(res.data.length).to.be.within(1, 2);
      seen.push(...res.data.map((user) => user.id));
      pages += 1;
      const link = res.headers.get('link');
      if (link) {
        const [, next, limit, after] = link.match(nextLink);
        expect(limit).to.equal('2');
        expect(Number(after)).to.equal(res.data[res.data.length - 1].id);
        path = next;
      } else {
        path = null;
      }
    }
    expect(seen).to.deep.equal(expected);
    expect(pages).to.equal(Math.ceil(expected.length / 2));
  });

  it('has no Link on the last page', async () => {
    const last = created[created.length - 1].id;
    const res = await api('GET', `/users?limit=5&after=${last - 1}`);
    expect(res.data.map((user) => user.id)).to.deep.equal([last]);
    expect(res.headers.get('link')).to.equal(null);
  });

  it('accepts the largest page, 1000', async () => {
    expect((await api('GET', '/users?limit=1000')).status).to.equal(200);
  });

  const bad = [
    ['limit', '0'], ['limit', '1001'], ['limit', 'abc'], ['limit', '1.5'], ['limit', ''],
    ['after', '-1'], ['after', 'x'], ['email', ''],
  ];
  for (const [name, value] of bad) {
    it(`refuses ${name}=${value} with a 400 naming ${name}`, async () => {
      const res = await api('GET', `/users?${name}=${value}`);
      expect(res.status).to.equal(400);
      expect(res.data.errors).to.have.property(name);
    });
  }

  it('finds one user by email, ignoring case', async () => {
    const { id, email } = created[2];
    const res = await api('GET', `/users?email=${encodeURIComponent(email.toUpperCase())}`);
    expect(res.status).to.equal(200);
    expect(res.data.map((user) => user.id)).to.deep.equal([id]);
  });

  it('finds an email with a plus sign', async () => {
    const email = `plus+tag-${Date.now()}@example.com`;
    await api('POST', '/users', { body: { username: 'plus', email } });
    const res = await api('GET', `/users?email=${encodeURIComponent(email)}`);
    expect(res.data).to.have.length(1);
    expect(res.data[0].email).to.equal(email);
  });

  it('answers an empty array for an unknown email', async () => {
    const res = await api('GET', '/users?email=nobody%40nowhere.example');
    expect(res.status).to.equal(200);
    expect(res.data).to.deep.equal([]);
  });
});
