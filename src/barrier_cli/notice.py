"""The circulated notice (通报) of a month: praise, criticism with evidence, corrections.

`build_notice` gathers what the document says from the records; `publish_notice` renders it
and, with ``issue``, takes the next number of the year in the ``notices/`` register. Numbers
are claimed by creating the register file exclusively, so two people issuing at once get
two numbers, never the same one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from barrier_cli import store
from barrier_cli.canonical import record_text
from barrier_cli.deficiencies import RULES, Deficiency, find_deficiencies, rule_title
from barrier_cli.errors import InvalidInput, RecordExists, UserError
from barrier_cli.labels import Lang
from barrier_cli.loader import Tree, load_tree, read_file
from barrier_cli.models import NoticeEntry
from barrier_cli.periods import Month
from barrier_cli.templating import render

Format = Literal["md", "html"]
MAX_SEQ = 999


class AlreadyIssued(UserError):
    """A notice for the month is in the register and --force was not given."""


@dataclass(frozen=True)
class Praise:
    """A good catch (commend: true) and who made it."""

    report_id: str
    date: dt.date
    who: str
    unit: str
    summary: str
    train: str | None
    vehicle: str | None
    location: str | None
    notes: str | None


@dataclass(frozen=True)
class RuleGroup:
    rule: str
    title: str
    items: list[Deficiency]


@dataclass(frozen=True)
class UnitCriticism:
    """Everything one unit is criticised for, rule by rule."""

    unit: str
    name: str
    groups: list[RuleGroup]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class Notice:
    organisation: str
    issuer: str
    number: str | None
    """None until issued: a preview carries no number."""
    title: str
    date: dt.date
    month: Month
    recipients: list[str]
    deadline: dt.date
    praises: list[Praise] = field(default_factory=list)
    units: list[UnitCriticism] = field(default_factory=list)


def notice_title(month: Month, lang: Lang) -> str:
    if lang == "zh":
        return f"关于{month.year}年{month.month}月份安全信息工作情况的通报"
    return f"Notice on the safety information work of {month}"


def build_notice(
    tree: Tree, month: Month, *, today: dt.date, lang: Lang, number: str | None = None
) -> Notice:
    """What the notice for ``month`` says, from the records."""
    if month.first > today:
        raise InvalidInput(f"{month} has not begun yet; a notice covers a month that has")
    settings = tree.settings.notice
    return Notice(
        organisation=tree.settings.organisation,
        issuer=settings.issuer,
        number=number,
        title=notice_title(month, lang),
        date=today,
        month=month,
        recipients=settings.recipients,
        deadline=today + dt.timedelta(days=settings.correction_days),
        praises=_praises(tree, month),
        units=_criticism(tree, find_deficiencies(tree, month, today=today, lang=lang), lang),
    )


def _praises(tree: Tree, month: Month) -> list[Praise]:
    people = {p.id: p for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    out = []
    for r in sorted(tree.reports, key=lambda r: (r.date, r.id)):
        if not r.commend or r.withdrawn is not None or not month.contains(r.date):
            continue
        person = people.get(r.reporter)
        unit = r.unit or (person.unit if person else None)
        out.append(
            Praise(
                report_id=r.id,
                date=r.date,
                who=person.name if person else r.reporter,
                unit=units.get(unit or "", unit or ""),
                summary=r.summary,
                train=r.train,
                vehicle=r.vehicle,
                location=r.location,
                notes=r.notes,
            )
        )
    return out


def _criticism(tree: Tree, found: list[Deficiency], lang: Lang) -> list[UnitCriticism]:
    """Deficiencies per unit in org order, and per rule in the order of `RULES`."""
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    names = {u.id: u.name for u in tree.org.units}
    out = []
    for unit in sorted({d.unit for d in found}, key=lambda u: (order.get(u, len(order)), u)):
        groups = [
            RuleGroup(rule, rule_title(rule, lang), items)
            for rule in RULES
            if (items := [d for d in found if d.unit == unit and d.rule == rule])
        ]
        out.append(UnitCriticism(unit, names.get(unit, unit), groups))
    return out


def render_notice(notice: Notice, *, fmt: Format, lang: Lang, records: Path | None) -> str:
    return render(f"notice.{fmt}.j2", {"notice": notice}, lang=lang, records=records)


def format_number(pattern: str, *, year: int, seq: int) -> str:
    """``notice.number`` of barrier.yaml with its ``{year}`` and ``{seq}`` filled in."""
    try:
        return pattern.format(year=year, seq=seq)
    except (KeyError, IndexError, ValueError) as e:
        raise UserError(
            f"barrier.yaml: notice.number {pattern!r} is not a valid number format ({e}); "
            "use {year} and {seq}, e.g. 车间党总支〔{year}〕{seq}号"
        ) from e


def claim_number(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    force: bool,
    title: str,
    file: str | None,
) -> tuple[NoticeEntry, Path]:
    """Write the register entry of the next free number of the year; return it and its path.

    The register on disk decides: when another issuer created the same number first, the
    exclusive create fails and the next number is tried.
    """
    month_key = str(month)
    earlier = [n for n in tree.notices if n.month == month_key and n.withdrawn is None]
    if earlier and not force:
        raise AlreadyIssued(
            f"the notice for {month} was already issued as {earlier[0].number} "
            f"({earlier[0].id}); use --force to issue another"
        )
    year = today.year
    seq = max((n.seq for n in tree.notices if n.year == year), default=0) + 1
    pattern = tree.settings.notice.number
    deadline = today + dt.timedelta(days=tree.settings.notice.correction_days)
    while seq <= MAX_SEQ:
        entry = NoticeEntry(
            id=f"N-{year}-{seq:03d}",
            number=format_number(pattern, year=year, seq=seq),
            year=year,
            seq=seq,
            date=today,
            month=month_key,
            title=title,
            file=file,
            deadline=deadline,
        )
        path = store.inside(tree.root, f"notices/{year}/{entry.id}.yaml")
        try:
            store.create(path, record_text(entry))
        except RecordExists:
            seq += 1
            continue
        rival = None if force else _earlier_claim(tree.root, entry)
        if rival is not None:
            path.unlink()  # our own entry of a moment ago: the month went to the rival
            raise AlreadyIssued(
                f"the notice for {month} was just issued as {rival.number} ({rival.id}) "
                "by someone else; use --force to issue another"
            )
        return entry, path
    raise UserError(f"no notice number left in {year} (the register holds {MAX_SEQ})")


def _earlier_claim(root: Path, mine: NoticeEntry) -> NoticeEntry | None:
    """Another entry for the same month numbered before ``mine``, written meanwhile.

    Two issuers of one month may both find the register without it; both claim a number,
    then both look again, and the lower number keeps the month.
    """
    folder = root / "notices" / str(mine.year)
    for path in sorted(folder.glob("N-*.yaml")):
        other = read_file(root, path.relative_to(root).as_posix()).record
        if (
            isinstance(other, NoticeEntry)
            and other.month == mine.month
            and other.withdrawn is None
            and other.seq < mine.seq
        ):
            return other
    return None


@dataclass(frozen=True)
class Published:
    text: str
    entry: NoticeEntry | None = None
    register: Path | None = None


def publish_notice(
    *,
    root: Path,
    month: Month,
    fmt: Format,
    lang: Lang | None,
    today: dt.date,
    issue: bool = False,
    force: bool = False,
    out: Path | None = None,
) -> Published:
    """Render the notice for ``month``; with ``issue``, number it and add it to the register.

    The document is rendered once before a number is claimed, so a broken template never
    uses up a number. With ``out`` the document is written there atomically.
    """
    if out is not None:
        store.refuse_record_path(root, out)
    tree = load_tree(root, cache=True)
    lang = lang or tree.settings.lang
    notice = build_notice(tree, month, today=today, lang=lang)
    text = render_notice(notice, fmt=fmt, lang=lang, records=root)
    entry = register = None
    if issue:
        entry, register = claim_number(
            tree,
            month,
            today=today,
            force=force,
            title=notice.title,
            file=str(out) if out is not None else None,
        )
        notice = dataclasses.replace(notice, number=entry.number)
        text = render_notice(notice, fmt=fmt, lang=lang, records=root)
    if out is not None:
        store.write_document(out, text)
    return Published(text, entry, register)
