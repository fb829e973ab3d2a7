-- Schema and roles. Tables are owned by the migrating user (DATABASE_URL);
-- the application runs as amiable_app, which owns nothing and is subject to
-- row-level security; amiable_auth owns the few SECURITY DEFINER functions
-- that must find a session, an API key or an account before a tenant is known.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'amiable_app') THEN
    CREATE ROLE amiable_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by another database of the same cluster
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'amiable_auth') THEN
    CREATE ROLE amiable_auth NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- A migrating user that is not a superuser must be a member of both roles:
-- to connect "as" amiable_app (SET ROLE) and to give functions to amiable_auth.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    IF NOT pg_has_role(current_user, 'amiable_app', 'MEMBER') THEN
      EXECUTE format('GRANT amiable_app TO %I', current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'amiable_auth', 'MEMBER') THEN
      EXECUTE format('GRANT amiable_auth TO %I', current_user);
    END IF;
  END IF;
END $$;

CREATE SCHEMA amiable;
REVOKE ALL ON SCHEMA amiable FROM PUBLIC;
GRANT USAGE ON SCHEMA amiable TO amiable_app, amiable_auth;

-- The tenant of the current transaction, set with SET LOCAL by the application
-- (packages/db/src/tenant-transaction.ts). current_setting(..., true) is NULL when
-- never set and '' after a SET LOCAL transaction ended: both mean "no tenant",
-- which every policy turns into "no rows".
CREATE FUNCTION amiable.current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('amiable.tenant_id', true), '')::uuid $$;

CREATE FUNCTION amiable.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('amiable.user_id', true), '')::uuid $$;

REVOKE ALL ON FUNCTION amiable.current_tenant_id(), amiable.current_user_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION amiable.current_tenant_id(), amiable.current_user_id() TO amiable_app, amiable_auth;

-- Append-only tables refuse UPDATE and DELETE from everyone, owner included.
CREATE FUNCTION amiable.refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION '% on %.% is not allowed: the table is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$;
