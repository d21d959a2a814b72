-- Pairings (包保对子) per unit: still being worked on (not yet fully turned around), turned
-- around this month (basic or full), past a milestone without it and without escalation,
-- and without any review in the last 30 days.
WITH p AS (
    SELECT *,
           start + INTERVAL 3 MONTH AS basic_due,
           start + INTERVAL 6 MONTH AS full_due,
           list_filter(reviews, lambda x: x.date <= getvariable('month_last')) AS seen
    FROM pairings
    WHERE withdrawn_date IS NULL AND start <= getvariable('month_last')
      AND (ended IS NULL OR ended > getvariable('month_last'))
)
SELECT m.id AS unit,
       count(p.id) FILTER (WHERE p.status NOT IN ('full', 'ended')) AS active,
       count(p.id) FILTER (WHERE p.basic_on BETWEEN getvariable('month_first') AND getvariable('month_last')
                           OR p.full_on BETWEEN getvariable('month_first') AND getvariable('month_last')) AS turned,
       coalesce(list_sort(list(p.id) FILTER (WHERE p.status NOT IN ('full', 'escalated', 'ended') AND (
            (p.basic_due <= getvariable('month_last') AND (p.basic_on IS NULL OR p.basic_on > getvariable('month_last')))
         OR (p.full_due <= getvariable('month_last') AND (p.full_on IS NULL OR p.full_on > getvariable('month_last')))))), []) AS overdue_ids,
       coalesce(list_sort(list(p.id) FILTER (WHERE p.status NOT IN ('full', 'ended')
            AND p.start <= getvariable('month_last') - 30
            AND coalesce(list_max(list_transform(p.seen, lambda x: x.date)), p.start)
                <= getvariable('month_last') - 30)), []) AS unreviewed_ids
FROM members m
LEFT JOIN p ON p.member = m.id
WHERE m.included
GROUP BY m.id
ORDER BY m.id;
