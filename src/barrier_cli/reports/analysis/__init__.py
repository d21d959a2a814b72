"""The monthly comprehensive analysis (月度安全信息综合分析): aggregation over every record kind.

``reporting_compliance`` (three-tier 漏报) is light and imported by other commands;
``analyze`` builds the whole document's numbers and imports pandas only when called.
"""

from barrier_cli.reports.compliance import Compliance, Expectation, reporting_compliance

__all__ = ["Compliance", "Expectation", "reporting_compliance"]
