-- Hours: the append-only ledger of time entries, and the weekly close and approval of each site.

CREATE TABLE time_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    site_id bigint NOT NULL REFERENCES sites,
    assignment_id bigint REFERENCES assignments,
    kind text NOT NULL CHECK (kind IN ('work', 'awareness_session', 'training')),
    worked tstzrange NOT NULL CHECK (
        NOT isempty(worked) AND lower_inc(worked) AND NOT upper_inc(worked)
        AND NOT lower_inf(worked) AND NOT upper_inf(worked)
        AND upper(worked) - lower(worked) <= interval '24 hours'
    ),
    -- The local date the entry starts on: weeks and their closure are local.
    work_date date NOT NULL,
    break_minutes integer NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
    -- A correction supersedes exactly one earlier entry, with a reason; an entry is superseded
    -- at most once. A voiding correction says the superseded entry did not happen.
    supersedes bigint UNIQUE REFERENCES time_entries,
    voids boolean NOT NULL DEFAULT false,
    reason text CHECK (reason <> ''),
    -- Rule ids the compliance engine flagged when the entry was recorded.
    flags text[] NOT NULL DEFAULT '{}',
    note text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by_uid bigint,
    recorded_by_name text NOT NULL,
    CHECK ((supersedes IS NULL) = (reason IS NULL)),
    CHECK (NOT voids OR supersedes IS NOT NULL),
    CHECK (break_minutes * interval '1 minute' < upper(worked) - lower(worked))
);

CREATE INDEX time_entries_participant ON time_entries (participant_id, work_date);
CREATE INDEX time_entries_site_week ON time_entries (site_id, work_date);

-- The entries in force: not superseded, not voiding corrections.
CREATE VIEW current_time_entries AS
SELECT entry.*
FROM time_entries entry
WHERE NOT entry.voids
  AND NOT EXISTS (SELECT 1 FROM time_entries later WHERE later.supersedes = entry.id);

CREATE TRIGGER time_entries_append_only BEFORE UPDATE OR DELETE ON time_entries
    FOR EACH ROW EXECUTE FUNCTION chantier_refuse_change();
CREATE TRIGGER time_entries_no_truncate BEFORE TRUNCATE ON time_entries
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_refuse_change();

-- A site's week (starting on week_start, local) is submitted by a supervisor, then approved by a
-- coordinator, which locks it; it may be reopened with a reason.
CREATE TABLE week_closures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id bigint NOT NULL REFERENCES sites,
    week_start date NOT NULL,
    status text NOT NULL CHECK (status IN ('submitted', 'approved', 'reopened')),
    submitted_at timestamptz,
    submitted_by text,
    approved_at timestamptz,
    approved_by text,
    flags_acknowledgement text,
    reopened_at timestamptz,
    reopened_by text,
    reopen_reason text,
    UNIQUE (site_id, week_start),
    CHECK (status <> 'approved' OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)),
    CHECK (status <> 'reopened' OR reopen_reason IS NOT NULL)
);

-- An approved week accepts no new entry, except a correction recorded by an admin.
CREATE FUNCTION chantier_week_locked(site bigint, day date) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN EXISTS (
        SELECT 1 FROM week_closures closure
        WHERE closure.site_id = site AND closure.status = 'approved'
          AND day >= closure.week_start AND day < closure.week_start + 7
    );

CREATE FUNCTION chantier_time_entry_lock() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    superseded time_entries;
    admin_correction boolean :=
        NEW.supersedes IS NOT NULL AND current_setting('chantier.actor_role', true) = 'admin';
BEGIN
    IF NEW.supersedes IS NOT NULL THEN
        SELECT * INTO superseded FROM time_entries WHERE id = NEW.supersedes;
    END IF;
    IF NOT admin_correction AND (
        chantier_week_locked(NEW.site_id, NEW.work_date)
        OR (superseded.id IS NOT NULL AND chantier_week_locked(superseded.site_id, superseded.work_date))
    ) THEN
        RAISE EXCEPTION 'the week of % at this site is approved and locked', NEW.work_date
            USING ERRCODE = 'CH003',
                  HINT = 'an admin may record a correction with a reason, or a coordinator may reopen the week';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER time_entries_week_lock BEFORE INSERT ON time_entries
    FOR EACH ROW EXECUTE FUNCTION chantier_time_entry_lock();

SELECT chantier_audit_table(name::regclass) FROM unnest(ARRAY['time_entries', 'week_closures']) AS name;
