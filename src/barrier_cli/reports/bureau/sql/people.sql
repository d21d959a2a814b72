-- Repeat violators (两违 twice or more in the three months to month end) and key persons
-- (people in an active pairing), counted per unit: the bureau compares units, not people.
WITH signals AS (
    SELECT member, unnest(persons) AS person
    FROM reports
    WHERE withdrawn_date IS NULL AND category = 'violation'
      AND date BETWEEN getvariable('quarter_first') AND getvariable('month_last')
    UNION ALL
    SELECT member, violation_person
    FROM incidents
    WHERE withdrawn_date IS NULL AND type = 'violation' AND violation_person IS NOT NULL
      AND date BETWEEN getvariable('quarter_first') AND getvariable('month_last')
), repeat AS (
    SELECT member, count(*) AS repeat_violators
    FROM (SELECT member, person FROM signals GROUP BY member, person HAVING count(*) >= 2)
    GROUP BY member
), keyp AS (
    SELECT member, count(DISTINCT person) AS key_persons
    FROM pairings
    WHERE withdrawn_date IS NULL AND start <= getvariable('month_last')
      AND (ended IS NULL OR ended > getvariable('month_last'))
    GROUP BY member
)
SELECT m.id AS unit, coalesce(r.repeat_violators, 0) AS repeat_violators,
       coalesce(k.key_persons, 0) AS key_persons
FROM members m
LEFT JOIN repeat r ON r.member = m.id
LEFT JOIN keyp k ON k.member = m.id
WHERE m.included
ORDER BY m.id;
