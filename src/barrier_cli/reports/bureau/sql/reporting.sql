-- Reporting compliance of the three-tier network (三级网络) per member unit for the month:
-- reports filed, the month before, and each tier's duties met (漏报 = duties short).
WITH month_reports AS (
    SELECT member, count(*) AS reports,
           count(*) FILTER (WHERE level = 'member') AS member_reports
    FROM reports
    WHERE withdrawn_date IS NULL AND part_month = getvariable('month')
    GROUP BY member
), previous AS (
    SELECT member, count(*) AS reports
    FROM reports
    WHERE withdrawn_date IS NULL AND part_month = getvariable('previous')
    GROUP BY member
), duty AS (
    SELECT member,
           sum(expected) FILTER (WHERE tier = 'member') AS member_expected,
           sum(greatest(expected - actual, 0)) FILTER (WHERE tier = 'member') AS member_missed,
           sum(greatest(expected - actual, 0)) FILTER (WHERE tier = 'group') AS group_missed,
           sum(greatest(expected - actual, 0)) FILTER (WHERE tier = 'branch') AS branch_missed,
           count(*) FILTER (WHERE tier = 'member' AND actual < expected) AS members_short
    FROM duties
    WHERE part_month = getvariable('month')
    GROUP BY member
)
SELECT m.id AS unit, m.name, m.system,
       coalesce(r.reports, 0) AS reports,
       coalesce(p.reports, 0) AS previous_reports,
       coalesce(d.member_expected, 0) AS member_expected,
       coalesce(d.member_missed, 0) AS member_missed,
       coalesce(d.members_short, 0) AS members_short,
       coalesce(d.group_missed, 0) AS group_missed,
       coalesce(d.branch_missed, 0) AS branch_missed,
       CASE WHEN coalesce(d.member_expected, 0) = 0 THEN 0.0
            ELSE round(d.member_missed / d.member_expected, 4) END AS missed_share
FROM members m
LEFT JOIN month_reports r ON r.member = m.id
LEFT JOIN previous p ON p.member = m.id
LEFT JOIN duty d ON d.member = m.id
WHERE m.included
ORDER BY m.id;
