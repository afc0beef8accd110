-- Approved hours by month, kept beside the ledger so the hours statistics read a few hundred
-- thousand rows instead of every entry: one row per participant, program, site, task kind, kind
-- of entry, month and season, with the minutes and entries in force of approved weeks.
--
-- Writers only mark what changed (a site's month); the next statistic refreshes the months
-- marked before it reads (chantier_refresh_hours_by_month). A mark carries a version, so a change
-- committed while a refresh runs leaves its mark for the next one.

-- The Monday of a day's week, without date_trunc's round trip through time zones.
CREATE FUNCTION chantier_week_start(day date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN day - (extract(isodow FROM day)::integer - 1);

-- Entries in force of approved weeks, with what the hours statistics group them by: the task kind
-- of their shift and the season of their day for their participant.
CREATE VIEW approved_time_entries AS
SELECT entry.participant_id, entry.program_id, entry.site_id, shift.task_kind_id, entry.kind, entry.work_date,
       coalesce(season.season, CASE WHEN participant.school_calendar_id IS NULL
                                    THEN chantier_default_season(entry.work_date) ELSE 'school-period' END) AS season,
       chantier_entry_minutes(entry.worked, entry.break_minutes)::bigint AS minutes
FROM current_time_entries entry
JOIN week_closures closure
     ON closure.site_id = entry.site_id AND closure.week_start = chantier_week_start(entry.work_date)
    AND closure.status = 'approved'
JOIN participants participant ON participant.id = entry.participant_id
LEFT JOIN assignments assignment ON assignment.id = entry.assignment_id
LEFT JOIN shifts shift ON shift.id = assignment.shift_id
LEFT JOIN calendar_day_seasons season
       ON season.calendar_id = participant.school_calendar_id AND season.day = entry.work_date;

CREATE TABLE hours_by_month (
    participant_id bigint NOT NULL,
    program_id bigint,
    site_id bigint NOT NULL,
    task_kind_id bigint,
    kind text NOT NULL,
    month date NOT NULL,
    season text NOT NULL,
    minutes bigint NOT NULL,
    entries integer NOT NULL
);

CREATE INDEX hours_by_month_site ON hours_by_month (site_id, month);
CREATE INDEX hours_by_month_month ON hours_by_month (month);
CREATE INDEX hours_by_month_participant ON hours_by_month (participant_id);

-- Site months to compute again; site 0 means every month (the calendars changed).
CREATE SEQUENCE hours_by_month_versions;
CREATE TABLE hours_by_month_stale (
    site_id bigint NOT NULL,
    month date NOT NULL,
    version bigint NOT NULL DEFAULT nextval('hours_by_month_versions'),
    PRIMARY KEY (site_id, month)
);

CREATE FUNCTION chantier_mark_hours_stale(site bigint, day date) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO hours_by_month_stale (site_id, month) VALUES (site, date_trunc('month', day)::date)
        ON CONFLICT (site_id, month) DO UPDATE SET version = nextval('hours_by_month_versions');
    END;

-- An entry (a correction) in an approved week changes what the month counts, and so does the
-- entry it supersedes. Entries of open weeks count only once approved.
CREATE FUNCTION chantier_time_entry_marks_hours() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    superseded time_entries;
BEGIN
    IF chantier_week_locked(NEW.site_id, NEW.work_date) THEN
        PERFORM chantier_mark_hours_stale(NEW.site_id, NEW.work_date);
    END IF;
    IF NEW.supersedes IS NOT NULL THEN
        SELECT * INTO superseded FROM time_entries WHERE id = NEW.supersedes;
        IF chantier_week_locked(superseded.site_id, superseded.work_date) THEN
            PERFORM chantier_mark_hours_stale(superseded.site_id, superseded.work_date);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER time_entries_mark_hours AFTER INSERT ON time_entries
    FOR EACH ROW EXECUTE FUNCTION chantier_time_entry_marks_hours();

-- A week approved, reopened or removed: both months it may touch.
CREATE FUNCTION chantier_week_closure_marks_hours() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    closure week_closures := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    IF (TG_OP <> 'DELETE' AND NEW.status = 'approved') OR (TG_OP <> 'INSERT' AND OLD.status = 'approved') THEN
        PERFORM chantier_mark_hours_stale(closure.site_id, closure.week_start);
        PERFORM chantier_mark_hours_stale(closure.site_id, closure.week_start + 6);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER week_closures_mark_hours AFTER INSERT OR UPDATE OF status OR DELETE ON week_closures
    FOR EACH ROW EXECUTE FUNCTION chantier_week_closure_marks_hours();

-- Seasons come from the calendars: a change to one makes every month stale (rare; the next
-- statistic computes them all again); a participant who changes calendar, their months.
CREATE FUNCTION chantier_calendar_marks_hours() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM chantier_mark_hours_stale(0, DATE '1900-01-01');
    RETURN NULL;
END
$$;

CREATE TRIGGER school_calendars_mark_hours AFTER INSERT OR UPDATE OR DELETE ON school_calendars
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_calendar_marks_hours();
CREATE TRIGGER school_calendar_class_days_mark_hours AFTER INSERT OR UPDATE OR DELETE ON school_calendar_class_days
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_calendar_marks_hours();
CREATE FUNCTION chantier_participant_calendar_marks_hours() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM chantier_mark_hours_stale(site_id, month)
    FROM (SELECT DISTINCT site_id, month FROM hours_by_month WHERE participant_id = NEW.id) AS counted;
    RETURN NULL;
END
$$;

CREATE TRIGGER participants_calendar_marks_hours AFTER UPDATE OF school_calendar_id ON participants
    FOR EACH ROW WHEN (OLD.school_calendar_id IS DISTINCT FROM NEW.school_calendar_id)
    EXECUTE FUNCTION chantier_participant_calendar_marks_hours();

-- Computes the marked months again, from the ledger, and returns how many site months it did.
-- One refresh at a time; marks made since it read them stay for the next.
CREATE FUNCTION chantier_refresh_hours_by_month() RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    marked_sites bigint[];
    marked_months date[];
    versions bigint[];
    sites bigint[];
    months date[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('chantier_refresh_hours_by_month'));
    SELECT array_agg(site_id), array_agg(month), array_agg(version)
    INTO marked_sites, marked_months, versions
    FROM hours_by_month_stale;
    IF marked_sites IS NULL THEN
        RETURN 0;
    END IF;
    IF 0 = ANY(marked_sites) THEN
        -- Everything: every site month that may hold approved hours.
        DELETE FROM hours_by_month;
        SELECT array_agg(site.id), array_agg(month.month) INTO sites, months
        FROM sites site,
             (SELECT generate_series(date_trunc('month', min(week_start)), max(week_start) + 6, interval '1 month')::date
                  AS month
              FROM week_closures WHERE status = 'approved') AS month;
    ELSE
        sites := marked_sites;
        months := marked_months;
        DELETE FROM hours_by_month rollup
        USING unnest(sites, months) AS stale (site_id, month)
        WHERE rollup.site_id = stale.site_id AND rollup.month = stale.month;
    END IF;
    -- Month by month along the (site, day) index of the ledger.
    INSERT INTO hours_by_month (participant_id, program_id, site_id, task_kind_id, kind, month, season, minutes, entries)
    SELECT entry.participant_id, entry.program_id, entry.site_id, entry.task_kind_id, entry.kind, stale.month,
           entry.season, sum(entry.minutes), count(*)
    FROM unnest(sites, months) AS stale (site_id, month)
    CROSS JOIN LATERAL (
        SELECT * FROM approved_time_entries approved
        WHERE approved.site_id = stale.site_id
          AND approved.work_date >= stale.month AND approved.work_date < (stale.month + interval '1 month')::date
    ) AS entry
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    DELETE FROM hours_by_month_stale marked
    USING unnest(marked_sites, marked_months, versions) AS seen (site_id, month, version)
    WHERE marked.site_id = seen.site_id AND marked.month = seen.month AND marked.version <= seen.version;
    RETURN coalesce(cardinality(sites), 0);
END
$$;

-- Everything is stale at first: the first statistic computes every month.
SELECT chantier_mark_hours_stale(0, DATE '1900-01-01');
