"""The bureau level: many units' records trees, one ledger, one monthly analysis and 通报.

records trees --sync--> checked member trees --export--> hive-partitioned Parquet ledger
(``unit=…/kind=…/month=…``) --DuckDB + sql/*.sql--> analysis --> 通报 naming organisations.
"""
