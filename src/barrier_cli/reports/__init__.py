"""Reports: a Tree in, plain data out (analysis, deficiencies, assessments,
reminders, queries, export, the bureau's figures). Nothing here prints."""
