"""The record models: the one source of truth for validation, JSON Schema and prompts."""

from barrier_cli.models.assessment import Assessment
from barrier_cli.models.common import Action, Problem
from barrier_cli.models.competence import Competence
from barrier_cli.models.incident import Incident
from barrier_cli.models.keyperson import KeyPerson
from barrier_cli.models.notice import NoticeEntry
from barrier_cli.models.org import Org, Partner, Person, Unit
from barrier_cli.models.pairing import Pairing
from barrier_cli.models.priority import Priorities
from barrier_cli.models.report import Report
from barrier_cli.models.returns import NilReturns
from barrier_cli.models.reward import Reward
from barrier_cli.models.roster import Roster
from barrier_cli.models.roundup import Roundup
from barrier_cli.models.settings import Settings
from barrier_cli.models.standard import Standard

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
