-- Postgres init script (docker-entrypoint-initdb.d): the development and test databases.
CREATE DATABASE users_dev;
CREATE DATABASE users_test;
