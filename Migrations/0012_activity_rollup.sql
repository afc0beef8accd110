-- Activity by person-week, kept beside the ledger and the assignments so that participation reads
-- a row per participant, program and week instead of every entry and assignment: the work minutes
-- and entries in force, and the assignments kept on open shifts and the no-shows among them.
-- Triggers add each change as it commits, in the writer's transaction.

CREATE TABLE activity_by_week (
    participant_id bigint NOT NULL,
    program_id bigint,
    week date NOT NULL,
    work_minutes bigint NOT NULL DEFAULT 0,
    entries integer NOT NULL DEFAULT 0,
    kept integer NOT NULL DEFAULT 0,
    no_shows integer NOT NULL DEFAULT 0,
    UNIQUE NULLS NOT DISTINCT (participant_id, program_id, week)
);

CREATE INDEX activity_by_week_week ON activity_by_week (week);

CREATE FUNCTION chantier_add_activity(
    participant bigint, program bigint, day date, minutes bigint, entries integer, kept integer, no_shows integer
) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO activity_by_week AS activity (participant_id, program_id, week, work_minutes, entries, kept, no_shows)
        VALUES (participant, program, chantier_week_start(day), minutes, entries, kept, no_shows)
        ON CONFLICT (participant_id, program_id, week) DO UPDATE
        SET work_minutes = activity.work_minutes + excluded.work_minutes,
            entries = activity.entries + excluded.entries,
            kept = activity.kept + excluded.kept,
            no_shows = activity.no_shows + excluded.no_shows;
    END;

-- An entry comes into force; a correction takes the entry it supersedes out of force.
CREATE FUNCTION chantier_time_entry_adds_activity() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    superseded time_entries;
BEGIN
    IF NOT NEW.voids THEN
        PERFORM chantier_add_activity(
            NEW.participant_id, NEW.program_id, NEW.work_date,
            CASE WHEN NEW.kind = 'work' THEN chantier_entry_minutes(NEW.worked, NEW.break_minutes) ELSE 0 END, 1, 0, 0
        );
    END IF;
    IF NEW.supersedes IS NOT NULL THEN
        SELECT * INTO superseded FROM time_entries WHERE id = NEW.supersedes;
        IF NOT superseded.voids THEN
            PERFORM chantier_add_activity(
                superseded.participant_id, superseded.program_id, superseded.work_date,
                CASE WHEN superseded.kind = 'work'
                     THEN -chantier_entry_minutes(superseded.worked, superseded.break_minutes) ELSE 0 END, -1, 0, 0
            );
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER time_entries_add_activity AFTER INSERT ON time_entries
    FOR EACH ROW EXECUTE FUNCTION chantier_time_entry_adds_activity();

-- What an assignment counts for: kept (not declined or cancelled) on an open shift, and whether a
-- no-show; in the week of its shift, for the program of the shift's order.
CREATE FUNCTION chantier_count_assignment(participant bigint, status text, shift_id bigint, sign integer)
    RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    shift shifts;
    program bigint;
BEGIN
    IF status NOT IN ('assigned', 'confirmed', 'completed', 'no_show') THEN
        RETURN;
    END IF;
    SELECT * INTO shift FROM shifts WHERE id = shift_id;
    IF shift.status <> 'open' THEN
        RETURN;
    END IF;
    SELECT work_order.program_id INTO program FROM work_orders work_order WHERE work_order.id = shift.work_order_id;
    PERFORM chantier_add_activity(
        participant, program, shift.local_date, 0, 0, sign, CASE WHEN status = 'no_show' THEN sign ELSE 0 END
    );
END
$$;

CREATE FUNCTION chantier_assignment_adds_activity() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM chantier_count_assignment(OLD.participant_id, OLD.status, OLD.shift_id, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM chantier_count_assignment(NEW.participant_id, NEW.status, NEW.shift_id, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER assignments_add_activity AFTER INSERT OR UPDATE OF status, shift_id, participant_id OR DELETE
    ON assignments FOR EACH ROW EXECUTE FUNCTION chantier_assignment_adds_activity();

-- A shift cancelled, reopened or moved: its assignments count where the shift now is. Runs after
-- the update, so the shift read is the new one; the old one is taken out from OLD.
CREATE FUNCTION chantier_shift_moves_activity() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    old_program bigint;
BEGIN
    IF OLD.status = 'open' THEN
        SELECT work_order.program_id INTO old_program FROM work_orders work_order WHERE work_order.id = OLD.work_order_id;
        PERFORM chantier_add_activity(
            assignment.participant_id, old_program, OLD.local_date, 0, 0, -1,
            CASE WHEN assignment.status = 'no_show' THEN -1 ELSE 0 END
        )
        FROM assignments assignment
        WHERE assignment.shift_id = OLD.id AND assignment.status IN ('assigned', 'confirmed', 'completed', 'no_show');
    END IF;
    PERFORM chantier_count_assignment(assignment.participant_id, assignment.status, NEW.id, 1)
    FROM assignments assignment WHERE assignment.shift_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER shifts_move_activity AFTER UPDATE OF status, local_date, work_order_id ON shifts
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.local_date IS DISTINCT FROM NEW.local_date
                       OR OLD.work_order_id IS DISTINCT FROM NEW.work_order_id)
    EXECUTE FUNCTION chantier_shift_moves_activity();

-- Computes the whole table again from the ledger and the assignments (after a bulk load).
CREATE FUNCTION chantier_rebuild_activity_by_week() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    made bigint;
BEGIN
    LOCK TABLE activity_by_week IN EXCLUSIVE MODE;
    DELETE FROM activity_by_week;
    INSERT INTO activity_by_week (participant_id, program_id, week, work_minutes, entries, kept, no_shows)
    SELECT participant_id, program_id, week, sum(minutes), sum(entries), sum(kept), sum(no_shows)
    FROM (
        SELECT entry.participant_id, entry.program_id, chantier_week_start(entry.work_date) AS week,
               CASE WHEN entry.kind = 'work' THEN chantier_entry_minutes(entry.worked, entry.break_minutes) ELSE 0 END
                   AS minutes,
               1 AS entries, 0 AS kept, 0 AS no_shows
        FROM current_time_entries entry
        UNION ALL
        SELECT assignment.participant_id, work_order.program_id, chantier_week_start(shift.local_date), 0, 0, 1,
               (assignment.status = 'no_show')::integer
        FROM assignments assignment
        JOIN shifts shift ON shift.id = assignment.shift_id AND shift.status = 'open'
        LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
        WHERE assignment.status IN ('assigned', 'confirmed', 'completed', 'no_show')
    ) AS activity
    GROUP BY participant_id, program_id, week;
    GET DIAGNOSTICS made = ROW_COUNT;
    RETURN made;
END
$$;

SELECT chantier_rebuild_activity_by_week();
