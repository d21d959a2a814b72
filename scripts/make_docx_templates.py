"""Build the Word templates of the notice and the analysis (templates/common/*.docx).

The 公文 page, styles and page numbers come from `present.render.office` (GB/T 9704-2012:
A4, 37/35/28/26 mm margins, 22 lines of 28 characters, 三号 仿宋_GB2312 body, 黑体 and
楷体 headings, 二号 方正小标宋简体 title, “— 1 —” in 四号 宋体 on the outside). The text
is Jinja for docxtpl: ``{{ … }}`` in a run, ``{%p … %}`` a paragraph that is only a tag,
``{%tr … %}`` a table row that is only a tag. Words come from the message catalogue
(``_("…")``) with the same msgids as the md and html templates, so a Word document says
what they say.

Run it after changing this script (``python scripts/make_docx_templates.py``); ``--check``
fails when the checked-in templates differ from what it builds. The output is byte for
byte the same on every run: the zip entries carry a fixed date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "barrier_cli" / "templates" / "common"
BUILT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The date every entry of a template's zip carries, so a rebuild is byte-identical."""

MONTHS = (
    '{%p set months = [_("January"), _("February"), _("March"), _("April"), _("May"), '
    '_("June"), _("July"), _("August"), _("September"), _("October"), _("November"), '
    '_("December")] %}'
)
PERIOD = '_("%(month)s %(year)s", month=months[{m}.month - 1], year={m}.year)'
DAY = '_("%(day)s %(month)s %(year)s", day={d}.day, month=months[{d}.month - 1], year={d}.year)'


class Builder:
    """A 公文 document written paragraph by paragraph, tags and text alike."""

    def __init__(self) -> None:
        from barrier_cli.present.render import office

        self.office = office
        self.document = office.gongwen_document()

    def tag(self, text: str) -> None:
        """A paragraph that is only a docxtpl tag: it leaves no paragraph behind."""
        self.document.add_paragraph(text)

    def para(
        self,
        text: str,
        *,
        style: str | None = None,
        indent: bool = True,
        align: str | None = None,
        keep: bool = False,
        right_chars: int = 0,
        page_break: bool = False,
        bold_lead: str = "",
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(style=style)
        if bold_lead:
            paragraph.add_run(bold_lead).bold = True
        paragraph.add_run(text)
        fmt = paragraph.paragraph_format
        if indent and style is None:
            fmt.first_line_indent = Pt(2 * self.office.SANHAO)
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(right_chars * self.office.SANHAO)
        if keep:
            fmt.keep_with_next = True
        if page_break:
            fmt.page_break_before = True
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self.para(text, style=f"Heading {level}")

    def items(self, loop: str, text: str, *, numbered: bool = True) -> None:
        """One body paragraph per item of ``loop`` (``x in xs``), numbered 1. 2. 3."""
        self.tag(f"{{%p for {loop} %}}")
        self.para(("{{ loop.index }}. " if numbered else "") + text)
        self.tag("{%p endfor %}")

    def table(self, header: Sequence[str], loop: str, cells: Sequence[str]) -> None:
        """A ruled table: a header row, then one row per item of ``loop``."""
        from docx.shared import Pt

        table = self.document.add_table(rows=4, cols=len(header))
        table.style = "Table Grid"
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        for row, texts, bold in ((0, header, True), (2, cells, False)):
            for cell, text in zip(table.rows[row].cells, texts, strict=True):
                run = cell.paragraphs[0].add_run(text)
                run.bold = bold
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.first_line_indent = Pt(0)
                    for run in paragraph.runs:
                        run.font.size = Pt(12)
        if header:
            self.office.repeat_header(table)

    def data(self) -> bytes:
        """The template file: its properties blank and every zip entry dated ``BUILT``."""
        buffer = io.BytesIO()
        self.office.stamp_properties(self.document, self.office.Stamp("", "", BUILT.date()))
        self.document.save(buffer)
        return self.office.reproducible_zip(buffer.getvalue(), BUILT)


def notice() -> Builder:
    """The 通报 as GB/T 9704-2012 lays it out: 版头, 主体, 附件 on its own page, 版记."""
    from docx.shared import Pt, RGBColor

    b = Builder()
    office = b.office
    b.tag(MONTHS)
    b.tag("{%p set t = notice.prose %}")
    b.tag(
        "{%p set attached = notice.units or notice.praises or notice.own or notice.cases "
        "or notice.key_persons or notice.failed %}"
    )
    # 版头: the 发文机关标志 in red 小标宋, 发文字号 below it, then the red separator line.
    issuer = b.para("{{ notice.authority }}", indent=False, align="center")
    for run in issuer.runs:
        office.font(run, office.TITLE_FONT)
        run.font.size = Pt(office.ISSUER_SIZE)
        run.font.color.rgb = RGBColor.from_string(office.RED)
    issuer.paragraph_format.space_before = Pt(office.SANHAO)
    issuer.paragraph_format.space_after = Pt(2 * office.SANHAO)
    b.para(
        '{{ notice.number or (_("%(number)s (draft)", number=notice.draft_number) '
        'if notice.draft_number else _("(draft, not numbered)")) }}',
        indent=False,
        align="center",
    )
    office.borders(b.para("", indent=False), bottom=True, colour=office.RED, size=16)
    # 主体
    b.para("{{ notice.title }}", style="Title")
    b.para('{{ _("To: %(to)s", to=notice.recipients | join(_(", "))) }}', indent=False)
    b.para(
        '{{ _("This notice reports how %(org)s collected, analysed and used safety '
        'information in %(period)s.", period=' + PERIOD.format(m="notice.month") + ", "
        "org=notice.organisation) }}"
    )
    b.heading('{{ _("1. Overview") }}', 1)
    b.tag("{%p if t.overview %}")
    b.para('{{ t.overview | join("") | trim }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("2. Commendations") }}', 1)
    b.tag("{%p if t.praises %}")
    b.items("p in t.praises", "{{ p }}")
    b.para("{{ t.praise_close }}")
    b.tag("{%p else %}")
    b.para('{{ _("There is no commendation this month.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("3. Problems") }}', 1)
    b.heading('{{ _("(1) Accidents and violations") }}', 2)
    b.tag("{%p if t.cases %}")
    b.items("c in t.cases", "{{ c }}")
    b.tag("{%p else %}")
    b.para('{{ _("No accident or violation occurred this month, and none is still open.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("(2) Near misses") }}', 2)
    b.tag("{%p if t.near_misses %}")
    b.items("n in t.near_misses", "{{ n }}", numbered=False)
    b.tag("{%p else %}")
    b.para('{{ _("No near miss was reported this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("(3) Proposed key persons") }}', 2)
    b.tag("{%p if t.key_persons %}")
    b.items("k in t.key_persons", "{{ k }}", numbered=False)
    b.tag("{%p else %}")
    b.para('{{ _("No new key person is proposed this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("(4) Pairings") }}', 2)
    b.tag("{%p if t.pairings %}")
    b.items("p in t.pairings", "{{ p }}")
    b.tag("{%p else %}")
    b.para('{{ _("No pairing is under way this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("(5) Problems of the branches") }}', 2)
    b.tag("{%p if t.branches %}")
    b.items("x in t.branches", "{{ x }}")
    b.para('{{ _("The details are listed in the attachment.") }}')
    b.tag("{%p else %}")
    b.para('{{ _("The records show no problem of a branch to report this month.") }}')
    b.tag("{%p endif %}")
    b.tag("{%p if t.own %}")
    b.heading('{{ _("(6) Self-review of %(issuer)s", issuer=notice.issuer) }}', 2)
    b.para("{{ t.own }}")
    b.tag("{%p endif %}")

    b.heading('{{ _("4. Assessment results") }}', 1)
    b.tag("{%p if t.scores %}")
    b.items("s in t.scores", "{{ s }}", numbered=False)
    b.tag("{%p else %}")
    b.para('{{ _("No branch was assessed this month.") }}')
    b.tag("{%p endif %}")
    b.tag("{%p if notice.scores %}")
    b.table(
        ['{{ _("Rank") }}', '{{ _("Branch") }}', '{{ _("Score") }}', '{{ _("Tail") }}'],
        "s in notice.scores",
        [
            "{{ s.rank }}",
            "{{ s.name }}",
            '{{ "%g" | format(s.total) }}',
            '{{ _("tail") if s.lowest else "" }}',
        ],
    )
    b.tag("{%p endif %}")

    b.heading('{{ _("5. Required corrections") }}', 1)
    b.tag("{%p if t.corrections %}")
    b.para("{{ t.corrections_intro }}")
    b.items("c in t.corrections", "{{ c }}")
    b.tag("{%p if t.corrections_close %}")
    b.para("{{ t.corrections_close }}")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.para(
        '{{ _("Every unit is to keep collecting promptly, analysing thoroughly and acting '
        'concretely.") }}'
    )
    b.tag("{%p endif %}")
    b.para('{{ _("For the information of all branches.") }}')

    # 附件说明, then 发文机关署名 and 成文日期 right, the date four characters in.
    b.tag("{%p if attached %}")
    b.para("")
    b.para(
        '{{ _("Attachment: items of this notice, %(period)s", period='
        + PERIOD.format(m="notice.month")
        + ") }}"
    )
    b.tag("{%p endif %}")
    b.para("")
    b.para("{{ notice.authority }}", indent=False, align="right", right_chars=2, keep=True)
    b.para("{{ " + DAY.format(d="notice.date") + " }}", indent=False, align="right", right_chars=4)

    # 附件 on a page of its own: “附件” in 黑体 at the top left, its title, its sections.
    b.tag("{%p if attached %}")
    annex = b.para('{{ _("Attachment") }}', indent=False, page_break=True)
    for run in annex.runs:
        office.font(run, office.HEADING_FONT)
    b.para(
        '{{ _("Items of this notice, %(period)s", period='
        + PERIOD.format(m="notice.month")
        + ") }}",
        style="Title",
    )
    b.tag("{%p for section in t.annex %}")
    b.heading("{{ section.title }}", 2)
    b.items("item in section.items", "{{ item }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    # 版记: 抄送 and 印发 between rules, thick first and last, at the foot of the last page.
    b.para("")
    b.tag("{%p if notice.copy_to %}")
    copy = b.para('{{ _("cc: %(to)s.", to=notice.copy_to | join(_(", "))) }}', indent=False)
    office.colophon_line(copy, first=True, last=False)
    b.tag("{%p endif %}")
    printed = b.para(
        '{{ notice.printer }}\t{{ _("printed on %(day)s", day='
        + DAY.format(d="notice.date")
        + ") }}",
        indent=False,
    )
    office.colophon_line(printed, first=False, last=True, tab=True)
    return b


def analysis() -> Builder:
    """The monthly analysis as a plain 公文 report: title, parts 一 to 七, tables."""
    b = Builder()
    b.tag("{%p set t = a.totals %}")
    b.tag("{%p set tl = a.timeliness %}")
    b.tag("{%p set c = a.compliance %}")
    b.tag("{%p set year = a.month.year %}")
    b.tag("{%p set mon = a.month.month %}")
    b.tag("{%p set org = a.organisation %}")
    b.tag('{%p set sep = _(", ") %}')
    # CJK sentences follow each other unspaced, English ones after a space
    b.tag('{%p set sp = "" if lang == "zh" else " " %}')
    b.para(
        '{{ _("%(org)s: safety information analysis of %(year)s-%(mon)s", org=org, year=year, '
        "mon=mon) }}",
        style="Title",
    )
    b.para(
        '{{ _("Period: %(year)s-%(mon)s, days 1 to %(last)s.", year=year, mon=mon, '
        "last=a.as_of.day) }}",
        indent=False,
        align="center",
    )

    b.heading('{{ _("1. Overview") }}', 1)
    b.tag("{%p set prev = t.reports | change(t.previous, t.previous_known) %}")
    b.tag("{%p set ago = t.reports | change(t.year_ago, t.year_ago_known) %}")
    b.para(
        "{% if t.year_ago_known %}"
        '{{ _("This month %(n)s safety reports were collected (risk-weighted %(w)s): against '
        'last month %(prev)s; against the same month last year (%(then)s) %(ago)s.", '
        "n=t.reports, w=t.weighted, prev=prev, then=t.year_ago, ago=ago) }}"
        "{% else %}"
        '{{ _("This month %(n)s safety reports were collected (risk-weighted %(w)s): against '
        'last month %(prev)s; against the same month last year %(ago)s.", n=t.reports, '
        "w=t.weighted, prev=prev, ago=ago) }}"
        "{% endif %}"
    )
    b.para(
        '{{ _("Cases on the register this month: %(cases)s (accidents %(acc)s, near misses '
        "%(pre)s, violations %(vio)s). Besides these, safety reports of the category near "
        'miss: %(near)s; they count as safety reports, not as cases.", '
        "cases=a.incidents | length, "
        'acc=a.incidents | selectattr("type", "equalto", "accident") | list | length, '
        'pre=a.incidents | selectattr("type", "equalto", "precursor") | list | length, '
        'vio=a.incidents | selectattr("type", "equalto", "violation") | list | length, '
        'near=a.by.category | selectattr("key", "equalto", "near_miss") '
        '| map(attribute="count") | sum) }}'
    )
    b.tag(
        '{%p for section, title in [("element", _("By element")), ("category", _("By category")), '
        '("source", _("By source")), ("level", _("By network tier")), ("unit", _("By unit"))] %}'
    )
    b.heading("{{ title }}", 2)
    b.table(
        ['{{ _("Item") }}', '{{ _("Reports") }}', '{{ _("Share") }}'],
        "row in a.by[section]",
        [
            '{{ row.name if section == "unit" else row.key | label(section) }}',
            "{{ row.count }}",
            "{{ row.share | pct }}",
        ],
    )
    b.tag("{%p endfor %}")
    b.heading('{{ _("Units by element") }}', 2)
    b.table(
        [
            '{{ _("Unit") }}',
            '{{ "equipment" | label("element") }}',
            '{{ "personnel" | label("element") }}',
            '{{ "management" | label("element") }}',
            '{{ _("Total") }}',
        ],
        "row in a.unit_element",
        [
            "{{ row.name }}",
            "{{ row.equipment }}",
            "{{ row.personnel }}",
            "{{ row.management }}",
            "{{ row.total }}",
        ],
    )
    b.heading('{{ _("Reporting by the three tiers") }}', 2)
    b.table(
        ['{{ _("Tier") }}', '{{ _("Due to report") }}', '{{ _("Met") }}', '{{ _("Missed") }}'],
        'tier, rows in [("member", c.members), ("group", c.groups), ("branch", c.branches)]',
        [
            '{{ tier | label("tier") }}',
            "{{ rows | length }}",
            '{{ rows | rejectattr("missed") | list | length }}',
            '{{ rows | selectattr("missed") | list | length }}',
        ],
    )
    b.tag("{%p if c.missed() %}")
    b.para('{{ _("Missed reports (below the reporting standard):") }}')
    b.table(
        [
            '{{ _("Tier") }}',
            '{{ _("Who") }}',
            '{{ _("Unit") }}',
            '{{ _("Expected") }}',
            '{{ _("Made") }}',
            '{{ _("Short") }}',
            '{{ _("Days, weeks or months missed") }}',
        ],
        "e in c.missed()",
        [
            '{{ e.tier | label("tier") }}',
            "{{ e.name }}",
            "{{ e.unit_name }}",
            "{{ e.expected }}",
            "{{ e.actual }}",
            "{{ e.shortfall }}",
            "{{ e.missed_periods | periods(year) }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No reports were missed this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("Handling in time") }}', 2)
    b.para(
        '{{ _("Reports of the month analysed: %(analysed)s, median days to analysis '
        "%(median)s; not analysed by the month's end: %(unanalysed)s; analysed after more "
        'than %(limit)s days or still waiting: %(late)s.", analysed=tl.analysed, '
        "median=tl.median_days_to_analysis | days, unanalysed=tl.reports - tl.analysed, "
        "limit=tl.analyse_days, late=tl.late_analysis | length) }}"
    )
    b.para(
        '{{ _("Closed: %(closed)s, median days to closure %(cmedian)s; closed within '
        '%(cdays)s days: %(share)s.", closed=tl.closed, cmedian=tl.median_days_to_close '
        "| days, cdays=tl.close_days, share=tl.closed_within_share | pct) }}"
    )
    b.para(
        '{{ _("On %(day)s, %(pending)s actions and measures were not done, %(overdue)s of '
        'them past their due day.", day=a.as_of | day(year), pending=tl.open_actions, '
        "overdue=tl.overdue | length) }}"
    )
    b.tag("{%p if tl.overdue %}")
    b.table(
        [
            '{{ _("Record") }}',
            '{{ _("Action") }}',
            '{{ _("Owner") }}',
            '{{ _("Due") }}',
            '{{ _("Days overdue") }}',
        ],
        "o in tl.overdue",
        [
            "{{ o.record }}",
            "{{ o.action }}",
            "{{ o.owner_name }}",
            "{{ o.due | day(year) }}",
            "{{ o.days_overdue }}",
        ],
    )
    b.tag("{%p endif %}")
    b.heading('{{ _("Key-person pairings") }}', 2)
    b.tag("{%p if a.pairings.rows %}")
    b.table(
        [
            '{{ _("Pairing") }}',
            '{{ _("Key person") }}',
            '{{ _("Mentor") }}',
            '{{ _("Start") }}',
            '{{ _("Basic due") }}',
            '{{ _("Full due") }}',
            '{{ _("Status") }}',
        ],
        "p in a.pairings.rows",
        [
            "{{ p.id }}",
            "{{ p.person_name }}",
            "{{ p.mentor_name }}",
            "{{ p.start | day(year) }}",
            "{{ p.basic_due | day(year) }}",
            "{{ p.full_due | day(year) }}",
            '{{ p.status | label("pairing_status") }}',
        ],
    )
    b.tag("{%p endif %}")

    b.heading('{{ _("2. Main problems") }}', 1)
    b.tag("{%p for p in a.problems %}")
    b.para(
        "{% set cats = [] %}{% for k in p.categories %}"
        '{% set ignored = cats.append(_("%(what)s %(n)s", what=k.key | label("category"), '
        "n=k.count)) %}{% endfor %}"
        '{{ sp }}{{ p.element | label("element") }}{{ _(".") }}'
        "{% if p.reports %}{{ sp }}"
        '{{ _("Reports this month on %(element)s: %(count)s (%(share)s of all): %(kinds)s.", '
        'element=p.element | label("element"), count=p.reports, share=p.share | pct, '
        "kinds=cats | join(sep)) }}"
        "{% endif %}"
        '{% if p.element == "personnel" and a.repeat_violators %}{{ sp }}'
        '{{ _("Broke rules twice or more in three months: %(k)s (%(who)s).", '
        'k=a.repeat_violators | length, who=a.repeat_violators | map(attribute="name") '
        "| join(sep)) }}{% endif %}"
        '{% if p.element == "management" and (tl.overdue or tl.late_analysis) %}{{ sp }}'
        '{{ _("Actions past their due day: %(o)s; reports analysed late: %(l)s.", '
        "o=tl.overdue | length, l=tl.late_analysis | length) }}{% endif %}",
        bold_lead="{{ loop.index | enum }}",
    )
    b.tag("{%p if p.cases %}")
    b.para('{{ _("Shown by:") }}')
    b.tag("{%p endif %}")
    b.items(
        "r in p.cases",
        '{{ r.text | quote }}（{{ r.kind | label("incident_type" if r.id.startswith("I-") '
        'else "category") }}）',
        numbered=False,
    )
    b.tag("{%p else %}")
    b.para('{{ _("The month\'s records show no problem of note.") }}')
    b.tag("{%p endfor %}")

    b.heading('{{ _("3. Typical cases") }}', 1)
    b.tag("{%p if a.incidents %}")
    case_header = [
        '{{ _("Case") }}',
        '{{ _("Date") }}',
        '{{ _("What") }}',
        '{{ _("Kind") }}',
        '{{ _("Unit") }}',
        '{{ _("Status") }}',
    ]
    case_cells = [
        "{{ i.id }}",
        "{{ i.date | day(year) }}",
        "{{ i.title }}",
        '{{ i.type | label("incident_type") }}',
        "{{ i.unit_name }}",
        '{{ i.status | label("incident_status") }}',
    ]
    b.table(case_header, "i in a.incidents", case_cells)
    b.tag("{%p else %}")
    b.para('{{ _("No accident, near miss or violation was recorded this month.") }}')
    b.tag("{%p endif %}")
    b.tag("{%p if a.earlier_open %}")
    b.para('{{ _("Earlier cases not yet closed:") }}')
    b.table(case_header, "i in a.earlier_open", case_cells)
    b.tag("{%p endif %}")
    b.tag("{%p for s in a.studies %}")
    b.heading(
        '{{ loop.index | enum }}{{ sp }}{{ _("%(title)s (%(id)s)", title=s.case.title | quote, '
        "id=s.case.id) }}",
        2,
    )
    b.para(
        "{% if s.case.date < a.month.first %}"
        '{{ _("An earlier case (%(date)s, %(unit)s, %(kind)s), not yet closed.", '
        "date=s.case.date | day(year), unit=s.case.unit_name, "
        'kind=s.case.type | label("incident_type")) }}'
        "{% else %}"
        '{{ _("On %(date)s, %(unit)s: %(kind)s.", date=s.case.date | day(year), '
        'unit=s.case.unit_name, kind=s.case.type | label("incident_type")) }}'
        "{% endif %}{% if s.description %}{{ sp }}{{ s.description }}{% endif %}"
    )
    b.para(
        '{{ _(": ") }}{% if s.meeting %}{{ _("analysed by a %(meeting)s on %(held)s.", '
        "meeting=s.meeting, held=s.meeting_date | day(year)) }}"
        '{% else %}{{ _("no committee meeting yet.") }}{% endif %}',
        bold_lead='{{ _("Causes at the three levels") }}',
    )
    b.items(
        'level in ["general_branch", "branch", "member"]',
        '{{ level | label("level_of_analysis") }}：{{ s.levels.get(level) or _("not analysed") }}',
        numbered=False,
    )
    b.items(
        "cause in s.causes",
        '{{ _("%(kind)s cause (%(element)s): %(text)s", kind=cause.kind | label("cause_kind"), '
        'element=cause.element | label("element"), text=cause.text) }}',
        numbered=False,
    )
    b.para(
        '{{ _(": ") }}{% for h in s.accountability %}{{ _("%(who)s: %(what)s (%(when)s)", '
        'who=h.name, what=h.detail or h.action | label("accountability_action"), '
        'when=h.date | day(year)) }}{{ _("; ") if not loop.last else _(".") }}'
        '{% else %}{{ _("none yet.") }}{% endfor %}',
        bold_lead='{{ _("Accountability") }}',
    )
    b.tag("{%p if s.measures %}")
    b.table(
        [
            '{{ _("Measure") }}',
            '{{ _("Owner") }}',
            '{{ _("Due") }}',
            '{{ _("Done") }}',
            '{{ _("State") }}',
        ],
        "m in s.measures",
        [
            "{{ m.action }}",
            "{{ m.owner_name | dash }}",
            "{{ m.due | day(year) }}",
            "{{ m.done | day(year) }}",
            '{{ m.state | label("progress") }}',
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No measures written yet.") }}')
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.heading('{{ _("4. Last month\'s priorities: carried out?") }}', 1)
    b.tag("{%p if not a.followed_known %}")
    b.para(
        '{{ _("No priorities were adopted for this month (barrier priorities adopt), so none '
        'can be checked.") }}'
    )
    b.tag("{%p elif a.followed %}")
    b.table(
        [
            '{{ _("Priority") }}',
            '{{ _("Responsible unit") }}',
            '{{ _("Responsible person") }}',
            '{{ _("Deadline") }}',
            '{{ _("State") }}',
        ],
        "f in a.followed",
        [
            "{{ f.content }}",
            "{{ f.unit_name | dash }}",
            "{{ f.owner_name | dash }}",
            "{{ f.due | day(year) }}",
            '{{ f.state | label("progress") }}',
        ],
    )
    b.tag("{%p endif %}")

    b.heading('{{ _("5. Weak links") }}', 1)
    b.tag("{%p if a.weak_links %}")
    b.para('{{ _("Each report counts under the highest-ranked link it touches only.") }}')
    b.table(
        [
            '{{ _("Rank") }}',
            '{{ _("Element") }}',
            '{{ _("Category") }}',
            '{{ _("Key") }}',
            '{{ _("Place") }}',
            '{{ _("Reports") }}',
            '{{ _("Against the three months before") }}',
        ],
        "w in a.weak_links[:10]",
        [
            "{{ w.rank }}",
            '{{ w.element | label("element") }}',
            '{{ w.category | label("category") }}',
            '{{ w.key | label("key") }}',
            "{{ w.location | dash }}",
            "{{ w.count }}",
            "{{ w.growth | delta }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("The month\'s reports point to no weak link.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("6. Priorities for next month (proposed)") }}', 1)
    b.tag("{%p if a.proposed %}")
    b.table(
        [
            '{{ _("Priority") }}',
            '{{ _("Measure") }}',
            '{{ _("Responsible unit") }}',
            '{{ _("Responsible person") }}',
            '{{ _("Deadline") }}',
        ],
        "p in a.proposed",
        [
            "{{ p.content }}",
            '{{ p.measures | join(_("; ")) }}',
            "{{ p.unit_name | dash }}",
            "{{ p.owner_name | dash }}",
            "{{ p.deadline | day(year) }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("None proposed.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("7. Assessment and ranking") }}', 1)
    b.tag("{%p if a.scores %}")
    b.heading(
        '{% if a.scores.branches | selectattr("unentered") | list %}'
        '{{ _("Branch scores, first assessment of %(year)s-%(mon)s", year=year, mon=mon) }}'
        '{% else %}{{ _("Branch scores, %(year)s-%(mon)s", year=year, mon=mon) }}{% endif %}',
        2,
    )
    b.table(
        [
            '{{ _("Rank") }}',
            '{{ _("Branch") }}',
            '{{ _("Score") }}',
            '{{ _("Out of") }}',
            '{{ _("Items not yet entered") }}',
        ],
        "x in a.scores.branches",
        [
            "{{ x.rank }}",
            "{{ x.name }}",
            "{{ x.total | num }}",
            "{{ x.max | num }}",
            "{{ x.unentered }}",
        ],
    )
    b.heading(
        "{% if a.as_of < a.month.quarter.last %}"
        '{{ _("Party members ranked within their branch, quarter %(qn)s so far '
        '(%(year)s-%(mon)s)", qn=a.scores.quarter[-1] | cnum, year=year, mon=mon) }}'
        '{% else %}{{ _("Party members ranked within their branch, %(quarter)s", '
        'quarter=_("%(year)s Q%(q)s", year=a.scores.quarter[:4], '
        "q=a.scores.quarter[-1] | cnum)) }}{% endif %}",
        2,
    )
    b.table(
        ['{{ _("Branch") }}', '{{ _("Rank") }}', '{{ _("Member") }}', '{{ _("Score") }}'],
        "m in a.scores.members",
        ["{{ m.branch_name }}", "{{ m.rank }}", "{{ m.name }}", "{{ m.total | num }}"],
    )
    b.tag("{%p else %}")
    b.para(
        '{{ _("The tree has no standards to derive scores from and no assessment is recorded '
        'for the period.") }}'
    )
    b.tag("{%p endif %}")
    b.heading('{{ _("Key persons") }}', 2)
    b.tag("{%p if a.key_persons %}")
    b.table(
        ['{{ _("Person") }}', '{{ _("Standing") }}'],
        "k in a.key_persons",
        [
            "{{ k.name }}",
            '{% if k.proposed %}{{ _("proposed") }}{% elif k.status %}'
            '{{ k.status | label("key_status") }}{% else %}{{ _("paired") }}{% endif %}',
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No one reaches the key-person threshold this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("Rewards and penalties") }}', 2)
    b.tag("{%p if a.rewards %}")
    b.table(
        [
            '{{ _("Date") }}',
            '{{ _("Kind") }}',
            '{{ _("Level") }}',
            '{{ _("Who") }}',
            '{{ _("Amount (yuan)") }}',
            '{{ _("Reason") }}',
        ],
        "r in a.rewards",
        [
            "{{ r.date | day(year) }}",
            '{{ r.kind | label("reward_kind") }}',
            '{{ r.level | label("reward_level") }}',
            "{{ r.name | dash }}",
            '{{ r.amount | num if r.amount else "—" }}',
            "{{ r.reason }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No reward or penalty this month.") }}')
    b.tag("{%p endif %}")
    b.heading('{{ _("Good catches") }}', 2)
    b.tag("{%p if a.good_catches %}")
    b.items(
        "g in a.good_catches",
        '{{ _("On %(date)s, %(who)s of %(unit)s found: %(what)s.", date=g.date | day(year), '
        "who=g.reporter_name, unit=g.unit_name, what=g.summary) }}",
    )
    b.tag("{%p else %}")
    b.para('{{ _("None this month.") }}')
    b.tag("{%p endif %}")
    return b


TEMPLATES = {"notice.docx": notice, "analysis.docx": analysis}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="fail if the checked-in templates are out of date"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    stale = []
    for name, build in TEMPLATES.items():
        target = OUT / name
        data = build().data()
        if not args.check:
            target.write_bytes(data)
        elif not target.is_file() or target.read_bytes() != data:
            stale.append(name)
    if stale:
        sys.stderr.write(
            f"out of date: {', '.join(stale)}; run python scripts/make_docx_templates.py\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
