-- The planner's proposals: one week's plan as the daemon made it, waiting for a coordinator to
-- commit or discard it. A proposal only ever adds people to shifts; the assignments it becomes
-- are made (and checked) one by one at commit.

CREATE TABLE plan_proposals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
    status text NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'committed', 'discarded', 'superseded')),
    proposed_by text NOT NULL,
    proposed_at timestamptz NOT NULL DEFAULT now(),
    decided_by text,
    decided_at timestamptz,
    seed bigint NOT NULL,
    work bigint NOT NULL CHECK (work >= 0),
    stopped_by_deadline boolean NOT NULL,
    elapsed_ms bigint NOT NULL CHECK (elapsed_ms >= 0),
    objective numeric NOT NULL,
    candidate_pairs integer NOT NULL,
    iterations bigint NOT NULL,
    CHECK ((status = 'proposed') = (decided_at IS NULL))
);

-- At most one proposal per week waits for a decision.
CREATE UNIQUE INDEX plan_proposals_open ON plan_proposals (week_start) WHERE status = 'proposed';
CREATE INDEX plan_proposals_week ON plan_proposals (week_start, id);

-- The chantier-plan/1 instance a plan was made from (`chantierd plan` solves it again); kept
-- apart so that the audit log records decisions, not instances.
CREATE TABLE plan_proposal_instances (
    proposal_id bigint PRIMARY KEY REFERENCES plan_proposals ON DELETE CASCADE,
    instance text NOT NULL
);

CREATE TABLE plan_proposal_assignments (
    proposal_id bigint NOT NULL REFERENCES plan_proposals ON DELETE CASCADE,
    shift_id bigint NOT NULL REFERENCES shifts,
    participant_id bigint NOT NULL REFERENCES participants,
    cross_sector boolean NOT NULL,
    PRIMARY KEY (proposal_id, shift_id, participant_id)
);

-- Placements the rules refused once the whole plan was known: reported, not proposed.
CREATE TABLE plan_proposal_refusals (
    proposal_id bigint NOT NULL REFERENCES plan_proposals ON DELETE CASCADE,
    shift_id bigint NOT NULL REFERENCES shifts,
    participant_id bigint NOT NULL REFERENCES participants,
    reason text NOT NULL,
    PRIMARY KEY (proposal_id, shift_id, participant_id)
);

CREATE TABLE plan_proposal_shifts (
    proposal_id bigint NOT NULL REFERENCES plan_proposals ON DELETE CASCADE,
    shift_id bigint NOT NULL REFERENCES shifts,
    open_places integer NOT NULL CHECK (open_places >= 0),
    proposed integer NOT NULL CHECK (proposed >= 0),
    eligible integer NOT NULL CHECK (eligible >= 0),
    reason text,
    PRIMARY KEY (proposal_id, shift_id)
);

CREATE TABLE plan_proposal_people (
    proposal_id bigint NOT NULL REFERENCES plan_proposals ON DELETE CASCADE,
    participant_id bigint NOT NULL REFERENCES participants,
    target_minutes integer NOT NULL CHECK (target_minutes >= 0),
    fixed_minutes integer NOT NULL CHECK (fixed_minutes >= 0),
    proposed_minutes integer NOT NULL CHECK (proposed_minutes >= 0),
    PRIMARY KEY (proposal_id, participant_id)
);

SELECT chantier_audit_table('plan_proposals'::regclass);
