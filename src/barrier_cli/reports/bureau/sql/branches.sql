-- Branches (党支部) of every unit ranked together by the share of member duties met; a
-- branch whose party members filed nothing all month is a dead face (死面) of education.
WITH b AS (
    SELECT member, branch,
           sum(expected) AS expected,
           sum(least(actual, expected)) AS met,
           sum(actual) AS reports
    FROM duties
    WHERE part_month = getvariable('month') AND tier = 'member' AND branch IS NOT NULL
    GROUP BY member, branch
)
SELECT b.member AS unit, b.branch, coalesce(u.name, b.branch) AS name,
       b.expected, b.met, b.reports,
       CASE WHEN b.expected = 0 THEN 1.0 ELSE round(b.met / b.expected, 4) END AS met_share,
       rank() OVER (ORDER BY CASE WHEN b.expected = 0 THEN 1.0 ELSE b.met / b.expected END DESC) AS rank
FROM b
JOIN members m ON m.id = b.member AND m.included
LEFT JOIN units u ON u.member = b.member AND u.id = b.branch
ORDER BY rank, b.member, b.branch;
