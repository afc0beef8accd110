-- Foundation: extensions, the audit log and its trigger, and helpers every later table uses.
--
-- Every change to a domain table writes an audit_log row in the same transaction, through the
-- chantier_audit() trigger. The writer names itself with transaction-local settings:
--   chantier.actor_uid   the Unix uid of the caller (from SO_PEERCRED), or empty
--   chantier.actor_name  the Unix user name, or "migration NNNN_x.sql", "demo", …  (required)
--   chantier.actor_role  the role the caller acts in (admin, coordinator, supervisor, manager)
--   chantier.operation   the API operation, such as participant.add
-- A change without chantier.actor_name is refused, so nothing escapes the audit log.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Lower-case, accent-free text for accent-insensitive search ("Lefebvre" finds "Lefèbvre").
CREATE FUNCTION chantier_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, $1));

-- Codes of reference rows (sectors, sites, programs…): lower-case words joined by dashes.
CREATE DOMAIN chantier_code AS text
    CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(VALUE) <= 64);

CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    transaction_id bigint NOT NULL DEFAULT txid_current(),
    actor_uid bigint,
    actor_name text NOT NULL,
    actor_role text,
    operation text NOT NULL,
    table_name text,
    row_key text,
    action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'event')),
    before jsonb,
    after jsonb,
    details jsonb
);

CREATE INDEX audit_log_row ON audit_log (table_name, row_key);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_name, at);

-- Ledgers (the audit log, time entries) refuse UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION chantier_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'CH002',
              HINT = CASE TG_TABLE_NAME
                  WHEN 'time_entries' THEN 'record a correction that supersedes the entry'
                  ELSE 'append a new row instead'
              END;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION chantier_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_refuse_change();

CREATE FUNCTION chantier_audit() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    actor text := nullif(current_setting('chantier.actor_name', true), '');
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'change to % without an actor', TG_TABLE_NAME
            USING ERRCODE = 'CH001',
                  HINT = 'set chantier.actor_name with set_config(''chantier.actor_name'', …, true) in the transaction';
    END IF;
    INSERT INTO audit_log (actor_uid, actor_name, actor_role, operation, table_name, row_key, action, before, after)
    VALUES (
        nullif(current_setting('chantier.actor_uid', true), '')::bigint,
        actor,
        nullif(current_setting('chantier.actor_role', true), ''),
        coalesce(nullif(current_setting('chantier.operation', true), ''), lower(TG_OP) || ' ' || TG_TABLE_NAME),
        TG_TABLE_NAME,
        coalesce(new_row, old_row) ->> 'id',
        lower(TG_OP),
        old_row,
        new_row
    );
    RETURN NULL;
END
$$;

-- Puts the audit trigger on a table; every domain table calls it once.
CREATE FUNCTION chantier_audit_table(target regclass) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format(
        'CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION chantier_audit()',
        target
    );
END
$$;
