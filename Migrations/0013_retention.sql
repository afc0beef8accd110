-- Retention: a participant archived long enough after their last exit is anonymised. What names
-- or reaches the person (names, contacts, address, school, free-text notes, guardians' contacts,
-- consent document references, alert messages) is cleared everywhere it is stored, the audit
-- log's before/after copies included; what the statistics read (birth date, sex, home sector,
-- school status and calendar, diploma, stays, outcomes, hours) stays, so every statistic gives
-- the same figures before and after. Nothing is deleted.
--
-- The ledgers (time_entries, audit_log) refuse changes, except the clearing done here: inside
-- chantier_anonymise_participant() the setting chantier.anonymising is on, and the ledgers then
-- accept an update that changes only their text columns.

-- An update of a ledger row allowed while anonymising: only these columns may change.
CREATE FUNCTION chantier_anonymisable_columns(ledger text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    RETURN CASE ledger
        WHEN 'audit_log' THEN ARRAY['before', 'after']
        WHEN 'time_entries' THEN ARRAY['note', 'reason']
        ELSE ARRAY[]::text[]
    END;

CREATE OR REPLACE FUNCTION chantier_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND current_setting('chantier.anonymising', true) = 'on'
        AND to_jsonb(NEW) - chantier_anonymisable_columns(TG_TABLE_NAME)
            = to_jsonb(OLD) - chantier_anonymisable_columns(TG_TABLE_NAME)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are never changed or deleted (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'CH002',
              HINT = CASE TG_TABLE_NAME
                  WHEN 'time_entries' THEN 'record a correction that supersedes the entry'
                  ELSE 'append a new row instead'
              END;
END
$$;

-- The personal fields of each table, with what replaces them (JSON null: cleared).
CREATE FUNCTION chantier_personal_fields(table_name text, participant bigint) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    RETURN CASE table_name
        WHEN 'participants' THEN jsonb_build_object(
            'given_name', 'anonymised', 'family_name', '#' || participant,
            'search_name', 'anonymised #' || participant,
            'email', null, 'phone', null, 'address', null, 'building', null, 'school_name', null,
            'travel_minutes_home', null, 'notes', null)
        WHEN 'guardians' THEN jsonb_build_object(
            'name', 'anonymised', 'phone', null, 'email', null, 'notes', null)
        WHEN 'consents' THEN jsonb_build_object('document_ref', null)
        WHEN 'availability_exceptions' THEN jsonb_build_object('note', null)
        WHEN 'enrollments' THEN jsonb_build_object('exit_note', null)
        WHEN 'outcomes' THEN jsonb_build_object('note', null)
        WHEN 'follow_ups' THEN jsonb_build_object('note', null)
        WHEN 'time_entries' THEN jsonb_build_object('note', null, 'reason', 'anonymised')
        WHEN 'alerts' THEN jsonb_build_object('message', 'about an anonymised participant')
        ELSE '{}'::jsonb
    END;

-- A row (as JSON) with its personal fields replaced; fields that were empty stay empty.
CREATE FUNCTION chantier_masked(row_data jsonb, fields jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN row_data IS NULL THEN NULL ELSE row_data || coalesce(
        (SELECT jsonb_object_agg(field.key, field.value)
         FROM jsonb_each(fields) AS field
         WHERE row_data ? field.key AND jsonb_typeof(row_data -> field.key) <> 'null'),
        '{}'::jsonb) END;

-- Finds the audit rows of a participant's rows without reading the whole log.
CREATE INDEX audit_log_participant ON audit_log (((coalesce(after, before) ->> 'participant_id')::bigint))
    WHERE coalesce(after, before) ? 'participant_id';
CREATE INDEX audit_log_enrollment ON audit_log (((coalesce(after, before) ->> 'enrollment_id')::bigint))
    WHERE table_name = 'follow_ups';

-- Anonymises one participant in the caller's transaction (which names its actor, as every
-- change does). Returns the number of audit rows cleared; a second call changes nothing.
CREATE FUNCTION chantier_anonymise_participant(participant bigint) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    enrollment_ids bigint[];
    cleared integer;
BEGIN
    PERFORM set_config('chantier.anonymising', 'on', true);
    SELECT coalesce(array_agg(id), '{}') INTO enrollment_ids FROM enrollments WHERE participant_id = participant;

    UPDATE participants SET
        given_name = 'anonymised', family_name = '#' || id, email = NULL, phone = NULL, address = NULL,
        building = NULL, school_name = NULL, travel_minutes_home = NULL, notes = NULL,
        anonymised_at = now()
    WHERE id = participant AND anonymised_at IS NULL;
    UPDATE guardians SET name = 'anonymised', phone = NULL, email = NULL, notes = NULL
    WHERE participant_id = participant AND (name, phone, email, notes) IS DISTINCT FROM ('anonymised', NULL, NULL, NULL);
    UPDATE consents SET document_ref = NULL WHERE participant_id = participant AND document_ref IS NOT NULL;
    UPDATE availability_exceptions SET note = NULL WHERE participant_id = participant AND note IS NOT NULL;
    UPDATE enrollments SET exit_note = NULL WHERE participant_id = participant AND exit_note IS NOT NULL;
    UPDATE outcomes SET note = NULL WHERE participant_id = participant AND note IS NOT NULL;
    UPDATE follow_ups SET note = NULL WHERE enrollment_id = ANY (enrollment_ids) AND note IS NOT NULL;
    UPDATE time_entries SET note = NULL, reason = CASE WHEN reason IS NULL THEN NULL ELSE 'anonymised' END
    WHERE participant_id = participant AND (note IS NOT NULL OR reason IS DISTINCT FROM 'anonymised' AND reason IS NOT NULL);
    UPDATE alerts SET message = 'about an anonymised participant'
    WHERE participant_id = participant AND message <> 'about an anonymised participant';

    -- The audit log's copies, those the updates above just wrote included.
    UPDATE audit_log SET
        before = chantier_masked(before, chantier_personal_fields(table_name, participant)),
        after = chantier_masked(after, chantier_personal_fields(table_name, participant))
    WHERE (
        (table_name = 'participants' AND row_key = participant::text)
        OR ((coalesce(after, before) ? 'participant_id')
            AND (coalesce(after, before) ->> 'participant_id')::bigint = participant)
        OR (table_name = 'follow_ups'
            AND (coalesce(after, before) ->> 'enrollment_id')::bigint = ANY (enrollment_ids))
    )
    AND (before, after) IS DISTINCT FROM (
        chantier_masked(before, chantier_personal_fields(table_name, participant)),
        chantier_masked(after, chantier_personal_fields(table_name, participant))
    );
    GET DIAGNOSTICS cleared = ROW_COUNT;
    PERFORM set_config('chantier.anonymising', 'off', true);
    RETURN cleared;
END
$$;

-- An anonymised participant's record is final.
CREATE FUNCTION chantier_refuse_anonymised_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('chantier.anonymising', true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'participant % was anonymised; the record can no longer be changed', OLD.id
            USING ERRCODE = 'CH004';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER participants_anonymised_final BEFORE UPDATE ON participants
    FOR EACH ROW WHEN (OLD.anonymised_at IS NOT NULL) EXECUTE FUNCTION chantier_refuse_anonymised_change();

-- Everything stored about a participant, for their request to see it: every row of every table
-- that refers to them, with all its columns, and the audit log's account of who changed what.
CREATE FUNCTION chantier_personal_data(participant bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    tables constant text[] := ARRAY[
        'participant_skills', 'availability_windows', 'availability_exceptions', 'guardians', 'consents',
        'enrollments', 'assignments', 'time_entries', 'outcomes', 'alerts', 'plan_proposal_people',
        'plan_proposal_assignments', 'plan_proposal_refusals'
    ];
    records jsonb;
    rows_of_table jsonb;
    name text;
BEGIN
    SELECT jsonb_build_object('participants', jsonb_agg(to_jsonb(row_data) - 'search_name'))
    INTO records FROM participants row_data WHERE row_data.id = participant;
    IF records -> 'participants' = 'null'::jsonb THEN
        RETURN NULL;
    END IF;
    FOREACH name IN ARRAY tables LOOP
        EXECUTE format(
            'SELECT coalesce(jsonb_agg(to_jsonb(row_data) ORDER BY to_jsonb(row_data)::text), ''[]'') '
            'FROM %I row_data WHERE row_data.participant_id = $1', name)
        INTO rows_of_table USING participant;
        records := records || jsonb_build_object(name, rows_of_table);
    END LOOP;
    SELECT coalesce(jsonb_agg(to_jsonb(follow_up) ORDER BY follow_up.id), '[]') INTO rows_of_table
    FROM follow_ups follow_up JOIN enrollments enrollment ON enrollment.id = follow_up.enrollment_id
    WHERE enrollment.participant_id = participant;
    records := records || jsonb_build_object('follow_ups', rows_of_table);
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'at', entry.at, 'actor', entry.actor_name, 'role', entry.actor_role,
               'operation', entry.operation, 'table', entry.table_name, 'action', entry.action,
               'before', entry.before, 'after', entry.after) ORDER BY entry.id), '[]')
    INTO rows_of_table
    FROM audit_log entry
    WHERE (entry.table_name = 'participants' AND entry.row_key = participant::text)
       OR ((coalesce(entry.after, entry.before) ? 'participant_id')
           AND (coalesce(entry.after, entry.before) ->> 'participant_id')::bigint = participant);
    records := records || jsonb_build_object('audit_log', rows_of_table);
    RETURN jsonb_build_object(
        'participant', participant,
        'exported_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'records', records);
END
$$;
