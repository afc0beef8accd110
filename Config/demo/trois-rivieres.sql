-- Demonstration data: two work programs of a Trois-Rivières housing office, in the spirit of
-- "Agir ensemble" (youth 13–17) and "Multiboulot" (adult tenants). Names are invented. Dates
-- follow today's date, so the current and next weeks always have work. Loaded by scripts/run
-- into an empty database, in one transaction (psql -1).
--
-- The school calendar is an assumed 2026–2027 calendar, not the official one of the
-- Centre de services scolaire du Chemin-du-Roy.

SELECT set_config('chantier.actor_name', 'demo', true), set_config('chantier.operation', 'demo.load', true);

INSERT INTO sectors (code, name) VALUES
    ('adelard-dugre', 'Adélard-Dugré'),
    ('jean-nicolet', 'Jean-Nicolet'),
    ('cap-de-la-madeleine', 'Cap-de-la-Madeleine'),
    ('sainte-marguerite', 'Sainte-Marguerite');

INSERT INTO clients (code, name, kind, contact_name, phone) VALUES
    ('omh-trois-rivieres', 'Office municipal d''habitation de Trois-Rivières', 'housing_office', 'Service aux locataires', '819-555-0101'),
    ('ville-trois-rivieres', 'Ville de Trois-Rivières — Travaux publics', 'city', 'Répartition', '819-555-0150'),
    ('comite-jean-nicolet', 'Comité des résidents Jean-Nicolet', 'community_group', 'Louise Trudel', '819-555-0177');

INSERT INTO sites (code, name, sector_id, client_id, address)
SELECT site.code, site.name, sector.id, client.id, site.address
FROM (VALUES
    ('adelard-dugre-cour', 'Habitations Adélard-Dugré — cour intérieure', 'adelard-dugre', 'omh-trois-rivieres', 'rue Adélard-Dugré'),
    ('jean-nicolet-stationnement', 'Jean-Nicolet — stationnement et sentiers', 'jean-nicolet', 'comite-jean-nicolet', 'rue Jean-Nicolet'),
    ('cap-rue-fusey', 'Cap-de-la-Madeleine — immeubles rue Fusey', 'cap-de-la-madeleine', 'omh-trois-rivieres', 'rue Fusey'),
    ('sainte-marguerite-parc', 'Parc Sainte-Marguerite', 'sainte-marguerite', 'ville-trois-rivieres', 'boulevard du Saint-Maurice')
) AS site (code, name, sector_code, client_code, address)
JOIN sectors sector ON sector.code = site.sector_code
JOIN clients client ON client.code = site.client_code;

INSERT INTO task_kinds (code, name, equipment, required_skills, min_age) VALUES
    ('lawn-mowing', 'Tonte de pelouse (tondeuse à moteur)', '{power_mower}', '{}', 16),
    ('hand-cleanup', 'Nettoyage du quartier (outils à main)', '{}', '{}', 13),
    ('snow-removal', 'Déneigement des entrées et sentiers (pelles)', '{}', '{}', 14),
    ('painting', 'Peinture et retouches', '{}', '{}', 14),
    ('vandalism-repair', 'Réparation de vandalisme (graffitis, mobilier)', '{}', '{}', 14),
    ('delivery', 'Livraison (véhicule)', '{motor_vehicle}', '{permis-classe-5}', 18),
    ('housecleaning', 'Entretien ménager des aires communes', '{}', '{}', 16);

-- Assumed 2026–2027 calendar: classes from 27 August to 23 June, without Labour Day, Thanksgiving
-- and the pedagogical day before it, the Holidays, spring break and Easter.
INSERT INTO school_calendars (code, name, jurisdiction, class_start, class_end, known_from, known_to, source)
VALUES ('chemin-du-roy-2026-2027', 'Chemin-du-Roy 2026–2027 (calendrier supposé)', 'QC', '08:15', '15:30',
        '2026-06-20', '2027-08-31', 'demo');

INSERT INTO school_calendar_class_days (calendar_id, day)
SELECT calendar.id, day::date
FROM school_calendars calendar, generate_series(DATE '2026-08-27', DATE '2027-06-23', interval '1 day') AS day
WHERE calendar.code = 'chemin-du-roy-2026-2027'
  AND extract(isodow FROM day) < 6
  AND day::date NOT IN ('2026-09-07', '2026-10-09', '2026-10-12', '2027-03-26', '2027-03-29')
  AND NOT day::date BETWEEN '2026-12-19' AND '2027-01-03'
  AND NOT day::date BETWEEN '2027-02-27' AND '2027-03-07';

INSERT INTO school_year_ends (calendar_id, school_year, last_day)
SELECT calendar.id, year_end.school_year, year_end.last_day
FROM school_calendars calendar,
     (VALUES (2025, DATE '2026-06-19'), (2026, DATE '2027-06-23')) AS year_end (school_year, last_day)
WHERE calendar.code = 'chemin-du-roy-2026-2027';

INSERT INTO programs (code, name, audience, rule_pack, employer_category, min_age, max_age, requires_social_housing) VALUES
    ('agir-ensemble', 'Agir ensemble', 'youth', 'QC', 'npo_social_community', 13, 17, true),
    ('multiboulot', 'Multiboulot', 'adult', 'QC', 'npo_social_community', 18, NULL, true);

INSERT INTO program_policies (program_id, effective_from, policy, note)
SELECT program.id, DATE '2026-01-01', policy.body::jsonb, policy.note
FROM programs program
JOIN (VALUES
    ('agir-ensemble', '{
        "week_starts_on": "sunday",
        "caps": [
            {"rule": "AGIR-SCHOOLYEAR-WORK-6H", "season": "school-year", "work_minutes_per_week": 360},
            {"rule": "AGIR-SUMMER-WORK-20H", "season": "summer", "work_minutes_per_week": 1200}
        ],
        "targets": [
            {"rule": "AGIR-SCHOOLYEAR-WORK-MIN-3H", "season": "school-year", "work_minutes_per_week": 180}
        ],
        "activities": [
            {"rule": "AGIR-SCHOOLYEAR-SESSION-1H", "kind": "awareness_session", "minutes_per_week": 60, "season": "school-year"}
        ]
    }', 'Program brief: 6 h of work a week in the school year, 20 h in summer, 1 h awareness session'),
    ('multiboulot', '{
        "week_starts_on": "sunday",
        "caps": [
            {"rule": "MULTIBOULOT-WEEK-25H", "season": "any", "work_minutes_per_week": 1500}
        ],
        "targets": [
            {"rule": "MULTIBOULOT-WEEK-MIN-12H", "season": "any", "work_minutes_per_week": 720}
        ]
    }', 'Part-time insertion work: at most 25 h, at least 12 h a week')
) AS policy (code, body, note) ON policy.code = program.code;

INSERT INTO participants (given_name, family_name, birth_date, sex, phone, sector_id, building, language,
                          school_calendar_id, school_name, school_status, diploma, travel_minutes_home)
SELECT person.given_name, person.family_name, person.birth_date, person.sex, person.phone, sector.id, person.building,
       'fr', calendar.id, person.school_name, person.school_status, person.diploma, person.travel_minutes
FROM (VALUES
    ('Léa', 'Tremblay', DATE '2011-03-14', 'female', '819-555-0201', 'adelard-dugre', '1250', 'École secondaire des Pionniers', 'attending', 'none', 10),
    ('Samuel', 'Gagnon', DATE '2010-11-02', 'male', '819-555-0202', 'adelard-dugre', '1260', 'École secondaire des Pionniers', 'attending', 'none', 10),
    ('Mia', 'Bouchard', DATE '2013-05-14', 'female', '819-555-0203', 'jean-nicolet', '410', 'École secondaire Chavigny', 'attending', 'none', 15),
    ('Noah', 'Côté', DATE '2012-08-30', 'male', '819-555-0204', 'jean-nicolet', '420', 'École secondaire Chavigny', 'attending', 'none', 15),
    ('Emma', 'Lefèbvre', DATE '2009-12-20', 'female', '819-555-0205', 'cap-de-la-madeleine', '88 Fusey', 'École secondaire Sainte-Marie', 'attending', 'none', 20),
    ('Jayden', 'Nguyen', DATE '2010-02-08', 'male', '819-555-0206', 'cap-de-la-madeleine', '90 Fusey', 'École secondaire Sainte-Marie', 'attending', 'none', 20),
    ('Florence', 'Roy', DATE '2011-09-17', 'female', '819-555-0207', 'sainte-marguerite', '15', 'École secondaire des Pionniers', 'attending', 'none', 12),
    ('Adam', 'Diallo', DATE '2012-01-25', 'male', '819-555-0208', 'adelard-dugre', '1270', 'École secondaire des Pionniers', 'attending', 'none', 10),
    ('Rosalie', 'Bergeron', DATE '2010-06-02', 'female', '819-555-0209', 'jean-nicolet', '440', 'École secondaire Chavigny', 'attending', 'none', 15),
    ('William', 'Ouellet', DATE '2011-11-19', 'male', '819-555-0210', 'jean-nicolet', '450', 'École secondaire Chavigny', 'attending', 'none', 15),
    ('Chloé', 'Girard', DATE '2012-05-07', 'female', '819-555-0211', 'cap-de-la-madeleine', '94 Fusey', 'École secondaire Sainte-Marie', 'attending', 'none', 20),
    ('Thomas', 'Paquette', DATE '2009-09-30', 'male', '819-555-0212', 'cap-de-la-madeleine', '96 Fusey', 'École secondaire Sainte-Marie', 'attending', 'none', 20),
    ('Zoé', 'Simard', DATE '2011-01-12', 'female', '819-555-0213', 'sainte-marguerite', '20', 'École secondaire des Pionniers', 'attending', 'none', 12),
    ('Louis', 'Caron', DATE '2010-04-23', 'male', '819-555-0214', 'sainte-marguerite', '22', 'École secondaire des Pionniers', 'attending', 'none', 12),
    ('Alice', 'Boucher', DATE '2012-10-15', 'female', '819-555-0215', 'adelard-dugre', '1280', 'École secondaire des Pionniers', 'attending', 'none', 10),
    ('Nathan', 'Mercier', DATE '2010-08-08', 'male', '819-555-0216', 'adelard-dugre', '1290', 'École secondaire des Pionniers', 'attending', 'none', 10),
    ('Maëlle', 'Dufour', DATE '2011-07-27', 'female', '819-555-0217', 'jean-nicolet', '460', 'École secondaire Chavigny', 'attending', 'none', 15),
    ('Félix', 'Nadeau', DATE '2009-12-03', 'male', '819-555-0218', 'cap-de-la-madeleine', '98 Fusey', 'École secondaire Sainte-Marie', 'attending', 'none', 20)
) AS person (given_name, family_name, birth_date, sex, phone, sector_code, building, school_name, school_status, diploma, travel_minutes)
JOIN sectors sector ON sector.code = person.sector_code
CROSS JOIN school_calendars calendar
WHERE calendar.code = 'chemin-du-roy-2026-2027';

INSERT INTO participants (given_name, family_name, birth_date, sex, phone, sector_id, building, school_status, diploma)
SELECT person.given_name, person.family_name, person.birth_date, person.sex, person.phone, sector.id, person.building,
       'not_applicable', person.diploma
FROM (VALUES
    ('Martin', 'Pelletier', DATE '1978-06-03', 'male', '819-555-0301', 'adelard-dugre', '1200', 'secondary'),
    ('Nathalie', 'Bélanger', DATE '1985-01-19', 'female', '819-555-0302', 'jean-nicolet', '400', 'none'),
    ('Karim', 'Haddad', DATE '1991-10-07', 'male', '819-555-0303', 'cap-de-la-madeleine', '80 Fusey', 'vocational'),
    ('Sylvie', 'Morin', DATE '1969-04-25', 'female', '819-555-0304', 'sainte-marguerite', '12', 'secondary'),
    ('Jean-François', 'Lavoie', DATE '1982-12-11', 'male', '819-555-0305', 'adelard-dugre', '1230', 'none'),
    ('Amina', 'Touré', DATE '1996-07-30', 'female', '819-555-0306', 'jean-nicolet', '430', 'college'),
    ('Patrick', 'Fortin', DATE '1974-03-02', 'male', '819-555-0307', 'cap-de-la-madeleine', '92 Fusey', 'none'),
    ('Chantal', 'Gauthier', DATE '1988-09-15', 'female', '819-555-0308', 'sainte-marguerite', '18', 'secondary'),
    ('Denis', 'Lemieux', DATE '1972-02-14', 'male', '819-555-0309', 'jean-nicolet', '405', 'none'),
    ('Fatou', 'Sow', DATE '1993-05-21', 'female', '819-555-0310', 'cap-de-la-madeleine', '84 Fusey', 'vocational'),
    ('Éric', 'Thibault', DATE '1980-11-02', 'male', '819-555-0311', 'adelard-dugre', '1210', 'secondary'),
    ('Josée', 'Landry', DATE '1976-07-09', 'female', '819-555-0312', 'sainte-marguerite', '14', 'none'),
    ('Stéphane', 'Roussel', DATE '1986-03-28', 'male', '819-555-0313', 'jean-nicolet', '415', 'secondary'),
    ('Mariam', 'Kaba', DATE '1999-12-17', 'female', '819-555-0314', 'adelard-dugre', '1240', 'college'),
    ('Luc', 'Beaulieu', DATE '1968-08-05', 'male', '819-555-0315', 'cap-de-la-madeleine', '86 Fusey', 'none'),
    ('Annie', 'Dion', DATE '1990-04-11', 'female', '819-555-0316', 'sainte-marguerite', '16', 'secondary'),
    ('Kevin', 'Rioux', DATE '1995-09-24', 'male', '819-555-0317', 'jean-nicolet', '425', 'vocational'),
    ('Hélène', 'Vachon', DATE '1973-01-30', 'female', '819-555-0318', 'adelard-dugre', '1220', 'none')
) AS person (given_name, family_name, birth_date, sex, phone, sector_code, building, diploma)
JOIN sectors sector ON sector.code = person.sector_code;

INSERT INTO participant_skills (participant_id, skill, certified_until)
SELECT participant.id, skill.skill, skill.certified_until
FROM participants participant
JOIN (VALUES
    ('Pelletier', 'permis-classe-5', DATE '2029-06-03'),
    ('Haddad', 'permis-classe-5', DATE '2027-02-28'),
    ('Haddad', 'peinture', NULL),
    ('Morin', 'entretien-menager', NULL),
    ('Gauthier', 'entretien-menager', NULL),
    ('Fortin', 'premiers-soins', DATE '2026-12-15'),
    ('Thibault', 'permis-classe-5', DATE '2028-11-02'),
    ('Landry', 'entretien-menager', NULL),
    ('Roussel', 'peinture', NULL)
) AS skill (family_name, skill, certified_until) ON skill.family_name = participant.family_name;

-- Youth: weekday evenings and Saturdays. Adults: weekday working hours, from 7:00 for snow removal.
INSERT INTO availability_windows (participant_id, weekday, start_time, end_time)
SELECT participant.id, weekday, window_start, window_end
FROM participants participant
CROSS JOIN LATERAL (
    SELECT weekday, TIME '15:45', TIME '20:00' FROM generate_series(1, 5) AS weekday WHERE participant.school_status = 'attending'
    UNION ALL
    SELECT 6, TIME '09:00', TIME '16:00' WHERE participant.school_status = 'attending'
    UNION ALL
    SELECT weekday, TIME '07:00', TIME '17:00' FROM generate_series(1, 5) AS weekday WHERE participant.school_status <> 'attending'
) AS window_ (weekday, window_start, window_end);

INSERT INTO guardians (participant_id, name, relationship, phone)
SELECT participant.id, 'Parent de ' || participant.given_name || ' ' || participant.family_name, 'parent', participant.phone
FROM participants participant
WHERE participant.school_status = 'attending';

-- Mia is 13: she may work only in an exception of the regulation, with the CNESST consent form.
INSERT INTO consents (participant_id, guardian_id, kind, document_ref, signed_on, expires_on, max_minutes_per_week, tasks)
SELECT participant.id, guardian.id, 'qc_cnesst_under_14', 'CNESST-consentement-2026-0042', DATE '2026-09-02',
       DATE '2027-05-13', 300, '{hand-cleanup,painting}'
FROM participants participant
JOIN guardians guardian ON guardian.participant_id = participant.id
WHERE participant.family_name = 'Bouchard';

INSERT INTO enrollments (participant_id, program_id, starts_on)
SELECT participant.id, program.id, DATE '2026-09-01'
FROM participants participant
JOIN programs program ON program.code = CASE WHEN participant.school_status = 'attending' THEN 'agir-ensemble' ELSE 'multiboulot' END;

-- Orders, from the Monday of the current week for eight weeks.
INSERT INTO work_orders (client_id, site_id, task_kind_id, program_id, title, first_day, last_day, weekdays,
                         start_time, end_time, headcount, required_skills, min_age, priority)
SELECT site.client_id, site.id, task.id, program.id, orders.title,
       date_trunc('week', current_date)::date, date_trunc('week', current_date)::date + 55,
       orders.weekdays::smallint[], orders.start_time, orders.end_time, orders.headcount,
       task.required_skills, task.min_age, orders.priority
FROM (VALUES
    ('Déneigement des sentiers après l''école', 'adelard-dugre-cour', 'snow-removal', 'agir-ensemble', '{2,4}', TIME '16:00', TIME '18:00', 3, 4),
    ('Réparation des graffitis du stationnement', 'jean-nicolet-stationnement', 'vandalism-repair', 'agir-ensemble', '{3}', TIME '16:00', TIME '18:00', 2, 5),
    ('Corvée de nettoyage du samedi', 'sainte-marguerite-parc', 'hand-cleanup', 'agir-ensemble', '{6}', TIME '10:00', TIME '12:00', 4, 3),
    ('Entretien ménager des aires communes', 'cap-rue-fusey', 'housecleaning', 'multiboulot', '{2,4}', TIME '09:00', TIME '12:00', 2, 3),
    ('Peinture des cages d''escalier', 'cap-rue-fusey', 'painting', 'multiboulot', '{1,3,5}', TIME '13:00', TIME '16:00', 2, 2),
    ('Livraison de paniers alimentaires', 'adelard-dugre-cour', 'delivery', 'multiboulot', '{5}', TIME '09:00', TIME '12:00', 1, 4),
    ('Déneigement des entrées', 'jean-nicolet-stationnement', 'snow-removal', 'multiboulot', '{1,2,3,4,5}', TIME '07:00', TIME '09:00', 2, 5),
    ('Ramassage des feuilles', 'sainte-marguerite-parc', 'hand-cleanup', 'multiboulot', '{3}', TIME '09:00', TIME '12:00', 3, 2),
    ('Nettoyage des abords des immeubles', 'cap-rue-fusey', 'hand-cleanup', 'agir-ensemble', '{4}', TIME '16:00', TIME '18:00', 3, 3)
) AS orders (title, site_code, task_code, program_code, weekdays, start_time, end_time, headcount, priority)
JOIN sites site ON site.code = orders.site_code
JOIN task_kinds task ON task.code = orders.task_code
JOIN programs program ON program.code = orders.program_code;

-- Lawn care comes back with the spring: Monday and Thursday mornings from the first Monday of May.
INSERT INTO work_orders (client_id, site_id, task_kind_id, program_id, title, first_day, last_day, weekdays,
                         start_time, end_time, headcount, required_skills, min_age, priority)
SELECT site.client_id, site.id, task.id, program.id, 'Tonte des pelouses', first_monday, first_monday + 139,
       '{1,4}', TIME '09:00', TIME '12:00', 2, task.required_skills, task.min_age, 3
FROM sites site, task_kinds task, programs program,
     LATERAL (SELECT may + ((8 - extract(isodow FROM may)::int) % 7) AS first_monday
              FROM (SELECT make_date(extract(year FROM current_date)::int
                                     + CASE WHEN extract(month FROM current_date) >= 5 THEN 1 ELSE 0 END, 5, 1) AS may) AS m) AS spring
WHERE site.code = 'adelard-dugre-cour' AND task.code = 'lawn-mowing' AND program.code = 'multiboulot';

-- The current and next week's shifts, in Montréal time.
INSERT INTO shifts (work_order_id, site_id, task_kind_id, local_date, during, headcount, required_skills, min_age, priority)
SELECT work_order.id, work_order.site_id, work_order.task_kind_id, day::date,
       tstzrange((day::date + work_order.start_time) AT TIME ZONE 'America/Toronto',
                 (day::date + work_order.end_time) AT TIME ZONE 'America/Toronto'),
       work_order.headcount, work_order.required_skills, work_order.min_age, work_order.priority
FROM work_orders work_order
CROSS JOIN generate_series(work_order.first_day, work_order.first_day + 13, interval '1 day') AS day
WHERE extract(isodow FROM day)::smallint = ANY (work_order.weekdays)
  AND work_order.first_day <= current_date;

-- Who works where this week and next: lawful by construction (chantierctl assign would accept each).
-- Youth work two hours after school or on Saturday morning, at most twice a week; Mia (13) only on
-- the tasks and within the hours of her consent form.
INSERT INTO assignments (shift_id, participant_id, status)
SELECT shift.id, participant.id, 'confirmed'
FROM (VALUES
    ('Corvée de nettoyage du samedi', 'Bouchard', 6), ('Corvée de nettoyage du samedi', 'Roy', 6),
    ('Corvée de nettoyage du samedi', 'Tremblay', 6), ('Corvée de nettoyage du samedi', 'Simard', 6),
    ('Déneigement des sentiers après l''école', 'Gagnon', 2), ('Déneigement des sentiers après l''école', 'Nguyen', 2),
    ('Déneigement des sentiers après l''école', 'Diallo', 2), ('Déneigement des sentiers après l''école', 'Côté', 4),
    ('Déneigement des sentiers après l''école', 'Mercier', 4),
    ('Réparation des graffitis du stationnement', 'Lefèbvre', 3), ('Réparation des graffitis du stationnement', 'Bergeron', 3),
    ('Nettoyage des abords des immeubles', 'Paquette', 4), ('Nettoyage des abords des immeubles', 'Girard', 4),
    ('Entretien ménager des aires communes', 'Morin', 2), ('Entretien ménager des aires communes', 'Gauthier', 2),
    ('Entretien ménager des aires communes', 'Landry', 4), ('Entretien ménager des aires communes', 'Morin', 4),
    ('Peinture des cages d''escalier', 'Haddad', 1), ('Peinture des cages d''escalier', 'Roussel', 1),
    ('Peinture des cages d''escalier', 'Haddad', 3), ('Peinture des cages d''escalier', 'Lavoie', 5),
    ('Livraison de paniers alimentaires', 'Pelletier', 5),
    ('Déneigement des entrées', 'Fortin', 1), ('Déneigement des entrées', 'Bélanger', 1),
    ('Déneigement des entrées', 'Fortin', 3), ('Déneigement des entrées', 'Lemieux', 3),
    ('Déneigement des entrées', 'Rioux', 5), ('Déneigement des entrées', 'Lemieux', 5),
    ('Ramassage des feuilles', 'Sow', 3), ('Ramassage des feuilles', 'Dion', 3), ('Ramassage des feuilles', 'Kaba', 3)
) AS plan (title, family_name, weekday)
JOIN work_orders work_order ON work_order.title = plan.title
JOIN shifts shift ON shift.work_order_id = work_order.id AND extract(isodow FROM shift.local_date) = plan.weekday
JOIN participants participant ON participant.family_name = plan.family_name;
