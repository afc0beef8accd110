-- Statistics: what the figures program managers report are computed from, defined once here so
-- every statistic (and the hand-written queries they are measured against) reads them the same
-- way. docs/STATISTICS.md gives the definitions in words.

-- The season of each day a school calendar knows, as `SchoolCalendar.season` decides it for the
-- rules: a day in a run of more than seven days without educational service is summer when the
-- run includes a day of July, the holidays otherwise (the Holidays, spring break); every other
-- day, class days and short breaks, is the school period. Computed by this view, kept in the table
-- below whenever a calendar changes, so that statistics look days up instead of computing them.
CREATE VIEW calendar_day_seasons_computed AS
WITH days AS (
    SELECT calendar.id AS calendar_id, series.day::date AS day,
           EXISTS (SELECT 1 FROM school_calendar_class_days service
                   WHERE service.calendar_id = calendar.id AND service.day = series.day::date) AS class_day
    FROM school_calendars calendar,
         generate_series(calendar.known_from::timestamp, calendar.known_to::timestamp, interval '1 day') AS series (day)
), runs AS (
    -- Days without class after the n-th class day form the n-th run.
    SELECT days.*, count(*) FILTER (WHERE class_day) OVER (PARTITION BY calendar_id ORDER BY day) AS run
    FROM days
)
SELECT calendar_id, day,
       CASE
           WHEN class_day OR count(*) OVER run_days <= 7 THEN 'school-period'
           WHEN bool_or(extract(month FROM day) = 7) OVER run_days THEN 'summer'
           ELSE 'holidays'
       END AS season
FROM runs
WINDOW run_days AS (PARTITION BY calendar_id, run, class_day);

CREATE TABLE calendar_day_seasons (
    calendar_id bigint NOT NULL REFERENCES school_calendars ON DELETE CASCADE,
    day date NOT NULL,
    season text NOT NULL CHECK (season IN ('school-period', 'holidays', 'summer')),
    PRIMARY KEY (calendar_id, day)
);

CREATE FUNCTION chantier_compute_calendar_seasons() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM calendar_day_seasons;
    INSERT INTO calendar_day_seasons (calendar_id, day, season)
    SELECT calendar_id, day, season FROM calendar_day_seasons_computed;
    RETURN NULL;
END
$$;

CREATE TRIGGER school_calendars_seasons AFTER INSERT OR UPDATE OR DELETE ON school_calendars
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_compute_calendar_seasons();
CREATE TRIGGER school_calendar_class_days_seasons AFTER INSERT OR UPDATE OR DELETE ON school_calendar_class_days
    FOR EACH STATEMENT EXECUTE FUNCTION chantier_compute_calendar_seasons();
INSERT INTO calendar_day_seasons (calendar_id, day, season)
SELECT calendar_id, day, season FROM calendar_day_seasons_computed;

-- The season of a day for a participant: from their school calendar where it knows the day,
-- else (adults, no calendar) July and August are summer and the rest the school period.
CREATE FUNCTION chantier_default_season(day date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN extract(month FROM day) IN (7, 8) THEN 'summer' ELSE 'school-period' END;

-- The age bands statistics are grouped by, for an age on a day.
CREATE FUNCTION chantier_age_band(birth date, day date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN extract(year FROM age(day, birth)) < 16 THEN 'under-16'
        WHEN extract(year FROM age(day, birth)) < 18 THEN '16-17'
        WHEN extract(year FROM age(day, birth)) < 25 THEN '18-24'
        WHEN extract(year FROM age(day, birth)) < 35 THEN '25-34'
        WHEN extract(year FROM age(day, birth)) < 45 THEN '35-44'
        WHEN extract(year FROM age(day, birth)) < 55 THEN '45-54'
        ELSE '55-and-over'
    END;

-- Minutes worked by a time entry: its span less its break.
CREATE FUNCTION chantier_entry_minutes(worked tstzrange, break_minutes integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (extract(epoch FROM upper(worked) - lower(worked)) / 60)::integer - break_minutes;

CREATE INDEX time_entries_work_date ON time_entries (work_date);
CREATE INDEX enrollments_exit ON enrollments (exit_on) WHERE exit_on IS NOT NULL;
CREATE INDEX outcomes_situation ON outcomes (participant_id, situation, observed_on);
