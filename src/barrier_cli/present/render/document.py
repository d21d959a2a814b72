"""Turn a ``MonthlyAnalysis`` into a document: md and html from templates, json, term."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup

from barrier_cli.core.i18n import counted, in_lang, pgettext, using
from barrier_cli.core.labels import Lang, label
from barrier_cli.present.notice_prose import named_in_text
from barrier_cli.present.render import charts
from barrier_cli.reports.analysis.result import MonthlyAnalysis
from barrier_cli.reports.names import english_unit

Format = Literal["term", "md", "html", "json"]

# Words the analysis uses that are not choices of a record field, in English; the catalogue
# (domain "analysis") says them in the document's language, the group as their context.
_WORDS: dict[str, dict[str, str]] = {
    "milestone": {
        "basic": "basic",
        "full": "full",
    },
    "tier": {
        "member": "member",
        "group": "group leader",
        "branch": "branch",
    },
    # The by-tier breakdown names the tier by who reports for it, as the notice does.
    "level": {
        "member": "party member",
        "group": "party group leader",
        "branch": "branch",
    },
    "standard": {
        "branch": "branch",
        "member": "member",
    },
    "result": {
        "pass": "pass",
        "fail": "fail",
    },
    "assessment_status": {
        "draft": "draft",
        "final": "final",
    },
    "level_of_analysis": {
        "general_branch": "General Branch level",
        "branch": "Branch level",
        "member": "Member level",
    },
    # what a mentor shares with the key person, of the pairing rule 同岗位、同职责、同班组
    "shared": {
        "post": "the same post",
        "team": "the same team",
    },
    "progress": {
        "done": "done on time",
        "late": "done late",
        "overdue": "not done, overdue",
        "open": "under way",
    },
    "key_status": {
        "proposed": "proposed",
        "confirmed": "confirmed",
        "paired": "paired",
        "turned": "turned around",
        "not_turned": "not turned around",
    },
}
DASH = "—"


def render_analysis(
    analysis: MonthlyAnalysis,
    *,
    fmt: Format,
    lang: Lang,
    records: Path | None = None,
    color: bool = False,
) -> str:
    """The document text in ``fmt``; a tree's own templates override the shipped ones.

    ``color`` gives the term format terminal colours; without it the text is plain.
    """
    if fmt == "json":
        return analysis.to_json()
    if fmt == "term":
        from barrier_cli.present.render.term import render_term

        return render_term(analysis, lang=lang, words=filters(lang), color=color)
    from markupsafe import Markup

    from barrier_cli.present.render.templating import render

    context: dict[str, Any] = {"a": analysis, "lang": lang}
    if fmt == "html":
        context["charts"] = {name: Markup(svg) for name, svg in chart_svgs(analysis, lang).items()}
    return render(f"analysis.{fmt}.j2", context, lang=lang, records=records, filters=filters(lang))


def chart_svgs(analysis: MonthlyAnalysis, lang: Lang) -> dict[str, str]:
    names = {e: label("element", e, lang) for e in charts.ELEMENT_COLOURS}
    split = {c.key: c.count for c in analysis.by["element"]}
    return {
        "trend": charts.trend_svg(analysis.trend, names, in_lang(lang, "Reports, last 12 months")),
        "elements": charts.split_svg(
            split, names, in_lang(lang, "{month} by element").format(month=analysis.month)
        ),
    }


def filters(lang: Lang) -> dict[str, Callable[..., str]]:
    """The filters templates use: labels in the document's language and number formats."""

    def word(value: str | None, group: str) -> str:
        if value is None or value == "":
            return DASH
        english = _WORDS.get(group, {}).get(value)
        if english is not None:
            with using(lang):
                return pgettext(group, english)
        return label(group, value, lang)

    def named(summary: str, train: str | None = None, vehicle: str | None = None) -> str:
        # a report's text with its train and car as a document names them (81582次列车,
        # C70E型4310192号货车), as the notice says them
        with using(lang):
            return named_in_text(summary, train, vehicle)[0]

    return {
        "label": word,
        "named": named,
        "pct": lambda v: DASH if v is None else f"{v:.0%}",
        "days": lambda v: DASH if v is None else f"{v:g}",
        "signed": lambda v: f"{v:+g}",
        "delta": lambda v: delta(v, lang),
        "cnum": lambda n: _CN[int(n) - 1] if lang == "zh" and 0 < int(n) <= len(_CN) else str(n),
        "enum": lambda n: f"（{_CN[n - 1]}）" if lang == "zh" and n <= len(_CN) else f"({n})",
        "change": lambda now, then, known=True: change(now, then, known, lang),
        "num": lambda v: DASH if v is None else f"{v:g}",
        "spelled": lambda n, capital=False: counted(int(n), lang, capital=capital),
        "dash": dash,
        # a unit's name in a sentence: "2 in the Shift 4 branch" (tables keep the bare name)
        "in_text": english_unit,
        "day": lambda v, year=None: day(v, lang, year),
        "moment": lambda v, year=None: moment(v, lang, year),
        "periods": lambda v, year=None: periods(v, lang, year),
        "quote": quote,
        # The name the templates an earlier `barrier init` copied into trees use; escaping
        # is the environment's now, so it only marks an empty cell.
        "md": dash,
    }


def change(now: int, then: int, known: bool, lang: Lang) -> str:
    """A comparison as a 公文 says it: 增加5条，增长17.3%; 无同期数据 before the records began."""
    if not known:
        return in_lang(lang, "no data for that month")
    if now == then:
        return in_lang(lang, "unchanged")
    diff = abs(now - then)
    if not then:
        message = "up {reports}" if now > then else "down {reports}"
        return in_lang(lang, message).format(reports=diff)
    message = "up {reports} ({share})" if now > then else "down {reports} ({share})"
    return in_lang(lang, message).format(reports=diff, share=f"{diff * 100 / then:.1f}%")


_CN = "一二三四五六七八九十"
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def delta(value: float, lang: Lang) -> str:
    """A rise or fall of a risk score in whole points: 增加17分, 减少1分, 持平 — never "+17.33"."""
    amount = round(abs(value))
    if amount == 0:
        return in_lang(lang, "unchanged")
    message = "up {points}" if value > 0 else "down {points}"
    return in_lang(lang, message).format(points=amount)


def day(value: dt.date | str | None, lang: Lang, year: int | None = None) -> str:
    """A date in running text: 2026年10月31日 in a zh document, 31 October 2026 in an en one.

    A 公文 drops the year when it is the document's own ``year``: 10月31日, 31 October.
    """
    if value is None or value == "":
        return DASH
    if isinstance(value, str):
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            return value
    else:
        date = value
    if lang != "zh":
        return f"{date.day} {_EN_MONTHS[date.month - 1]}" + (
            "" if date.year == year else f" {date.year}"
        )
    prefix = "" if date.year == year else f"{date.year}年"
    return f"{prefix}{date.month}月{date.day}日"


def moment(value: str, lang: Lang, year: int | None = None) -> str:
    """A timeline entry's time as a 公文 writes it: 10月9日8时, 10月9日10时05分."""
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if lang != "zh":
        return f"{day(at.date(), lang, year)}, {at:%H:%M}"
    clock = f"{at.hour}时" + (f"{at.minute:02d}分" if at.minute else "")
    return day(at.date(), lang, year) + clock


def periods(values: list[str] | tuple[str, ...], lang: Lang, year: int | None = None) -> str:
    """Missed days, ISO weeks or months: 10月13日、19日、26日; 10月19日至25日当周; 10月."""
    if lang != "zh":
        return _en_periods(values, year)
    out: list[str] = []
    last_month: tuple[int, int] | None = None
    for value in values:
        when = _period(value)
        if isinstance(when, tuple):
            first, end = when
            tail = f"{end.day}日" if end.month == first.month else day(end, lang, year)
            out.append(f"{day(first, lang, year)}至{tail}当周")
            last_month = None
        elif isinstance(when, dt.date):
            same = last_month == (when.year, when.month)
            out.append(f"{when.day}日" if same else day(when, lang, year))
            last_month = (when.year, when.month)
        else:
            out.append(when)
            last_month = None
    return "、".join(out)


def _en_periods(values: list[str] | tuple[str, ...], year: int | None) -> str:
    """Days of one month said once with their month (13, 19 and 26 October), weeks each."""
    said: list[str] = []
    days: list[dt.date] = []

    def flush() -> None:
        if days:
            *head, last = days
            named = day(last, "en", year)
            said.append(", ".join(str(d.day) for d in head) + " and " + named if head else named)
            days.clear()

    for value in values:
        when = _period(value)
        if isinstance(when, dt.date) and (not days or days[-1].month == when.month):
            days.append(when)
            continue
        flush()
        if isinstance(when, dt.date):
            days.append(when)
        else:
            said.append(_en_period(value, year))
    flush()
    return ", ".join(said)


def _en_period(value: str, year: int | None) -> str:
    when = _period(value)
    if isinstance(when, tuple):
        first, end = when
        start = str(first.day) if first.month == end.month else day(first, "en", end.year)
        return f"the week of {start}–{day(end, 'en', year)}"
    return day(when, "en", year) if isinstance(when, dt.date) else when


def _period(value: str) -> dt.date | tuple[dt.date, dt.date] | str:
    """A day, the Monday and Sunday of an ISO week, or a month's 公文 name."""
    if "-W" in value:  # before fromisoformat, which reads an ISO week as its Monday
        try:
            monday = dt.datetime.strptime(value + "-1", "%G-W%V-%u").date()
        except ValueError:
            return value
        return monday, monday + dt.timedelta(days=6)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    year, _, month = value.partition("-")
    if year.isdigit() and month.isdigit():
        return f"{year}年{int(month)}月"
    return value


def quote(text: object) -> str:
    """``text`` in “”, quotation marks inside it turned to ‘’ as a 公文 nests them."""
    inner = str(text).replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def dash(value: object) -> str:
    """A dash for an empty value, else its text (escaped by the template environment; text
    escaped already, such as what ``_()`` made of a quotation, stays as it is: "Zheng Yu's"
    escaped twice would print "Zheng Yu&#39;s")."""
    if isinstance(value, Markup):
        return value if value.strip() else DASH
    text = "" if value is None else str(value)
    return text if text.strip() else DASH
