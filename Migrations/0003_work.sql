-- Work: clients' orders, the shifts materialized from them, and who is assigned to each shift.

CREATE TABLE work_orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id bigint REFERENCES clients,
    site_id bigint NOT NULL REFERENCES sites,
    task_kind_id bigint NOT NULL REFERENCES task_kinds,
    program_id bigint REFERENCES programs,
    title text NOT NULL CHECK (title <> ''),
    first_day date NOT NULL,
    last_day date CHECK (last_day IS NULL OR last_day >= first_day),
    -- ISO weekdays (1 = Monday … 7 = Sunday) on which a shift happens, in local time.
    weekdays smallint[] NOT NULL CHECK (cardinality(weekdays) > 0 AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
    start_time time NOT NULL,
    end_time time NOT NULL CHECK (end_time > start_time),
    headcount integer NOT NULL CHECK (headcount BETWEEN 1 AND 100),
    required_skills text[] NOT NULL DEFAULT '{}',
    min_age integer CHECK (min_age BETWEEN 0 AND 99),
    priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    notes text,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz
);

CREATE TABLE work_order_skipped_days (
    work_order_id bigint NOT NULL REFERENCES work_orders,
    day date NOT NULL,
    PRIMARY KEY (work_order_id, day)
);

-- A shift is one occurrence of an order (or a one-off). Its time is absolute (tstzrange), and its
-- local date is kept beside it because weeks, days and seasons are local.
CREATE TABLE shifts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    work_order_id bigint REFERENCES work_orders,
    site_id bigint NOT NULL REFERENCES sites,
    task_kind_id bigint NOT NULL REFERENCES task_kinds,
    local_date date NOT NULL,
    during tstzrange NOT NULL CHECK (
        NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)
        AND NOT lower_inf(during) AND NOT upper_inf(during)
    ),
    headcount integer NOT NULL CHECK (headcount BETWEEN 1 AND 100),
    required_skills text[] NOT NULL DEFAULT '{}',
    min_age integer CHECK (min_age BETWEEN 0 AND 99),
    priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
    cancel_reason text,
    -- Materializing an order twice (two daemons, a retry) never duplicates a shift.
    UNIQUE (work_order_id, local_date)
);

CREATE INDEX shifts_during ON shifts USING gist (during);
CREATE INDEX shifts_local_date ON shifts (local_date);

CREATE TABLE assignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id bigint NOT NULL REFERENCES shifts,
    participant_id bigint NOT NULL REFERENCES participants,
    -- A copy of the shift's time, kept in step by triggers, for the constraint below.
    during tstzrange NOT NULL,
    status text NOT NULL DEFAULT 'assigned'
        CHECK (status IN ('assigned', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show')),
    source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'planner')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- The last line of defence: a participant is never on two overlapping shifts. Touching
    -- shifts ([9:00, 12:00) and [12:00, 15:00)) do not overlap.
    CONSTRAINT assignments_no_overlap EXCLUDE USING gist (participant_id WITH =, during WITH &&)
        WHERE (status IN ('assigned', 'confirmed', 'completed', 'no_show'))
);

CREATE INDEX assignments_shift ON assignments (shift_id);
CREATE INDEX assignments_participant ON assignments (participant_id, during);

CREATE FUNCTION chantier_assignment_time() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT during INTO NEW.during FROM shifts WHERE id = NEW.shift_id;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER assignments_time BEFORE INSERT OR UPDATE OF shift_id, status ON assignments
    FOR EACH ROW EXECUTE FUNCTION chantier_assignment_time();

CREATE FUNCTION chantier_shift_time_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE assignments SET during = NEW.during WHERE shift_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER shifts_time_changed AFTER UPDATE OF during ON shifts
    FOR EACH ROW WHEN (OLD.during IS DISTINCT FROM NEW.during)
    EXECUTE FUNCTION chantier_shift_time_changed();

SELECT chantier_audit_table(name::regclass)
FROM unnest(ARRAY['work_orders', 'work_order_skipped_days', 'shifts', 'assignments']) AS name;
