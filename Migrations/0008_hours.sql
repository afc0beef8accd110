-- Hours as the supervisors log them: the program an entry is paid and checked under, who
-- supervises which site, and Monday-to-Sunday weeks of closure.

-- Adding a column rewrites no row: the ledger's triggers refuse changes to entries, not to the table.
ALTER TABLE time_entries ADD COLUMN program_id bigint REFERENCES programs;

-- A view's `*` is expanded when it is made: remake it with the new column.
CREATE OR REPLACE VIEW current_time_entries AS
SELECT entry.*
FROM time_entries entry
WHERE NOT entry.voids
  AND NOT EXISTS (SELECT 1 FROM time_entries later WHERE later.supersedes = entry.id);

CREATE INDEX time_entries_assignment ON time_entries (assignment_id) WHERE assignment_id IS NOT NULL;
CREATE INDEX time_entries_supersedes ON time_entries (supersedes) WHERE supersedes IS NOT NULL;

-- The Unix users who supervise a site: they log its hours and submit its weeks.
CREATE TABLE site_supervisors (
    site_id bigint NOT NULL REFERENCES sites,
    user_name text NOT NULL CHECK (user_name <> ''),
    PRIMARY KEY (site_id, user_name)
);

ALTER TABLE week_closures ADD CONSTRAINT week_closures_monday CHECK (extract(isodow FROM week_start) = 1);

CREATE INDEX alerts_kind ON alerts (kind, raised_at);

SELECT chantier_audit_table('site_supervisors'::regclass);
