-- Information quality per unit: how the month's reports were written up and analysed.
-- A report still without analysis `analyse_days` after it was observed, at month end, is
-- one whose main problem was not worked out (主要问题点分析不准).
SELECT m.id AS unit,
       count(r.id) AS reports,
       count(r.id) FILTER (WHERE len(r.keys) > 0) AS with_keys,
       count(r.id) FILTER (WHERE r.details IS NOT NULL) AS with_details,
       count(r.id) FILTER (WHERE r.analysis_date IS NOT NULL
                           AND r.analysis_date <= getvariable('month_last')) AS analysed,
       count(r.id) FILTER (WHERE (r.analysis_date IS NULL
                                  OR r.analysis_date > getvariable('month_last'))
                           AND r.date <= getvariable('month_last')
                                         - CAST(getvariable('analyse_days') AS INTEGER)) AS unanalysed,
       coalesce(list_sort(list(r.id) FILTER (WHERE (r.analysis_date IS NULL
                                  OR r.analysis_date > getvariable('month_last'))
                           AND r.date <= getvariable('month_last')
                                         - CAST(getvariable('analyse_days') AS INTEGER))), []) AS unanalysed_ids
FROM members m
LEFT JOIN reports r
       ON r.member = m.id AND r.withdrawn_date IS NULL AND r.part_month = getvariable('month')
WHERE m.included
GROUP BY m.id
ORDER BY m.id;
