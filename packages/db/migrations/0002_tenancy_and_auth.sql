-- Tenants (accounts), people, memberships, sessions, API keys, password resets
-- and login throttling.

CREATE TABLE amiable.tenant (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('company', 'agency')),
  default_locale text NOT NULL DEFAULT 'fr' CHECK (default_locale IN ('fr', 'en')),
  created_at timestamptz NOT NULL
);

-- A person who can log in. Identities are global (one person may work for
-- several tenants); what they may see is decided by tenant_member. The
-- application role cannot insert identities nor read password hashes: both
-- go through the SECURITY DEFINER functions below, which behave the same
-- whether or not an e-mail is known (no enumeration through unique errors).
CREATE TABLE amiable.app_user (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  password_hash text,
  password_changed_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX app_user_email_key ON amiable.app_user (email);

CREATE TABLE amiable.tenant_member (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  user_id uuid NOT NULL REFERENCES amiable.app_user (id),
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'agent', 'viewer')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_member_user ON amiable.tenant_member (user_id);

-- Sessions: the cookie carries a 256-bit random token; only its SHA-256 is stored.
CREATE TABLE amiable.session (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES amiable.tenant_member (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX session_token ON amiable.session (token_hash);
CREATE INDEX session_by_user ON amiable.session (tenant_id, user_id);

-- API keys "amk_<prefix>_<secret>": the prefix finds the row, the SHA-256 of the
-- secret must match. Secrets are 256-bit random, so a fast hash is enough.
CREATE TABLE amiable.api_key (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix text NOT NULL CHECK (prefix ~ '^[A-Za-z0-9]{12}$'),
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  role text NOT NULL CHECK (role IN ('manager', 'agent', 'viewer')),
  created_by uuid,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX api_key_prefix ON amiable.api_key (prefix);

CREATE TABLE amiable.password_reset_token (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES amiable.app_user (id),
  token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
  purpose text NOT NULL CHECK (purpose IN ('reset', 'invitation')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_reset_token_hash ON amiable.password_reset_token (token_hash);

-- Failed-login counters shared by every API process (keys are hashed e-mails and client addresses).
CREATE TABLE amiable.auth_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Row-level security ------------------------------------------------------

ALTER TABLE amiable.tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.tenant
  USING (id = amiable.current_tenant_id()) WITH CHECK (id = amiable.current_tenant_id());
CREATE POLICY auth_lookup ON amiable.tenant TO amiable_auth USING (true);

ALTER TABLE amiable.app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.app_user FORCE ROW LEVEL SECURITY;
-- A user sees the members of the current tenant and themself.
CREATE POLICY tenant_isolation ON amiable.app_user
  USING (id = amiable.current_user_id()
         OR EXISTS (SELECT 1 FROM amiable.tenant_member m
                    WHERE m.user_id = app_user.id AND m.tenant_id = amiable.current_tenant_id()))
  WITH CHECK (id = amiable.current_user_id());
CREATE POLICY auth_lookup ON amiable.app_user TO amiable_auth USING (true) WITH CHECK (true);

ALTER TABLE amiable.tenant_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.tenant_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.tenant_member
  USING (tenant_id = amiable.current_tenant_id()) WITH CHECK (tenant_id = amiable.current_tenant_id());
CREATE POLICY auth_lookup ON amiable.tenant_member TO amiable_auth USING (true);

ALTER TABLE amiable.session ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.session FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.session
  USING (tenant_id = amiable.current_tenant_id()) WITH CHECK (tenant_id = amiable.current_tenant_id());
CREATE POLICY auth_lookup ON amiable.session TO amiable_auth USING (true) WITH CHECK (true);

ALTER TABLE amiable.api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.api_key
  USING (tenant_id = amiable.current_tenant_id()) WITH CHECK (tenant_id = amiable.current_tenant_id());
CREATE POLICY auth_lookup ON amiable.api_key TO amiable_auth USING (true) WITH CHECK (true);

-- Reachable only through the functions below: the application role has no grant on it.
ALTER TABLE amiable.password_reset_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.password_reset_token FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_lookup ON amiable.password_reset_token TO amiable_auth USING (true) WITH CHECK (true);

ALTER TABLE amiable.auth_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.auth_throttle FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_lookup ON amiable.auth_throttle TO amiable_auth USING (true) WITH CHECK (true);

-- Grants ------------------------------------------------------------------

GRANT SELECT, INSERT ON amiable.tenant TO amiable_app;
GRANT UPDATE (name, default_locale) ON amiable.tenant TO amiable_app;
GRANT SELECT (id, email, display_name, locale, disabled_at, created_at) ON amiable.app_user TO amiable_app;
GRANT UPDATE (display_name, locale) ON amiable.app_user TO amiable_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON amiable.tenant_member TO amiable_app;
GRANT SELECT, INSERT ON amiable.session TO amiable_app;
GRANT UPDATE (last_seen_at, idle_expires_at, revoked_at) ON amiable.session TO amiable_app;
GRANT SELECT (tenant_id, id, name, prefix, role, created_by, created_at, last_used_at, revoked_at), INSERT ON amiable.api_key TO amiable_app;
GRANT UPDATE (last_used_at, revoked_at) ON amiable.api_key TO amiable_app;

GRANT SELECT ON amiable.tenant, amiable.tenant_member TO amiable_auth;
GRANT SELECT, INSERT, UPDATE ON amiable.app_user, amiable.session, amiable.api_key, amiable.password_reset_token, amiable.auth_throttle TO amiable_auth;

-- Functions that run before the tenant is known ------------------------------
-- Each is SECURITY DEFINER owned by amiable_auth, with a fixed search_path.

CREATE FUNCTION amiable.auth_find_user(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text, disabled boolean, locale text, display_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT id, password_hash, disabled_at IS NOT NULL, locale, display_name
    FROM amiable.app_user WHERE email = lower(p_email)
  $$;

CREATE FUNCTION amiable.auth_memberships(p_user_id uuid)
  RETURNS TABLE (tenant_id uuid, tenant_name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT m.tenant_id, t.name, m.role
    FROM amiable.tenant_member m JOIN amiable.tenant t ON t.id = m.tenant_id
    WHERE m.user_id = p_user_id
    ORDER BY m.created_at, t.name
  $$;

CREATE FUNCTION amiable.auth_session(p_token_hash bytea, p_now timestamptz)
  RETURNS TABLE (session_id uuid, tenant_id uuid, user_id uuid, role text, email text, display_name text, locale text,
                 last_seen_at timestamptz, expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT s.id, s.tenant_id, s.user_id, m.role, u.email, u.display_name, u.locale, s.last_seen_at, s.expires_at
    FROM amiable.session s
    JOIN amiable.tenant_member m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
    JOIN amiable.app_user u ON u.id = s.user_id
    WHERE s.token_hash = p_token_hash
      AND s.revoked_at IS NULL
      AND s.expires_at > p_now
      AND s.idle_expires_at > p_now
      AND u.disabled_at IS NULL
  $$;

CREATE FUNCTION amiable.auth_api_key(p_prefix text, p_secret_hash bytea)
  RETURNS TABLE (api_key_id uuid, tenant_id uuid, role text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT id, tenant_id, role, name FROM amiable.api_key
    WHERE prefix = p_prefix AND secret_hash = p_secret_hash AND revoked_at IS NULL
  $$;

-- Returns the identity for the e-mail, creating it (without a password) if new.
-- Same answer shape either way, so inviting reveals nothing about other tenants.
CREATE FUNCTION amiable.auth_ensure_user(p_id uuid, p_email text, p_display_name text, p_locale text, p_now timestamptz)
  RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE found uuid;
  BEGIN
    INSERT INTO amiable.app_user (id, email, display_name, locale, created_at)
    VALUES (p_id, lower(p_email), p_display_name, p_locale, p_now)
    ON CONFLICT (email) DO NOTHING;
    SELECT id INTO found FROM amiable.app_user WHERE email = lower(p_email);
    RETURN found;
  END $$;

-- Records a reset (or invitation) token if the e-mail belongs to an active identity.
CREATE FUNCTION amiable.auth_create_reset(p_id uuid, p_email text, p_token_hash bytea, p_purpose text, p_now timestamptz, p_expires_at timestamptz)
  RETURNS TABLE (user_id uuid, display_name text, locale text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE u amiable.app_user%ROWTYPE;
  BEGIN
    SELECT * INTO u FROM amiable.app_user WHERE email = lower(p_email) AND disabled_at IS NULL;
    IF NOT FOUND THEN RETURN; END IF;
    INSERT INTO amiable.password_reset_token (id, user_id, token_hash, purpose, created_at, expires_at)
    VALUES (p_id, u.id, p_token_hash, p_purpose, p_now, p_expires_at);
    RETURN QUERY SELECT u.id, u.display_name, u.locale;
  END $$;

-- Consumes a valid token: sets the new password, invalidates the user's other
-- tokens and revokes every session of the user in every tenant.
CREATE FUNCTION amiable.auth_consume_reset(p_token_hash bytea, p_password_hash text, p_now timestamptz)
  RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE t amiable.password_reset_token%ROWTYPE;
  BEGIN
    SELECT * INTO t FROM amiable.password_reset_token
    WHERE token_hash = p_token_hash AND used_at IS NULL AND expires_at > p_now
    FOR UPDATE;
    IF NOT FOUND THEN RETURN NULL; END IF;
    UPDATE amiable.password_reset_token SET used_at = p_now WHERE user_id = t.user_id AND used_at IS NULL;
    UPDATE amiable.app_user SET password_hash = p_password_hash, password_changed_at = p_now WHERE id = t.user_id;
    UPDATE amiable.session SET revoked_at = p_now WHERE user_id = t.user_id AND revoked_at IS NULL;
    RETURN t.user_id;
  END $$;

-- Changes the password of the user of the current transaction (amiable.user_id),
-- after the application checked the current one; other sessions are revoked.
CREATE FUNCTION amiable.auth_change_own_password(p_password_hash text, p_keep_session uuid, p_now timestamptz)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE me uuid := amiable.current_user_id();
  BEGIN
    IF me IS NULL THEN RETURN false; END IF;
    UPDATE amiable.app_user SET password_hash = p_password_hash, password_changed_at = p_now WHERE id = me;
    UPDATE amiable.session SET revoked_at = p_now WHERE user_id = me AND revoked_at IS NULL AND id IS DISTINCT FROM p_keep_session;
    RETURN true;
  END $$;

-- The end of the lock on any of the keys (hashed e-mail, client address), if one is locked now.
CREATE FUNCTION amiable.auth_locked_until(p_keys text[], p_now timestamptz)
  RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT max(locked_until) FROM amiable.auth_throttle WHERE key = ANY (p_keys) AND locked_until > p_now $$;

-- Counts one failure against each key; a key reaching p_max failures inside
-- p_window is locked for p_lock. Returns the latest lock end, if any.
CREATE FUNCTION amiable.auth_record_failure(p_keys text[], p_max integer[], p_now timestamptz, p_window interval, p_lock interval)
  RETURNS timestamptz
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE i integer; result timestamptz;
  BEGIN
    FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
      INSERT INTO amiable.auth_throttle AS t (key, failures, window_started_at)
      VALUES (p_keys[i], 1, p_now)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at + p_window < p_now THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at + p_window < p_now THEN p_now ELSE t.window_started_at END;
      UPDATE amiable.auth_throttle SET locked_until = p_now + p_lock
      WHERE key = p_keys[i] AND failures >= p_max[i];
    END LOOP;
    SELECT max(locked_until) INTO result FROM amiable.auth_throttle WHERE key = ANY (p_keys) AND locked_until > p_now;
    RETURN result;
  END $$;

CREATE FUNCTION amiable.auth_clear_failures(p_keys text[])
  RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ DELETE FROM amiable.auth_throttle WHERE key = ANY (p_keys) $$;

GRANT DELETE ON amiable.auth_throttle TO amiable_auth;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'amiable.auth_find_user(text)',
    'amiable.auth_memberships(uuid)',
    'amiable.auth_session(bytea, timestamptz)',
    'amiable.auth_api_key(text, bytea)',
    'amiable.auth_ensure_user(uuid, text, text, text, timestamptz)',
    'amiable.auth_create_reset(uuid, text, bytea, text, timestamptz, timestamptz)',
    'amiable.auth_consume_reset(bytea, text, timestamptz)',
    'amiable.auth_change_own_password(text, uuid, timestamptz)',
    'amiable.auth_locked_until(text[], timestamptz)',
    'amiable.auth_record_failure(text[], integer[], timestamptz, interval, interval)',
    'amiable.auth_clear_failures(text[])'
  ] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO amiable_auth', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO amiable_app', f);
  END LOOP;
END $$;

-- Operator-only (`amiable tenants create`, the demo loader): sets a password
-- without a reset link. Not granted to amiable_app: only the migrating user may call it.
CREATE FUNCTION amiable.auth_set_password(p_user_id uuid, p_password_hash text, p_now timestamptz)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  BEGIN
    UPDATE amiable.app_user SET password_hash = p_password_hash, password_changed_at = p_now WHERE id = p_user_id;
    UPDATE amiable.session SET revoked_at = p_now WHERE user_id = p_user_id AND revoked_at IS NULL;
    RETURN FOUND;
  END $$;
ALTER FUNCTION amiable.auth_set_password(uuid, text, timestamptz) OWNER TO amiable_auth;
REVOKE ALL ON FUNCTION amiable.auth_set_password(uuid, text, timestamptz) FROM PUBLIC;

-- Operator-only: the tenants of this database, for the CLI's --tenant choice.
CREATE FUNCTION amiable.operator_tenants()
  RETURNS TABLE (id uuid, name text, kind text, created_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT id, name, kind, created_at FROM amiable.tenant ORDER BY created_at, name $$;
ALTER FUNCTION amiable.operator_tenants() OWNER TO amiable_auth;
REVOKE ALL ON FUNCTION amiable.operator_tenants() FROM PUBLIC;
