-- Reports per unit and month over the twelve months to the analysed one.
SELECT r.member AS unit, r.part_month AS month, count(*) AS reports
FROM reports r
JOIN members m ON m.id = r.member AND m.included
WHERE r.withdrawn_date IS NULL
  AND r.part_month BETWEEN getvariable('year_ago') AND getvariable('month')
GROUP BY r.member, r.part_month
ORDER BY r.member, r.part_month;
