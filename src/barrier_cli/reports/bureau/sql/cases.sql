-- Typical cases (典型案例: general-A accidents and worse, serious 两违, or tagged 'typical')
-- open at month end or dated in the month, with what 三不放过, 交班 and 责任追究 still lack.
WITH measure_counts AS (
    SELECT member, record, count(*) AS measures,
           count(*) FILTER (WHERE done IS NULL OR done > getvariable('month_last')) AS measures_open
    FROM measures
    GROUP BY member, record
)
SELECT i.member AS unit, i.id, i.date, i.type, i.class, i.violation_severity AS severity,
       i.status,
       len(i.causes) > 0 AS has_causes,
       len(i.responsibility) > 0 AS has_responsibility,
       len(i.accountability) > 0 AS has_accountability,
       i.handover_date IS NOT NULL AND i.handover_date <= getvariable('month_last') AS handed_over,
       coalesce(mc.measures, 0) AS measures,
       coalesce(mc.measures_open, 0) AS measures_open
FROM incidents i
JOIN members m ON m.id = i.member AND m.included
LEFT JOIN measure_counts mc ON mc.member = i.member AND mc.record = i.id
WHERE i.withdrawn_date IS NULL
  AND i.date <= getvariable('month_last')
  AND (i.class IN ('extraordinary', 'major', 'large', 'general_a')
       OR i.violation_severity = 'serious'
       OR list_contains(i.tags, 'typical'))
  AND (i.part_month = getvariable('month')
       OR i.closed IS NULL OR i.closed > getvariable('month_last'))
ORDER BY i.member, i.date, i.id;
