#!/bin/sh
# Runs once when the PostgreSQL volume is new: the role the app runs as. Not a superuser and without BYPASSRLS —
# the app refuses to start otherwise, since row-level security would not hold. Tables are created and granted by
# the app's migrations (run with the admin connection).
set -e
psql -v ON_ERROR_STOP=1 --username postgres --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE cc_app LOGIN PASSWORD '${APP_DB_PASSWORD:-change-me-app}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
SQL
