-- The reporting figures rolled up per system (机、车、工、电、辆).
WITH duty AS (
    SELECT member, sum(expected) AS expected, sum(greatest(expected - actual, 0)) AS missed
    FROM duties
    WHERE part_month = getvariable('month') AND tier = 'member'
    GROUP BY member
), rep AS (
    SELECT member, count(*) AS reports
    FROM reports
    WHERE withdrawn_date IS NULL AND part_month = getvariable('month')
    GROUP BY member
)
SELECT m.system, count(*) AS units, coalesce(sum(rep.reports), 0) AS reports,
       coalesce(sum(duty.expected), 0) AS member_expected,
       coalesce(sum(duty.missed), 0) AS member_missed,
       CASE WHEN coalesce(sum(duty.expected), 0) = 0 THEN 0.0
            ELSE round(sum(duty.missed) / sum(duty.expected), 4) END AS missed_share
FROM members m
LEFT JOIN duty ON duty.member = m.id
LEFT JOIN rep ON rep.member = m.id
WHERE m.included
GROUP BY m.system
ORDER BY m.system;
