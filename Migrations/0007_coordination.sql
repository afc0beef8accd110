-- What the coordinator's daily work needs beyond the first registry: supervision on orders (a
-- condition of Québec's exceptions for under-14s), reasons on closed orders and on declined or
-- cancelled assignments, and the indexes of the lists coordinators run all day.

ALTER TABLE work_orders
    ADD COLUMN adult_supervision boolean NOT NULL DEFAULT true,
    ADD COLUMN close_reason text;

ALTER TABLE assignments ADD COLUMN status_reason text;

CREATE INDEX work_orders_open ON work_orders (site_id) WHERE status = 'open';
CREATE INDEX participants_family_name ON participants (family_name, given_name);
CREATE INDEX consents_participant ON consents (participant_id);
CREATE INDEX guardians_participant ON guardians (participant_id);
CREATE INDEX enrollments_participant ON enrollments (participant_id, starts_on);
CREATE INDEX availability_windows_participant ON availability_windows (participant_id);
CREATE INDEX availability_exceptions_participant ON availability_exceptions (participant_id, day);
