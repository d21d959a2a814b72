"""The record models: the one source of truth for validation, JSON Schema and prompts."""

from barrier_cli.core.models.assessment import Assessment
from barrier_cli.core.models.common import Action, Problem
from barrier_cli.core.models.competence import Competence
from barrier_cli.core.models.incident import Incident
from barrier_cli.core.models.keyperson import KeyPerson
from barrier_cli.core.models.notice import NoticeEntry
from barrier_cli.core.models.org import Org, Partner, Person, Unit
from barrier_cli.core.models.pairing import Pairing
from barrier_cli.core.models.priority import Priorities
from barrier_cli.core.models.report import Report
from barrier_cli.core.models.returns import NilReturns
from barrier_cli.core.models.reward import Reward
from barrier_cli.core.models.roster import Roster
from barrier_cli.core.models.roundup import Roundup
from barrier_cli.core.models.settings import Settings
from barrier_cli.core.models.standard import Standard

__all__ = [
    "Action",
    "Assessment",
    "Competence",
    "Incident",
    "KeyPerson",
    "NilReturns",
    "NoticeEntry",
    "Org",
    "Pairing",
    "Partner",
    "Person",
    "Priorities",
    "Problem",
    "Report",
    "Reward",
    "Roster",
    "Roundup",
    "Settings",
    "Standard",
    "Unit",
]
