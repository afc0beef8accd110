-- The registry: sectors, clients, sites, task kinds, school calendars, programs with their
-- date-effective policies, participants and what the rule packs need to know about them.
-- Rows are archived (archived_at), never deleted, so history and statistics stay whole.

CREATE TABLE sectors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    archived_at timestamptz
);

CREATE TABLE clients (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    kind text NOT NULL CHECK (kind IN ('housing_office', 'city', 'resident', 'community_group', 'business', 'other')),
    contact_name text,
    phone text,
    email text,
    notes text,
    archived_at timestamptz
);

CREATE TABLE sites (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    sector_id bigint NOT NULL REFERENCES sectors,
    client_id bigint REFERENCES clients,
    address text,
    notes text,
    archived_at timestamptz
);

-- Equipment names the rule packs read: power_mower, power_trimmer, chain_saw, wood_chipper,
-- circular_saw, motor_vehicle; others are kept and shown but decide nothing.
CREATE TABLE task_kinds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    equipment text[] NOT NULL DEFAULT '{}',
    required_skills text[] NOT NULL DEFAULT '{}',
    min_age integer NOT NULL DEFAULT 0 CHECK (min_age BETWEEN 0 AND 99),
    archived_at timestamptz
);

-- A school calendar: the days with educational service of one school (Québec), of the local
-- public district (US FLSA), or the holiday periods of an académie zone (France).
CREATE TABLE school_calendars (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    jurisdiction text NOT NULL CHECK (jurisdiction IN ('QC', 'US-FLSA', 'FR')),
    class_start time NOT NULL,
    class_end time NOT NULL CHECK (class_start < class_end),
    -- The calendar is complete between these dates; outside them nothing is known.
    known_from date NOT NULL,
    known_to date NOT NULL CHECK (known_from <= known_to),
    source text,
    archived_at timestamptz
);

CREATE TABLE school_calendar_class_days (
    calendar_id bigint NOT NULL REFERENCES school_calendars ON DELETE CASCADE,
    day date NOT NULL,
    -- Class hours of this day when they differ from the calendar's (a half day).
    class_start time,
    class_end time,
    PRIMARY KEY (calendar_id, day),
    CHECK ((class_start IS NULL) = (class_end IS NULL) AND (class_start IS NULL OR class_start < class_end))
);

-- Québec: the last day of each school calendar ends compulsory attendance (Education Act s. 14).
CREATE TABLE school_year_ends (
    calendar_id bigint NOT NULL REFERENCES school_calendars ON DELETE CASCADE,
    -- The school year 1 July Y – 30 June Y+1 is named by Y.
    school_year integer NOT NULL CHECK (school_year BETWEEN 1900 AND 2200),
    last_day date NOT NULL,
    PRIMARY KEY (calendar_id, school_year)
);

CREATE TABLE school_holiday_periods (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    calendar_id bigint NOT NULL REFERENCES school_calendars ON DELETE CASCADE,
    name text NOT NULL,
    first_day date NOT NULL,
    last_day date NOT NULL CHECK (first_day <= last_day)
);

CREATE TABLE public_holidays (
    calendar_id bigint NOT NULL REFERENCES school_calendars ON DELETE CASCADE,
    day date NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (calendar_id, day)
);

CREATE TABLE programs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code chantier_code NOT NULL UNIQUE,
    name text NOT NULL CHECK (name <> ''),
    audience text NOT NULL CHECK (audience IN ('youth', 'adult')),
    rule_pack text NOT NULL DEFAULT 'QC' CHECK (rule_pack IN ('QC', 'US-FLSA', 'FR')),
    employer_category text NOT NULL DEFAULT 'npo_social_community' CHECK (employer_category IN (
        'npo_social_community', 'for_profit', 'family_business', 'agricultural', 'public_agency',
        'artistic', 'newspaper_delivery', 'babysitting', 'tutoring', 'sports_npo'
    )),
    min_age integer CHECK (min_age BETWEEN 0 AND 120),
    max_age integer CHECK (max_age BETWEEN 0 AND 120),
    requires_social_housing boolean NOT NULL DEFAULT true,
    archived_at timestamptz,
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);

-- A program's policy (caps by season, targets, activities, pay) is data, effective from a date
-- until the next version: changing a cap keeps the old one for past weeks.
CREATE TABLE program_policies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id bigint NOT NULL REFERENCES programs,
    effective_from date NOT NULL,
    policy jsonb NOT NULL CHECK (jsonb_typeof(policy) = 'object'),
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (program_id, effective_from)
);

CREATE TABLE participants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    given_name text NOT NULL CHECK (given_name <> ''),
    family_name text NOT NULL CHECK (family_name <> ''),
    birth_date date NOT NULL CHECK (birth_date >= DATE '1900-01-01'),
    sex text CHECK (sex IN ('female', 'male', 'other')),
    email text,
    phone text,
    address text,
    sector_id bigint REFERENCES sectors,
    building text,
    lives_in_social_housing boolean NOT NULL DEFAULT true,
    language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    school_calendar_id bigint REFERENCES school_calendars,
    school_name text,
    school_status text NOT NULL DEFAULT 'not_applicable'
        CHECK (school_status IN ('attending', 'not_attending', 'exempted', 'graduated', 'not_applicable')),
    diploma text NOT NULL DEFAULT 'none' CHECK (diploma IN ('none', 'secondary', 'vocational', 'college', 'university')),
    -- Québec s. 84.7: the time it takes to get home from work.
    travel_minutes_home integer CHECK (travel_minutes_home BETWEEN 0 AND 600),
    notes text,
    created_at timestamptz NOT NULL DEFAULT now(),
    archived_at timestamptz,
    anonymised_at timestamptz,
    search_name text GENERATED ALWAYS AS (chantier_fold(given_name || ' ' || family_name)) STORED
);

CREATE INDEX participants_search_name ON participants (search_name text_pattern_ops);
CREATE INDEX participants_sector ON participants (sector_id) WHERE archived_at IS NULL;

CREATE TABLE participant_skills (
    participant_id bigint NOT NULL REFERENCES participants,
    skill text NOT NULL CHECK (skill <> ''),
    certified_until date,
    PRIMARY KEY (participant_id, skill)
);

-- Recurring weekly availability; weekday is ISO (1 = Monday … 7 = Sunday).
CREATE TABLE availability_windows (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time time NOT NULL,
    end_time time NOT NULL CHECK (start_time < end_time)
);

-- A dated exception: unavailable all day (no times), unavailable in a window, or available in one.
CREATE TABLE availability_exceptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    day date NOT NULL,
    available boolean NOT NULL,
    start_time time,
    end_time time,
    note text,
    CHECK ((start_time IS NULL) = (end_time IS NULL) AND (start_time IS NULL OR start_time < end_time)),
    CHECK (NOT available OR start_time IS NOT NULL)
);

CREATE TABLE guardians (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    name text NOT NULL CHECK (name <> ''),
    relationship text,
    phone text,
    email text,
    notes text
);

-- Papers the rule packs read: the CNESST consent form for a Québec under-14 (tasks, weekly
-- maximum, availability), a French guardian's agreement or labour inspector's authorization.
CREATE TABLE consents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    guardian_id bigint REFERENCES guardians,
    kind text NOT NULL CHECK (kind IN (
        'qc_cnesst_under_14', 'fr_guardian_agreement', 'fr_inspector_authorization', 'program_consent'
    )),
    document_ref text,
    signed_on date NOT NULL,
    expires_on date CHECK (expires_on IS NULL OR expires_on >= signed_on),
    revoked_on date,
    max_minutes_per_week integer CHECK (max_minutes_per_week >= 0),
    tasks text[] NOT NULL DEFAULT '{}',
    availability jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A participant's stays in a program; one program never holds two overlapping stays of one person.
CREATE TABLE enrollments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participants,
    program_id bigint NOT NULL REFERENCES programs,
    starts_on date NOT NULL,
    exit_on date,
    exit_reason text CHECK (exit_reason IN ('job_found', 'returned_to_school', 'moved', 'lost_contact', 'other')),
    exit_note text,
    CHECK ((exit_on IS NULL) = (exit_reason IS NULL)),
    CHECK (exit_on IS NULL OR exit_on >= starts_on),
    CONSTRAINT enrollments_no_overlap EXCLUDE USING gist (
        participant_id WITH =,
        program_id WITH =,
        daterange(starts_on, exit_on, '[]') WITH &&
    )
);

CREATE INDEX enrollments_program ON enrollments (program_id, starts_on);

SELECT chantier_audit_table(name::regclass) FROM unnest(ARRAY[
    'sectors', 'clients', 'sites', 'task_kinds', 'school_calendars', 'school_calendar_class_days',
    'school_year_ends', 'school_holiday_periods', 'public_holidays', 'programs', 'program_policies',
    'participants', 'participant_skills', 'availability_windows', 'availability_exceptions',
    'guardians', 'consents', 'enrollments'
]) AS name;
