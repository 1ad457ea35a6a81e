-- The database's own ceiling for POST /users: the same insert into the same table and index.
INSERT INTO users (username, email) VALUES ('pgbench', 'pgbench-' || txid_current() || '@bench.io');
