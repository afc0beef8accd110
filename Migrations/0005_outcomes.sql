-- What happens after: outcomes, the follow-ups that collect them, and alerts to staff.

CREATE TABLE outcomes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    enrollment_id bigint REFERENCES enrollments,
    observed_on date NOT NULL,
    situation text NOT NULL CHECK (situation IN (
        'employed_full_time', 'employed_part_time', 'self_employed', 'in_training',
        'in_school_returned', 'in_school_stayed', 'diploma_obtained', 'seeking_work',
        'moved', 'left_social_housing', 'lost_contact', 'other'
    )),
    diploma_level text CHECK (diploma_level IN ('secondary', 'vocational', 'college', 'university')),
    source text NOT NULL CHECK (source IN ('self_reported', 'verified')),
    note text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL,
    CHECK ((situation = 'diploma_obtained') = (diploma_level IS NOT NULL))
);

CREATE INDEX outcomes_participant ON outcomes (participant_id, observed_on);

CREATE TABLE follow_ups (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrollment_id bigint NOT NULL REFERENCES enrollments,
    offset_days integer NOT NULL CHECK (offset_days > 0),
    due_on date NOT NULL,
    done_on date,
    outcome_id bigint REFERENCES outcomes,
    note text,
    UNIQUE (enrollment_id, offset_days)
);

CREATE INDEX follow_ups_due ON follow_ups (due_on) WHERE done_on IS NULL;

-- Each alert is raised once: its dedup_key names what it is about (rule, participant, week…).
CREATE TABLE alerts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    dedup_key text NOT NULL UNIQUE,
    target_role text NOT NULL CHECK (target_role IN ('admin', 'coordinator', 'supervisor', 'manager')),
    severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
    message text NOT NULL,
    participant_id bigint REFERENCES participants,
    details jsonb NOT NULL DEFAULT '{}',
    raised_at timestamptz NOT NULL DEFAULT now(),
    acknowledged_at timestamptz,
    acknowledged_by text
);

CREATE INDEX alerts_open ON alerts (target_role, raised_at) WHERE acknowledged_at IS NULL;

SELECT chantier_audit_table(name::regclass) FROM unnest(ARRAY['outcomes', 'follow_ups', 'alerts']) AS name;
