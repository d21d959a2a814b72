"""The core: models, record kinds, periods, ids, findings, errors, labels and org
lookups. It imports nothing else of barrier and does no IO."""
