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
        indent_chars: int = 2,
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text)
        fmt = paragraph.paragraph_format
        if indent and style is None:
            fmt.first_line_indent = Pt(indent_chars * self.office.SANHAO)
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

    def items_or(self, loop: str, text: str, empty: str, *, numbered: bool = True) -> None:
        """``items`` when ``loop``'s sequence has any, else the one paragraph ``empty``."""
        self.tag(f"{{%p if {loop.split(' in ', 1)[1]} %}}")
        self.items(loop, text, numbered=numbered)
        self.tag("{%p else %}")
        self.para(empty)
        self.tag("{%p endif %}")

    def table(self, header: Sequence[str], loop: str, cells: Sequence[str]) -> None:
        """A ruled table: a header row, then one row per item of ``loop``."""
        self.grid(header, [f"{{%tr for {loop} %}}", (cells, False), "{%tr endfor %}"])

    def grid(self, header: Sequence[str], rows: Sequence[str | tuple[Sequence[str], bool]]) -> None:
        """A ruled table: a header row repeated on every page, then ``rows``, each a
        ``{%tr … %}`` tag row or the texts of its cells and whether they are bold."""
        from docx.shared import Pt

        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for row, content in zip(table.rows[1:], rows, strict=True):
            if isinstance(content, str):
                row.cells[0].paragraphs[0].add_run(content)
                continue
            texts, bold = content
            for cell, text in zip(row.cells, texts, strict=True):
                cell.paragraphs[0].add_run(text).bold = bold
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.first_line_indent = Pt(0)
                    for run in paragraph.runs:
                        run.font.size = Pt(12)
        if header:
            self.office.repeat_header(table)

    def rich(self, *runs: tuple[str, bool], indent: bool = True) -> None:
        """A body paragraph of runs, each bold or not: a lead in bold, then the text."""
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold or None
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * self.office.SANHAO)

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
    # a draft says what it is: a file copy of a month already issued, or numbered after a
    # later month's
    b.para(
        '{{ notice.number or (_("%(number)s (file copy)", '
        'number=notice.issued_as) if notice.issued_as else _("%(number)s (draft of a late '
        'notice: %(later)s, for a later month, is already issued)", number=notice.draft_number, '
        "later=notice.later_issued) if notice.later_issued and notice.draft_number else "
        '_("%(number)s (draft)", number=notice.draft_number) if notice.draft_number else '
        '_("(draft, not numbered)")) }}',
        indent=False,
        align="center",
    )
    office.borders(b.para("", indent=False), bottom=True, colour=office.RED, size=16)
    # 主体
    b.para("{{ notice.title }}", style="Title")
    b.para('{{ _("To: %(to)s", to=notice.recipients | join(_(", "))) }}', indent=False)
    b.para(
        '{{ _("This notice reports how the %(org)s collected, analysed and acted on safety '
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
    b.items_or(
        "c in t.cases",
        "{{ c }}",
        '{{ _("No accident or serious violation needing a case occurred this month, and none '
        'is still open.") }}',
    )
    b.heading('{{ _("(2) Near misses") }}', 2)
    b.items_or(
        "n in t.near_misses",
        "{{ n }}",
        '{{ _("No near miss was reported this month.") }}',
        numbered=False,
    )
    b.heading('{{ _("(3) Proposed key persons") }}', 2)
    b.items_or(
        "k in t.key_persons",
        "{{ k }}",
        '{{ _("No new key person is proposed this month.") }}',
        numbered=False,
    )
    b.heading('{{ _("(4) Pairings") }}', 2)
    b.items_or(
        "p in t.pairings",
        "{{ p }}",
        '{{ _("No pairing is under way this month.") }}',
    )
    b.tag("{%p if t.pairings_short %}")
    b.para("{{ t.pairings_short }}")
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
    b.items_or(
        "s in t.scores",
        "{{ s }}",
        '{{ _("No branch was assessed this month.") }}',
        numbered=False,
    )
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
    # next month's priorities are what the branches carry out, not a problem: they open 五
    b.tag("{%p if t.priorities_intro %}")
    b.para("{{ t.priorities_intro }}")
    b.tag("{%p endif %}")
    b.items("p in t.priorities", "{{ p }}")
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
    b.tag("{%p if section.rows and notice.record_ids %}")
    b.table(
        ['{{ _("No.") }}', '{{ _("Matter") }}', '{{ _("Records") }}'],
        "row in section.rows",
        ["{{ loop.index }}", "{{ row.text }}", '{{ row.ids | join(_(", ")) }}'],
    )
    b.tag("{%p elif section.rows %}")
    b.table(
        ['{{ _("No.") }}', '{{ _("Matter") }}'],
        "row in section.rows",
        ["{{ loop.index }}", "{{ row.text }}"],
    )
    b.tag("{%p else %}")
    b.items("item in section.items", "{{ item }}")
    b.tag("{%p endif %}")
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
    """The monthly analysis, saying what ``analysis.md.j2`` says part by part, with its msgids."""
    b = Builder()
    # Jinja's ``{%p … %}`` tags cannot hold ``%`` or ``}``: the definitions the whole document
    # uses (the records by id, how a case is named) open the title's run instead.
    definitions = (
        "{% set refs = {} %}{% for r in a.records %}"
        "{% set ignored = refs.update({r.id: r}) %}{% endfor %}"
        "{% macro kind_of(i) %}"
        '{% if i.type == "accident" and i.class_ %}'
        '{{ _("%(grade)s accident", grade=i.class_ | label("accident_class")) }}'
        '{% elif i.type == "violation" and i.severity == "serious" %}'
        '{{ _("serious violation") }}{% elif i.type == "violation" %}{{ _("violation") }}'
        '{% else %}{{ i.type | label("incident_type") }}{% endif %}{% endmacro %}'
        "{% macro case_heading(i) %}{% set date = i.date | day(year) %}"
        "{% set team = i.team | dash %}{% set what = i.subject[:1] | upper ~ i.subject[1:] %}"
        "{% set kind = kind_of(i) %}"
        "{% trans %}{{ what }}, {{ date }} ({{ kind }}, {{ team }}){% endtrans %}{% endmacro %}"
        "{% macro unit_held(u) %}{% set unit = u.unit_name | in_text %}{% set finding = u.finding %}"
        "{% trans %}In {{ unit }}, {{ finding }}{% endtrans %}{% if u.leader_name %}"
        '{% set role = u.leader_role | label("role") if u.leader_role else "" %}'
        "{% set name = u.leader_name %}{% trans %}; {{ role }} {{ name }} bears leadership "
        "responsibility{% endtrans %}{% if u.action %}{% set action = u.action %}"
        '{% trans %} and {{ action }}{% endtrans %}{% endif %}{% endif %}{{ _(".") }}'
        "{% endmacro %}"
        "{% macro mentor_kept(m) %}{% set mentor = m.mentor_name %}"
        "{% set person = m.person_name %}{% set branch = m.branch_name %}"
        '{% if m.shared and m.action %}{% set same = m.shared | map("label", "shared") | list %}'
        '{% set shared = same | join(_(", ")) %}{% set action = m.action %}'
        "{% trans %}{{ mentor }} is still {{ person }}'s mentor although found at fault in this "
        "case: the two share {{ shared }}, {{ mentor }} {{ action }}, and the {{ branch }} keeps "
        "watch on the pairing.{% endtrans %}{% else %}{% trans %}{{ mentor }}, found at fault in "
        "this case, is still {{ person }}'s mentor: the {{ branch }} is to give the reason or "
        "name another mentor.{% endtrans %}{% endif %}{% endmacro %}"
        "{% macro case_name(i) %}{% set date = i.date | day(year) %}"
        "{% set team = i.team | dash %}{% set what = i.subject %}{% set kind = kind_of(i) %}"
        "{% trans %}the {{ kind }} of {{ date }} in {{ team }}, “{{ what }}”{% endtrans %}"
        "{% endmacro %}"
        "{% set first = a.month.first | day(0) %}{% set last = a.as_of | day(0) %}"
        '{% set months = ["January", "February", "March", "April", "May", "June", "July", '
        '"August", "September", "October", "November", "December"] %}'
        '{% set mname = mon if lang == "zh" else months[mon - 1] %}'
    )
    b.tag("{%p set t = a.totals %}")
    b.tag("{%p set tl = a.timeliness %}")
    b.tag("{%p set c = a.compliance %}")
    b.tag("{%p set year = a.month.year %}")
    b.tag("{%p set mon = a.month.month %}")
    b.tag("{%p set org = a.organisation | dash %}")
    # CJK sentences follow each other unspaced, English ones after a space
    b.tag('{%p set sp = "" if lang == "zh" else " " %}')
    b.para(
        definitions + "{% trans %}{{ org }} General Party Branch: Safety Information Analysis, "
        "{{ mname }} {{ year }}{% endtrans %}",
        style="Title",
    )
    b.para(
        "{% trans %}Period: {{ first }} to {{ last }}.{% endtrans %}", indent=False, align="center"
    )

    b.heading('{{ _("1. Overview") }}', 1)
    b.para(
        "{% set prev = t.reports | change(t.previous, t.previous_known) %}"
        "{% set ago = t.reports | change(t.year_ago, t.year_ago_known) %}"
        "{% set n = t.reports %}"
        "{% if t.year_ago_known %}{% set then = t.year_ago %}{% trans %}The workshop collected "
        "{{ n }} safety reports this month, {{ prev }} on last month and {{ ago }} on the same month "
        "last year ({{ then }}).{% endtrans %}"
        "{% elif t.previous_known %}{% trans %}The workshop collected {{ n }} safety "
        "reports this month, {{ prev }} on last month; there are no records of the same month last year to "
        "compare with.{% endtrans %}"
        "{% else %}{% trans %}The workshop collected {{ n }} safety reports this month; "
        "there are no "
        "records of earlier months to compare with.{% endtrans %}{% endif %}"
    )
    b.para(
        '{% set near = a.by.category | selectattr("key", "equalto", "near_miss") | map(attribute="count") | sum %}'
        "{% set groups = {} %}{% for i in a.incidents %}{% set k = kind_of(i) %}"
        "{% set ignored = groups.update({k: groups.get(k, []) + [i]}) %}{% endfor %}"
        "{% set said = [] %}{% for k, cases in groups.items() %}{% set named = [] %}"
        "{% for i in cases %}"
        '{% set ignored = named.append(_("%(subject)s on %(date)s", date=i.date | day(year), subject=i.subject)) %}'
        '{% endfor %}{% set which = named | join(_(", ")) %}'
        '{% set clause = ngettext("one %(what)s (%(which)s)", "%(num)s cases of %(what)s (%(which)s)", cases | length, what=k, which=which, num=cases | length | spelled) %}'
        "{% set earlier = a.earlier_in_year.get(cases[-1].id, []) %}{% if earlier %}"
        "{% set before = [] %}{% for e in earlier %}"
        '{% set ignored = before.append(_("%(unit)s on %(date)s", date=e.date | day(year), unit=e.team | in_text)) %}'
        "{% endfor %}{% set total = (earlier | length) + (cases | length) %}"
        '{% set clause = clause ~ _(", %(nth)s in all this year (earlier: %(listed)s); every branch must take it as a serious warning", nth=total | cnum if lang == "zh" else total | spelled, listed=before | join(_(", "))) %}'
        "{% endif %}{% set ignored = said.append(clause) %}{% endfor %}{% if said %}"
        '{% set cases = said | join(_("; ")) %}{% trans %}This month saw {{ cases }}.'
        "{% endtrans %}{% else %}"
        '{{ _("No accident or serious violation was registered as a case this month.") }}'
        "{% endif %}{% if near %}{{ sp }}{% set reps = a.near_miss_repeats %}"
        "{% set num = near | spelled %}"
        "{% set began = a.cumulative.since if a.cumulative and a.cumulative.since else a.month.first %}"
        '{% set began = _("%(mname)s %(year)s", mname=began.month if lang == "zh" else months[began.month - 1], year=began.year) %}'
        "{% if reps %}{% set items = [] %}{% set covered = [] %}{% for rep in reps %}"
        "{% set what = rep.text | quote %}{% set k = rep.reports | length %}"
        "{% set ignored = covered.append(k) %}{% set places = [] %}"
        "{% for r in rep.reports %}"
        '{% set ignored = places.append(_("%(unit)s on %(date)s", date=r.date | day(year), unit=r.unit_name | in_text)) %}'
        '{% endfor %}{% set where = places | join(_(", ")) %}{% if k == 1 %}'
        '{% set item = _("%(what)s occurred once (%(where)s)", what=what, where=where) %}'
        "{% elif k == 2 %}"
        '{% set item = _("%(what)s occurred twice (%(where)s)", what=what, where=where) %}'
        "{% else %}"
        '{% set item = _("%(what)s occurred %(num)s times (%(where)s)", what=what, num=k | spelled, where=where) %}'
        "{% endif %}{% if rep.recent > k %}"
        '{% set item = item ~ (_(": %(recent)s times in the last three months", recent=rep.recent | spelled) if reps | length > 1 else _(" — %(recent)s times in the last three months", recent=rep.recent | spelled)) %}'
        "{% endif %}{% if rep.since > rep.recent %}"
        '{% set item = item ~ (_(" and %(since)s times since %(began)s", since=rep.since | spelled, began=began) if rep.recent > k else _(": %(since)s times since %(began)s", since=rep.since | spelled, began=began)) %}'
        "{% endif %}{% if rep.not_held %}"
        '{% set item = item ~ _(", so the measure %(measure)s has not held", measure=rep.not_held[0] | quote) %}'
        "{% endif %}"
        '{% set ignored = items.append((_("First, %(item)s", item=item) if loop.index == 1 else _("Second, %(item)s", item=item) if loop.index == 2 else _("Third, %(item)s", item=item) if loop.index == 3 else _("(%(n)s) %(item)s", n=loop.index | cnum, item=item)) if reps | length > 1 else item) %}'
        '{% endfor %}{% set listed = items | join(_(". ") if reps | length > 1 else _("; ")) %}'
        "{% if covered | sum == near and reps | length > 1 %}{% set num = near | spelled(capital=True) %}"
        "{% set kinds = reps | length | spelled %}{% trans %}{{ num }} near misses were reported this month,"
        " on {{ kinds }} recurring problems. {{ listed }}.{% endtrans %}"
        "{% elif covered | sum == near and near == 1 %}{% trans %}One near miss was reported this month,"
        " of a hazard that keeps recurring: {{ listed }}.{% endtrans %}"
        "{% elif covered | sum == near and near == 2 %}{% trans %}Two near misses were reported this month,"
        " both of the same recurring problem: {{ listed }}.{% endtrans %}"
        "{% elif covered | sum == near %}{% set num = near | spelled(capital=True) %}{% trans %}{{ num }}"
        " near misses were reported this month, all of the same recurring problem: {{ listed }}.{% endtrans %}"
        "{% else %}{% trans %}This month, {{ num }}"
        " near misses were reported, among them hazards that keep recurring: {{ listed }}"
        ".{% endtrans %}{% endif %}"
        '{% set unstudied = reps | rejectattr("studied") | list %}{{ sp }}'
        "{% if unstudied | length == reps | length %}{% trans count=reps | length %}"
        "It keeps recurring, yet neither the General Branch nor the branch concerned has analysed it as a typical case; it is ranked among the weak links in part 5."
        "{% pluralize %}"
        "They keep recurring, yet neither the General Branch nor the branches concerned have analysed them as typical cases; they are ranked among the weak links in part 5."
        "{% endtrans %}{% elif unstudied %}"
        '{% set which = unstudied | map(attribute="text") | map("quote") | join(_(", ")) %}'
        "{% trans count=unstudied | length %}Of them, {{ which }}"
        " has not been analysed as a typical case; all are ranked among the weak links in part 5."
        "{% pluralize %}Of them, {{ which }}"
        " have not been analysed as typical cases; all are ranked among the weak links in part 5."
        "{% endtrans %}{% else %}"
        '{{ _("They are ranked among the weak links in part 5.") }}{% endif %}{% else %}'
        "{% trans count=near %}One near miss was reported this month.{% pluralize %}"
        "This month, {{ num }} near misses were reported.{% endtrans %}{% endif %}"
        "{% endif %}"
    )
    b.tag(
        '{%p for section, title in [("element", _("By element")), ("category", _("By category")), '
        '("source", _("By source")), ("level", _("By network tier")), ("unit", _("By unit"))] %}'
    )
    b.heading("{{ title }}", 2)
    share = "{{ (u.total / a.totals.reports) | pct }}"
    b.grid(
        ['{{ _("Item") }}', '{{ _("Reports") }}', '{{ _("Share") }}'],
        [
            '{%tr if section == "unit" and a.by_branch %}',
            "{%tr for b in a.by_branch %}",
            (["{{ b.name | dash }}", "{{ b.count }}", "{{ b.share | pct }}"], True),
            '{%tr set groups = a.unit_element | selectattr("branch", "equalto", b.key) '
            '| rejectattr("unit", "equalto", b.key) | list %}',
            "{%tr for u in a.unit_element if groups and u.unit == b.key %}",
            (['{{ _("- the branch itself") }}', "{{ u.total }}", share], False),
            "{%tr endfor %}",
            "{%tr for u in groups %}",
            (['{{ _("- %(unit)s", unit=u.name) }}', "{{ u.total }}", share], False),
            "{%tr endfor %}",
            "{%tr endfor %}",
            "{%tr else %}",
            "{%tr for row in a.by[section] %}",
            (
                [
                    '{{ row.name | dash if section == "unit" else row.key | label(section) }}',
                    "{{ row.count }}",
                    "{{ row.share | pct }}",
                ],
                False,
            ),
            "{%tr endfor %}",
            "{%tr endif %}",
            (
                [
                    '{{ _("Total") }}',
                    '{{ a.by[section] | sum(attribute="count") }}',
                    "100%",
                ],
                True,
            ),
        ],
    )
    b.tag("{%p endfor %}")
    b.heading('{{ _("Branches by element") }}', 2)
    elements = ("equipment", "personnel", "management", "total")
    b.grid(
        [
            '{{ _("Branch") }}',
            '{{ "equipment" | label("element") }}',
            '{{ "personnel" | label("element") }}',
            '{{ "management" | label("element") }}',
            '{{ _("Total") }}',
        ],
        [
            "{%tr for row in a.branch_element %}",
            (["{{ row.name | dash }}", *(f"{{{{ row.{e} }}}}" for e in elements)], False),
            "{%tr endfor %}",
            (
                [
                    '{{ _("Total") }}',
                    *(f'{{{{ a.branch_element | sum(attribute="{e}") }}}}' for e in elements),
                ],
                True,
            ),
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
            "{{ e.name | dash }}",
            "{{ e.unit_name | dash }}",
            "{{ e.expected }}",
            "{{ e.actual }}",
            "{{ e.shortfall }}",
            '{% if e.actual == 0 %}{{ _("none all month") }}'
            "{% else %}{{ e.missed_periods | periods(year) }}{% endif %}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No reports were missed this month.") }}')
    b.tag("{%p endif %}")
    b.tag("{%p if c.late() %}")
    b.para(
        '{% set late = c.late() | map(attribute="name") | join(_(", ")) %}'
        "{% trans %}Reported late (counted for their period, marked): {{ late }}.{% endtrans %}"
    )
    b.tag("{%p endif %}")
    b.tag("{%p if a.feedback %}")
    b.para(
        "{% set fb = a.feedback %}{% set answered = fb.answered %}{% set within = fb.within %}"
        "{% set fdays = fb.feedback_days | spelled %}"
        "{% if answered == within %}{% trans %}Feedback was given on {{ answered }} reports this "
        "month, all within {{ fdays }} days.{% endtrans %}"
        "{% else %}{% trans %}Feedback was given on {{ answered }} reports this month, "
        "{{ within }} of them within {{ fdays }} days.{% endtrans %}{% endif %}"
        "{% if fb.unanswered %}{{ sp }}{% set nwho = fb.unanswered | length %}"
        "{% trans %}Not answered in time: {{ nwho }}.{% endtrans %}{% endif %}"
    )
    b.tag("{%p endif %}")
    b.tag("{%p if a.patrols %}")
    b.para(
        "{% set parts = [] %}{% for p in a.patrols %}"
        '{% set ignored = parts.append(_("%(name)s (%(n)s)", name=p.name, n=p.patrols)) %}'
        '{% endfor %}{% set visits = parts | join(_(", ")) %}'
        '{% set late = a.patrols | selectattr("missed") | map(attribute="name") | list %}'
        '{% set short = late[:-1] | join(_(", ")) ~ _(" and ") ~ late[-1] '
        "if late | length > 1 else late | join %}"
        "{% trans %}Cadres' site visits this month: {{ visits }}.{% endtrans %}{{ sp }}"
        '{% if short %}{% set need = a.patrols | map(attribute="expected") | max %}'
        '{% if a.patrols[0].period == "day" and a.patrols | rejectattr("working_days") | list %}'
        "{% trans %}Against the rule of going on site every duty day ({{ need }} duty days "
        "this month), {{ short }} went on site far too seldom; this is entered in the General "
        "Branch's self-review.{% endtrans %}"
        '{% elif a.patrols[0].period == "day" %}'
        "{% trans %}Against the rule of going on site every working day ({{ need }} working "
        "days this month), {{ short }} went on site far too seldom; this is entered in the "
        "General Branch's self-review.{% endtrans %}{% else %}"
        "{% trans %}Below the required number ({{ need }} this month): {{ short }}; this is "
        "entered in the General Branch's self-review.{% endtrans %}{% endif %}"
        '{% else %}{% set need = a.patrols | map(attribute="expected") | max %}'
        "{% trans %}Each met the required number ({{ need }} this month).{% endtrans %}"
        "{% endif %}"
    )
    b.tag("{%p endif %}")

    b.heading('{{ _("How quickly reports were handled") }}', 2)
    b.para(
        "{% set analysed = tl.analysed %}{% set unanalysed = tl.reports - tl.analysed %}"
        "{% set limit = tl.analyse_days %}{% set median = tl.median_days_to_analysis | days %}"
        "{% set parts = [_(\"Of the month's reports, %(analysed)s were analysed (median days "
        'taken: %(median)s)", analysed=analysed, median=median)] %}'
        '{% for rows, said in [(tl.late_analysed, "%(n)s were analysed only after the '
        '%(limit)s-day limit (%(by)s)"), (tl.late_unanalysed, "%(n)s are past the '
        '%(limit)s-day limit and still not analysed (%(by)s)")] if rows %}{% set by = [] %}'
        '{% for name, k in rows %}{% set ignored = by.append(_("%(n)s in %(unit)s", n=k, '
        "unit=name | in_text)) %}{% endfor %}{% set ignored = parts.append(_(said, n=rows | "
        'sum(attribute=1), limit=limit, by=by | join(_(", ")))) %}{% endfor %}'
        '{% if unanalysed and tl.late_unanalysed %}{% set ignored = parts.append(_("%(n)s '
        "were not yet analysed at the month's end\", n=unanalysed)) %}{% elif unanalysed %}"
        "{% set ignored = parts.append(_(\"%(n)s were not yet analysed at the month's end, "
        'none of them past the limit", n=unanalysed)) %}{% endif %}'
        '{{ parts | join(_("; ")) }}{{ _(".") }}'
    )
    b.para(
        "{% set closed = tl.closed %}{% set share = tl.closed_share | pct %}"
        "{% set cmedian = tl.median_days_to_close | days %}"
        "{% set num = closed | spelled %}{% trans count=closed %}Of all reports, one "
        "({{ share }}) was closed, in {{ cmedian }} days.{% pluralize %}Of all reports, "
        "{{ num }} ({{ share }}) were closed, in a median of {{ cmedian }} days.{% endtrans %}"
    )
    b.tag("{%p if tl.open_earlier %}")
    b.para(
        "{% set earlier = tl.open_earlier %}{% set named = [] %}"
        '{% for o in a.open_earlier %}{% set category = o.category | label("category") %}'
        "{% set day = o.date | day(year) %}{% if o.text %}"
        '{% set ignored = named.append(_("the %(category)s of %(day)s, %(what)s", category=category, day=day, what=o.text | quote)) %}'
        "{% else %}"
        '{% set ignored = named.append(_("the %(category)s report of %(day)s", category=category, day=day)) %}'
        '{% endif %}{% endfor %}{% set which = named | join(_(", ")) %}'
        "{% set more = earlier - (named | length) %}{% if more %}"
        '{% set which = which ~ _(" and %(n)s more", n=more) %}{% endif %}'
        "{% if earlier == 1 %}"
        '{{ _("Still open at the month\'s end from an earlier month: %(which)s.", which=which) }}'
        "{% else %}"
        '{{ _("Still open at the month\'s end from earlier months, %(n)s reports: %(which)s.", n=earlier, which=which) }}'
        "{% endif %}"
    )
    b.tag("{%p endif %}")
    b.para(
        "{% set pending = tl.open_actions %}{% set overdue = tl.overdue | length %}"
        "{% set day = a.as_of | day(year) %}"
        "{% trans %}On {{ day }}, {{ pending }} actions and measures were still open, "
        "{{ overdue }} of them overdue.{% endtrans %}"
    )
    b.tag("{%p if tl.overdue %}")
    b.table(
        [
            '{{ _("Action") }}',
            '{{ _("Unit") }}',
            '{{ _("Owner") }}',
            '{{ _("Due") }}',
            '{{ _("Days overdue") }}',
        ],
        "o in tl.shown_overdue",
        [
            "{{ o.action | dash }}",
            "{{ o.unit_name | dash }}",
            "{% if o.left %}{% set was = o.owner_name %}{% set day = o.left | day(year) %}"
            '{% if o.removed_from %}{% set post = o.removed_from | label("role") %}{% endif %}'
            "{% if o.successor_name and o.removed_from and o.successor_since %}"
            "{% set now = o.successor_name %}{% set since = o.successor_since | day(year) %}"
            "{% trans %}{{ now }} (took over from {{ was }} on {{ since }}){% endtrans %}"
            "{% elif o.successor_name and o.removed_from %}{% set now = o.successor_name %}"
            "{% trans %}{{ now }} (replacing {{ was }}, removed from the post of {{ post }} on "
            "{{ day }}){% endtrans %}{% elif o.successor_name %}{% set now = o.successor_name %}"
            "{% trans %}{{ now }} (in place of {{ was }}, who left on {{ day }}){% endtrans %}"
            "{% elif o.removed_from %}{% trans %}{{ was }} (removed from the post of {{ post }} on "
            "{{ day }}){% endtrans %}{% else %}{% trans %}"
            "{{ was }} (left on {{ day }}){% endtrans %}{% endif %}{% else %}"
            "{{ o.owner_name | dash }}{% endif %}",
            "{{ o.due | day(year) }}",
            "{{ o.days_overdue }}",
        ],
    )
    b.tag("{%p if tl.unlisted_overdue %}")
    b.para(
        "{% set more = tl.unlisted_overdue %}{% trans count=more %}One more overdue action, "
        "overdue fewer days, is not listed here; `barrier due` lists every one.{% pluralize %}"
        "{{ count }} more overdue actions, overdue fewer days, are not listed here; "
        "`barrier due` lists every one.{% endtrans %}"
    )
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.heading('{{ _("Key-person pairings") }}', 2)
    b.para(
        "{% set total = a.pairings.active | spelled %}{% set parts = [] %}"
        "{% for status, count in a.pairings.by_status | dictsort %}"
        '{% set ignored = parts.append((_("%(n)s still being mentored", n=count | spelled) '
        'if status == "active" else _("%(n)s basically turned around", n=count | spelled) '
        'if status == "basic" else _("%(n)s %(what)s", n=count | spelled, '
        'what=status | label("pairing_status")))) %}{% endfor %}'
        '{% set split = parts | join(_(", ")) %}'
        "{% set due_b = a.pairings.basic_due %}{% set due_f = a.pairings.full_due %}"
        "{% set late_p = a.pairings.overdue %}{% set turned = a.pairings.turned_around %}"
        "{% trans %}The register holds {{ total }} mentoring pairs: {{ split }}.{% endtrans %}"
        "{{ sp }}"
        "{% if due_b or due_f or late_p or turned %}{% trans %}Due this month: basic "
        "turnaround {{ due_b }}, full turnaround {{ due_f }}; past due: {{ late_p }}; turned "
        "around this month: {{ turned }}.{% endtrans %}"
        '{% else %}{{ _("No pairing was due this month.") }}{% endif %}'
        "{% for p in a.pairings.rows %}{% set mentor = p.mentor_name | dash %}"
        "{% set who = p.person_name | dash %}{% set start = p.start | day(year) %}"
        "{% if p.full_on %}{% set on = p.full_on | day(year) %}"
        '{% set said = _("%(mentor)s mentors %(who)s: paired on %(start)s, fully turned around '
        'on %(on)s", mentor=mentor, who=who, start=start, on=on) %}'
        "{% elif p.basic_on %}{% set on = p.basic_on | day(year) %}"
        "{% set due = p.full_due | day(year) %}"
        '{% set said = _("%(mentor)s mentors %(who)s: basically turned around on %(on)s, full '
        'turnaround to be checked by %(due)s", mentor=mentor, who=who, on=on, due=due) %}'
        "{% else %}{% set due = p.basic_due | day(year) %}"
        '{% set said = _("%(mentor)s mentors %(who)s: paired on %(start)s, basic turnaround to '
        'be checked by %(due)s", mentor=mentor, who=who, start=start, due=due) %}{% endif %}'
        '{{ sp if loop.first }}{{ said }}{{ _("; ") if not loop.last else _(".") }}{% endfor %}'
    )
    reached = (
        '{{{{ p.{m}_due | day(year) }}}}{{% if p.{m}_on %}}{{{{ _(" (%(what)s reached on '
        '%(on)s)", what="{m}" | label("milestone"), on=p.{m}_on | day(year)) }}}}{{% endif %}}'
    )
    b.tag("{%p if a.pairings.rows %}")
    b.table(
        [
            '{{ _("Key person") }}',
            '{{ _("Mentor") }}',
            '{{ _("Start") }}',
            '{{ _("Basic due") }}',
            '{{ _("Full due") }}',
            '{{ _("Status") }}',
        ],
        "p in a.pairings.rows",
        [
            "{{ p.person_name | dash }}",
            "{{ p.mentor_name | dash }}",
            "{{ p.start | day(year) }}",
            reached.format(m="basic"),
            reached.format(m="full"),
            '{{ _("being mentored") if p.status == "active" else _("basically turned around") '
            'if p.status == "basic" else p.status | label("pairing_status") }}'
            '{% for m in p.overdue %}{{ _(", ") }}'
            '{{ m | label("milestone") }}{{ _(" overdue") }}{% endfor %}',
        ],
    )
    b.tag("{%p endif %}")

    b.heading('{{ _("2. Main problems") }}', 1)
    b.tag("{%p for p in a.problems %}")
    b.rich(
        (
            '{% set element = p.element | label("element") %}{% set count = p.reports %}'
            "{% set share = p.share | pct %}{% set cats = [] %}{% for k in p.categories %}"
            '{% set ignored = cats.append(_("%(what)s %(n)s", what=k.key | label("category"), '
            'n=k.count)) %}{% endfor %}{% set kinds = cats | join(_(", ")) %}'
            '{% set heading = element if lang == "zh" else element | capitalize %}'
            "{{ loop.index | enum }}{{ sp }}{% trans element=heading %}{{ element }}{% endtrans %}"
            '{{ _(".") }}',
            True,
        ),
        (
            "{{ sp }}{% if count %}{% trans %}Of all reports, {{ count }} ({{ share }}) concerned "
            "{{ element }}: {{ kinds }}.{% endtrans %}{% endif %}"
            '{% if p.element == "personnel" and a.repeat_violators %}'
            "{% set k = a.repeat_violators | length | spelled %}"
            '{% set who = a.repeat_violators | map(attribute="name") | join(_(", ")) %}{{ sp }}'
            "{% trans %}In the last three months, {{ k }} people broke the rules repeatedly: "
            "{{ who }}.{% endtrans %}{% endif %}"
            '{% if p.element == "management" and (tl.overdue or tl.late_analysis) %}'
            "{% set o = tl.overdue | length | spelled %}{% set l = tl.late_analysis | length | spelled %}{{ sp }}"
            "{% trans %}In all, {{ o }} actions are past their due day and {{ l }} reports were analysed "
            "late.{% endtrans %}{% endif %}",
            False,
        ),
    )
    b.tag("{%p if p.showing %}")
    b.para('{{ _("What it shows:") }}')
    b.tag("{%p for s in p.showing %}")
    b.para(
        "{% set items = [] %}{% for x in s.problems %}"
        "{% if x.units %}{% set at = [] %}{% for u in x.units %}"
        '{% set ignored = at.append(_("%(n)s at %(where)s", n=x.counts[loop.index0], where=u) '
        "if x.counts | max > 1 else u) %}{% endfor %}"
        '{% set where = at | join(_(", ")) %}{% set ignored = items.append(_("%(text)s '
        '(%(where)s)", text=x.text, where=where) if s.problems | length == 1 else '
        '_("%(text)s, %(n)s (%(where)s)", text=x.text, n=x.count, where=where)) %}{% else %}'
        "{% set ignored = items.append(x.text if s.problems | length == 1 else "
        '_("%(text)s, %(n)s", text=x.text, n=x.count)) %}'
        "{% endif %}{% endfor %}"
        '{% set category = s.category | label("category") if lang == "zh" else '
        's.category | label("category") | capitalize %}{% set n = s.count %}'
        '{% set listed = items | join(_("; ")) %}'
        "{% trans %}{{ category }} ({{ n }}): {{ listed }}.{% endtrans %}"
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p if p.incidents %}")
    b.para(
        "{% if p.incidents | length == 1 %}{% set i = p.incidents[0] %}"
        "{% set kind = kind_of(i) %}{% set date = i.date | day(year) %}"
        "{% set what = i.subject %}{% set team = i.team | dash %}{% trans %}The "
        "{{ kind }} of {{ date }} ({{ what }}, {{ team }}) is also a {{ element }}"
        " problem; see part 3.{% endtrans %}{% else %}{% set named = [] %}"
        "{% for i in p.incidents %}"
        '{% set ignored = named.append(_("the %(kind)s of %(date)s (%(what)s, %(team)s)", kind=kind_of(i), date=i.date | day(year), what=i.subject, team=i.team | dash)) %}'
        '{% endfor %}{% set cases = named | join(_(", ")) %}{% trans %}Also {{ element }}'
        " problems: {{ cases }}; see part 3.{% endtrans %}{% endif %}"
    )
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.para('{{ _("The month\'s records show no problem of note.") }}')
    b.tag("{%p endfor %}")

    b.tag("{%p if a.answers %}")
    b.para('{{ _("What was done with the suggestions:") }}')
    b.tag("{%p for x in a.answers %}")
    b.para(
        "{% set text = (x.text[:1] | upper) ~ x.text[1:] %}{% set n = x.count %}"
        "{% set action = (x.action[:1] | lower) ~ x.action[1:] %}"
        "{% set who = x.owner_name %}{% set unit = x.unit_name %}"
        "{% if x.adopted and x.done and who %}{% set on = x.done | day(year) %}"
        "{% trans %}{{ text }} ({{ n }}): adopted; {{ who }} ({{ unit }}) carried out "
        "“{{ action }}” on {{ on }}.{% endtrans %}{% elif x.adopted and x.action and x.due and who %}"
        "{% set due = x.due | day(year) %}{% trans %}{{ text }} ({{ n }}): adopted; {{ who }} "
        "({{ unit }}) is to {{ action }} by {{ due }}.{% endtrans %}{% elif x.done and who %}"
        "{% set on = x.done | day(year) %}{% trans %}{{ text }} ({{ n }}): {{ who }} ({{ unit }}) "
        "carried out “{{ action }}” on {{ on }}.{% endtrans %}{% elif x.action and x.due and who %}"
        "{% set due = x.due | day(year) %}{% trans %}{{ text }} ({{ n }}): {{ who }} ({{ unit }}) is "
        "to {{ action }} by {{ due }}.{% endtrans %}{% elif x.done %}"
        "{% set on = x.done | day(year) %}{% trans %}{{ text }} ({{ n }}): {{ action }}, done on "
        "{{ on }}.{% endtrans %}{% elif x.action and x.due %}{% set due = x.due | day(year) %}"
        "{% trans %}{{ text }} ({{ n }}): {{ action }}, due by {{ due }}.{% endtrans %}{% else %}"
        "{% trans %}{{ text }} ({{ n }}): not yet answered.{% endtrans %}{% endif %}"
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.heading('{{ _("3. Typical cases") }}', 1)
    # a case told below is said there, once: its row points to it (set in a paragraph of
    # text, as a {%p} tag cannot hold the braces of a dict)
    b.para(
        "{% set told = {} %}{% for s in a.studies %}"
        "{% set ignored = told.update({s.case.id: loop.index}) %}{% endfor %}"
        "{% trans %}A case is closed only when the “three nots” are met: the problem has been "
        "established, its causes found and specific corrective measures carried out."
        "{% endtrans %}"
    )
    case_header = [
        '{{ _("Date") }}',
        '{{ _("What") }}',
        '{{ _("Kind") }}',
        '{{ _("Unit") }}',
        '{{ _("People") }}',
        '{{ _("Status") }}',
        '{{ _("Three nots") }}',
    ]
    case_cells = [
        "{{ i.date | day(year) }}",
        "{{ i.subject | dash }}",
        "{{ kind_of(i) }}",
        "{{ (i.unit_name or i.team) | dash }}",
        '{{ i.persons | join(_(", ")) | dash }}',
        '{{ _("being corrected") if i.status == "rectifying" else '
        'i.status | label("incident_status") }}'
        "{% if i.closed %} {{ i.closed | day(year) }}{% endif %}",
        '{% if i.complete %}{{ _("complete") }}{% elif i.id in told %}'
        "{% set n = told[i.id] | enum %}{% trans %}open (see {{ n }}){% endtrans %}"
        '{% else %}{{ ((["measures not done" | label("closure_gap")] if "measures not done" '
        'in i.gaps else []) + ([_("missing: %(what)s", what=i.lacking | join(_("; ")))] '
        'if i.lacking else [])) | join(_("; ")) }}{% endif %}',
    ]
    b.tag("{%p if a.incidents %}")
    b.table(case_header, "i in a.incidents", case_cells)
    b.tag("{%p else %}")
    b.para(
        '{% set unstudied = a.near_miss_repeats | rejectattr("studied") | list %}{% if unstudied %}{{ _("No accident or serious violation was registered as a case this month.") }}{% for rep in unstudied %}{% set places = [] %}{% for r in rep.reports %}{% set ignored = places.append(_("%(unit)s on %(date)s", date=r.date | day(year), unit=r.unit_name | in_text)) %}{% endfor %}{% set where = places | join(_(", ")) %}{% set what = (rep.text[:1] | lower) ~ rep.text[1:] %}{% set who = rep.branches | map("in_text") | join(_(" and ")) %}{{ sp }}{% trans count=rep.reports | length %}The near miss at {{ where }} ({{ what }}) was not analysed as a typical case (see part 1); {{ who }} are to analyse it.{% pluralize %}The near misses at {{ where }} ({{ what }}) were not analysed as typical cases (see part 1); {{ who }} are to analyse them.{% endtrans %}{% endfor %}{% else %}{{ _("No accident, near miss or violation was registered as a case this month.") }}{% endif %}'
    )
    b.tag("{%p endif %}")
    b.tag("{%p if a.earlier_open %}")
    b.para('{{ _("Earlier cases not yet closed:") }}')
    b.table(case_header, "i in a.earlier_open", case_cells)
    b.tag("{%p endif %}")

    b.tag("{%p for s in a.studies %}")
    b.tag("{%p set i = s.case %}")
    b.heading("{{ loop.index | enum }}{{ sp }}{{ case_heading(i) }}", 2)
    b.para(
        "{% set date = i.date | day(year) %}{% set team = i.team | dash %}"
        "{% set kind = kind_of(i) %}{% set day_of = a.as_of | day(year) %}"
        "{% if s.description %}{% set what = s.description %}"
        "{% trans %}On {{ date }}, {{ what }}{% endtrans %}"
        "{% else %}{% trans %}On {{ date }}, {{ team }} had a {{ kind }}.{% endtrans %}{% endif %}"
        "{% if i.date < a.month.first %}{{ sp }}"
        "{% trans %}It was still not closed on {{ day_of }}.{% endtrans %}{% endif %}"
        "{% if s.repeats %}{% set days = [] %}{% set again = [] %}{% for r in s.repeats %}"
        "{% set ignored = days.append(r.date | day(year)) %}"
        # Word's quotation marks inside a tag are made straight: the quoted words are set
        # outside one
        "{% set violation = r.text %}{% set said %}{% trans %}“{{ violation }}”{% endtrans %}"
        "{% endset %}{% set ignored = again.append(said) %}{% endfor %}"
        "{% set who = i.persons | first %}"
        '{% set when = days | join(_(" and ")) %}{% set what = again | join(_(" and ")) %}{{ sp }}'
        "{% trans count=s.repeats | length %}On {{ when }} {{ who }} broke the rules again, in a "
        "violation recorded as {{ what }}, which shows that the measures taken after the case "
        "have not yet taken hold.{% pluralize %}On {{ when }} {{ who }} broke the rules again, "
        "in violations recorded as {{ what }}, which shows that the measures taken after the "
        "case have not yet taken hold.{% endtrans %}{% endif %}"
    )
    b.tag("{%p if s.timeline %}")
    b.rich(('{{ _("What happened") }}', True))
    b.tag("{%p for step in s.timeline %}")
    b.para(
        '{{ _("%(at)s — %(event)s.", at=step.at | moment(year), event=step.event.rstrip("。.")) }}'
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.rich(
        ('{{ _("Causes at the three levels") }}', True),
        (
            '{{ _(": ") }}{% if s.meeting and not s.attended %}'
            "{% set held = s.meeting_date | day(year) %}{% set branch = s.branch_name | in_text %}"
            "{% trans %}{{ branch }} discussed the case on {{ held }} but kept no attendance "
            "record, so this does not count as a committee analysis; the branch committee must "
            "meet again.{% endtrans %}"
            "{% elif s.meeting %}{% set held = s.meeting_date | day(year) %}"
            "{% set branch = s.branch_name | in_text %}{% set due = s.case.analysis_due %}"
            "{% if due and s.meeting_date > due %}{% set late = (s.meeting_date - due).days %}"
            "{% set num = late | spelled %}{% set due = due | day(year) %}{% trans count=late %}"
            "{{ branch }} committee analysed the case on {{ held }}, {{ num }} day after the "
            "deadline of {{ due }}.{% pluralize %}{{ branch }} committee analysed the case on "
            "{{ held }}, {{ num }} days after the deadline of {{ due }}.{% endtrans %}"
            "{% else %}{% trans %}{{ branch }} committee analysed the case on {{ held }}."
            "{% endtrans %}{% endif %}"
            '{% else %}{{ _("no branch committee meeting has analysed it yet; one must be '
            'held.") }}{% endif %}',
            False,
        ),
    )
    b.tag('{%p for level in ["general_branch", "branch", "member"] %}')
    b.para(
        '{% if s.levels.get(level) %}{{ level | label("level_of_analysis") }}{{ _(": ") }}'
        "{{ s.levels.get(level) }}{% else %}{% set by = s.supplement_by | day(year) %}"
        '{% if level == "general_branch" %}{% trans %}General Branch level: not yet analysed; '
        "the General Branch committee will meet by {{ by }} to do so."
        '{% endtrans %}{% elif level == "branch" %}{% trans %}Not yet analysed at the branch '
        "level: the branch committee is to meet by {{ by }} and analyse it.{% endtrans %}"
        "{% else %}{% trans %}Not yet analysed at the member level: the branch committee is "
        "to meet by {{ by }} and analyse it.{% endtrans %}{% endif %}{% endif %}"
    )
    b.tag("{%p endfor %}")
    b.tag("{%p if s.chain %}")
    b.para('{{ _("Passing responsibility down") }}{{ _(": ") }}{{ s.chain }}')
    b.tag("{%p endif %}")
    b.tag("{%p if s.effect %}")
    b.para('{{ _("Effect of earlier measures") }}{{ _(": ") }}{{ s.effect }}')
    b.tag("{%p endif %}")
    b.tag("{%p for m in s.mentors_at_fault %}")
    b.para('{{ _("Mentoring") }}{{ _(": ") }}{{ mentor_kept(m) }}')
    b.tag("{%p endfor %}")
    b.tag("{%p set said = s.levels.values() | list %}")
    b.tag('{%p set own = s.causes | rejectattr("text", "in", said) | list %}')
    b.tag("{%p if own %}")
    b.rich(
        (
            "{% set sentences = [] %}"
            '{% for element in ["personnel", "equipment", "management"] %}{% set texts = [] %}'
            "{% set doers = s.case.persons %}"
            '{% for c in own | selectattr("element", "equalto", element) %}'
            '{% if c.kind == "objective" %}{% set ignored = texts.append(_("%(text)s '
            '(objective)", text=c.text.rstrip("。."))) %}{% else %}'
            '{% set text = c.text.rstrip("。.") %}{% if element == "personnel" and doers | length '
            '== 1 and doers[0] not in text %}{% set text = _("%(who)s showed %(text)s", '
            "who=doers[0], text=text) %}{% endif %}{% set ignored = "
            'texts.append(_("%(text)s (subjective)", text=text)) %}{% endif %}'
            '{% endfor %}{% if texts %}{% set side = element | label("element") %}'
            '{% set ignored = sentences.append(_("On the %(side)s side, %(these)s", '
            "side=side, "
            'these=texts | join(_("; ")))) %}{% endif %}{% endfor %}{{ _("Causes") }}',
            True,
        ),
        ('{{ _(": ") }}{{ sentences | join(_(". ")) }}{{ _(".") }}', False),
    )
    b.tag("{%p endif %}")
    b.rich(
        ('{{ _("Accountability") }}', True),
        (
            '{{ _(": ") }}{% set removed = s.accountability | selectattr("post") | list %}'
            '{% set rest = s.accountability | rejectattr("post") | list %}'
            '{% for day, hs in removed | groupby("date") %}{% set named = [] %}'
            '{% for h in hs %}{% set post = h.post | label("role") %}'
            '{% if h.role == "overseer" %}{% set ignored = named.append(_("%(post)s %(name)s '
            '(responsible for oversight)", post=post, name=h.name)) %}'
            '{% elif h.role == "doer" %}{% set ignored = named.append(_("%(post)s %(name)s '
            '(directly responsible)", post=post, name=h.name)) %}'
            '{% else %}{% set ignored = named.append(_("%(post)s %(name)s", post=post, '
            "name=h.name)) %}{% endif %}{% endfor %}"
            '{% set who = named[0] if named | length == 1 else named[:-1] | join(_(", ")) '
            '~ _(" and ") ~ named[-1] %}{% set when = day | day(year) %}'
            "{% if named | length == 1 %}{% trans %}on {{ when }} {{ who }} was removed from "
            "post{% endtrans %}{% else %}{% trans %}on {{ when }} {{ who }} were removed from "
            "their posts{% endtrans %}{% endif %}"
            '{{ _("; ") if not loop.last or rest else _(".") }}{% endfor %}'
            "{% for h in rest %}{% set who = h.name %}"
            '{% if h.role == "overseer" %}{% set who = _("%(name)s (responsible for '
            'oversight)", name=h.name) %}{% elif h.role == "doer" %}{% set who = _("%(name)s '
            '(directly responsible)", name=h.name) %}{% endif %}'
            '{% set what = (h.detail or h.action | label("accountability_action")) '
            'if lang == "zh" else {"replaced": _("removed from post"), "deducted": '
            '_("penalised under the workshop\'s violation rules")}.get(h.action) '
            'or h.action | label("accountability_action") %}'
            "{% set when = h.date | day(year) %}"
            "{% trans %}on {{ when }}, {{ who }} was {{ what }}{% endtrans %}"
            '{{ _("; ") if not loop.last else _(".") }}{% else %}'
            "{% if not s.units_held and not removed %}"
            '{{ _("none yet.") }}{% endif %}{% endfor %}{% for u in s.units_held %}'
            "{% if s.accountability or not loop.first %}{{ sp }}{% endif %}{{ unit_held(u) }}"
            "{% endfor %}",
            False,
        ),
    )
    b.tag("{%p if s.handover or i.typical %}")
    b.para(
        "{% if s.handover %}{% set level = s.handover %}"
        "{% set when = s.handover_date | day(year) %}"
        "{% set branch = s.branch_name | in_text %}{% set branch = branch[:1] | upper ~ "
        "branch[1:] %}{% trans %}{{ branch }} reported the case to {{ level }} on {{ when }} "
        "(safety handover).{% endtrans %}"
        '{% else %}{{ _("Not yet handed over.") }}{% endif %}'
    )
    b.tag("{%p endif %}")
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
    b.rich(
        (
            "{% set n_all = s.measures | length %}"
            '{% set n_done = s.measures | selectattr("state", "in", ["done", "late"]) | list '
            "| length %}"
            '{% set other = i.lacking | join(_("; ")) %}{{ _("Three nots") }}',
            True,
        ),
        (
            '{{ _(": ") }}{% if i.complete %}{{ _("complete") }}{{ _(".") }}{% else %}'
            "{% if n_all %}{% set n_done = n_done | spelled %}{% set n_all = n_all | spelled %}"
            "{% trans %}{{ n_done }} of {{ n_all }} measures done; {% endtrans %}"
            "{% endif %}{% if other %}{% trans %}not yet closed. Still missing: {{ other }}."
            '{% endtrans %}{% else %}{{ _("not yet closed.") }}{% endif %}{% endif %}',
            False,
        ),
    )
    b.tag("{%p endfor %}")

    b.heading('{{ _("4. Progress on last month\'s priorities") }}', 1)
    b.tag(
        '{%p set pm = a.month.shift(-1).month if lang == "zh" else ["January", "February", '
        '"March", "April", "May", "June", "July", "August", "September", "October", '
        '"November", "December"][a.month.shift(-1).month - 1] %}'
    )
    b.tag(
        '{%p set nm = a.month.shift(1).month if lang == "zh" else ["January", "February", '
        '"March", "April", "May", "June", "July", "August", "September", "October", '
        '"November", "December"][a.month.shift(1).month - 1] %}'
    )
    b.tag("{%p if not a.followed_known %}")
    b.para(
        "{% if a.priorities_missed %}{% trans %}The meeting on {{ pm }}'s analysis set no safety "
        "priorities for this month: a lapse of the General Branch, entered in its "
        "self-inspection.{% endtrans %}{% else %}"
        "{% trans %}The meeting on {{ pm }}'s analysis set no safety priorities for this month."
        "{% endtrans %}{% endif %}"
    )
    b.tag("{%p elif a.followed %}")
    b.para(
        '{% set f_done = a.followed | selectattr("state", "equalto", "done") | list | length %}'
        '{% set f_late = a.followed | selectattr("state", "equalto", "late") | list | length %}'
        '{% set f_over = a.followed | selectattr("state", "equalto", "overdue") '
        '| rejectattr("partly") | list | length %}'
        '{% set f_open = a.followed | selectattr("state", "equalto", "open") '
        '| rejectattr("partly") | list | length %}'
        '{% set f_part = a.followed | selectattr("partly") | list | length %}'
        "{% set f_all = a.followed | length %}"
        "{% set parts = [] %}{% if f_done %}"
        '{% set ignored = parts.append(_("%(n)s done on time", n=f_done | spelled)) %}{% endif %}'
        '{% if f_late %}{% set ignored = parts.append(_("%(n)s done late", n=f_late | spelled)) %}'
        '{% endif %}{% if f_part %}{% set ignored = parts.append(_("%(n)s partly done", '
        "n=f_part | spelled)) %}{% endif %}"
        '{% if f_open %}{% set ignored = parts.append(_("%(n)s under way", '
        'n=f_open | spelled)) %}{% endif %}{% if f_over %}{% set ignored = parts.append(_("%(n)s '
        'not done by the deadline", n=f_over | spelled)) %}{% endif %}'
        '{% set states = parts | join(_(", ")) %}{% set f_all = f_all | spelled %}'
        "{% if a.followed_adopted %}{% set on = a.followed_adopted | day(year) %}"
        "{% trans %}The safety analysis meeting of {{ on }} set {{ f_all }} priorities for "
        "{{ mname }}: {{ states }}.{% endtrans %}{% else %}"
        "{% trans %}The meeting on {{ pm }}'s analysis set {{ f_all }} safety priorities for "
        "this month: {{ states }}.{% endtrans %}{% endif %}"
    )
    b.table(
        [
            '{{ _("Priority") }}',
            '{{ _("Responsible unit") }}',
            '{{ _("Responsible person") }}',
            '{{ _("Deadline") }}',
            '{{ _("State") }}',
            '{{ _("Evidence of completion") }}',
        ],
        "f in a.followed",
        [
            "{{ f.content }}",
            "{{ f.unit_name | dash }}",
            "{{ f.owner_name | dash }}",
            "{{ f.due | day(year) }}",
            '{% if f.pending and f.done %}{% set what = f.pending | join(_("; ")) %}'
            "{% set until = f.pending_due | day(year) %}{% set on = f.done | day(year) %}"
            "{% if f.paired %}{% set mentor = f.paired[0] %}{% set person = f.paired[1] %}"
            "{% if f.done <= f.due %}{% trans %}partly done: {{ mentor }} paired with "
            "{{ person }} on {{ on }} (on time); “{{ what }}” (due {{ until }}) still under way"
            "{% endtrans %}{% else %}{% trans %}partly done: {{ mentor }} paired with "
            "{{ person }} on {{ on }} (late); “{{ what }}” (due {{ until }}) still under way"
            "{% endtrans %}{% endif %}"
            "{% elif f.done <= f.due %}{% trans %}partly done: carried out on time on {{ on }}; "
            "“{{ what }}” (due {{ until }}) still under way{% endtrans %}{% else %}{% trans %}"
            "partly done: carried out late on {{ on }}; “{{ what }}” (due {{ until }}) still "
            "under way{% endtrans %}"
            "{% endif %}{% else %}"
            '{{ f.state | label("progress") }}{% if f.pending %}'
            '{% set what = f.pending | join(_("; ")) %}{% set until = f.pending_due | day(year) %}'
            '{{ _(": ") }}{% trans %}“{{ what }}” runs to {{ until }}{% endtrans %}'
            '{% elif f.done %}{{ _(" (%(on)s)", on=f.done | day(year)) }}{% endif %}'
            '{% if f.judged is not none %}{% set cat = f.category | label("category") %}'
            "{% set n = f.judged | spelled %}{% if f.rising %}"
            '{% set what = (f.rising[:-1] | join(_(", ")) ~ _(" and ") ~ f.rising[-1]) if f.rising | length > 1 else f.rising | join %}{% if f.turned_into %}'
            '{% set items = (f.turned_into[:-1] | join(_(", ")) ~ _(" and ") ~ f.turned_into[-1] | string) if f.turned_into | length > 1 else f.turned_into | join %}{% trans %}, but with no clear effect: there '
            "were {{ n }} {{ cat }} reports this month, and reports of {{ what }} are on the rise. "
            "For {{ nm }} it is replaced by targeted priorities on them (part 6, items {{ items }})"
            "{% endtrans %}{% else %}{% trans %}, but with no clear effect: there were {{ n }} "
            "{{ cat }} reports this month, and reports of {{ what }} are on the rise. It stays a "
            "priority for {{ nm }}{% endtrans %}{% endif %}{% else %}{% trans %}, but with no clear "
            "effect: there were {{ n }} {{ cat }} reports this month, no fewer than the month "
            "before. It stays a priority for {{ nm }}"
            "{% endtrans %}{% endif %}{% endif %}{% endif %}",
            '{{ f.evidence | join(_("; ")) | dash }}',
        ],
    )
    b.tag('{%p if a.followed | selectattr("unfinished") | list %}')
    b.para(
        '{% set left = a.followed | selectattr("unfinished") | list | length | spelled %}'
        "{% trans %}The {{ left }} not yet finished carry over into next month's priorities "
        "(part 6).{% endtrans %}"
    )
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.heading('{{ _("5. Weak links") }}', 1)
    b.tag("{%p if a.weak_links %}")
    b.para('{{ _("Each report is counted once, under the weak link it chiefly concerns.") }}')
    b.table(
        [
            '{{ _("Rank") }}',
            '{{ _("Element") }}',
            '{{ _("Category") }}',
            '{{ _("Key (of the five)") }}',
            '{{ _("Place or problem") }}',
            '{{ _("Reports") }}',
            '{{ _("Risk-weighted") }}',
            '{{ _("Against the three months before") }}',
        ],
        "w in a.weak_links[:10]",
        [
            "{{ w.rank }}",
            '{{ w.element | label("element") }}',
            '{{ w.category | label("category") }}',
            '{{ w.key | label("key") if w.key else "" }}',
            '{% if w.problem and w.places and w.element == "equipment" %}'
            '{{ _("%(what)s (%(places)s)", what=w.problem, '
            'places=w.places | join(_(", "))) }}{% elif w.problem %}{{ w.problem }}'
            '{% elif w.shows %}{{ w.shows | join(_(", ")) }}'
            "{% else %}{{ w.location | dash }}{% endif %}",
            "{{ w.count }}{% if w.recent > w.count %}"
            '{{ _(" (%(n)s in the last three months)", n=w.recent) }}{% endif %}',
            "{{ w.weighted }}",
            "{{ w.growth | delta }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("The month\'s reports point to no weak link.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("6. Priorities for next month (proposed)") }}', 1)
    b.tag(
        '{%p set nm = a.month.shift(1).month if lang == "zh" else ["January", "February", '
        '"March", "April", "May", "June", "July", "August", "September", "October", '
        '"November", "December"][a.month.shift(1).month - 1] %}'
    )
    b.tag("{%p for p in a.proposed %}")
    b.rich(("{{ loop.index }}. ", False), ("{{ p.content }}", True))
    b.tag("{%p if p.carried %}")
    b.para(
        '{% if p.carried == "overdue" %}{% trans %}Carried over: a priority for {{ mname }}, '
        "not done by its deadline.{% endtrans %}{% else %}{% trans %}Carried over: a priority "
        "for {{ mname }}, still under way.{% endtrans %}{% endif %}"
        "{% if p.reason %}{{ sp }}{{ p.reason }}{% endif %}",
        indent_chars=4,
    )
    b.tag("{%p endif %}")
    b.para(
        '{{ _("Measures:") }}{{ sp }}{{ p.measures | join(_(". ")) }}{{ _(".") }}',
        indent_chars=4,
    )
    b.para(
        '{{ _("Responsible unit:") }}{{ sp }}{{ p.unit_name | dash }}{{ _("; ") }}'
        '{{ _("responsible person:") }}{{ sp }}{{ p.owner_name | dash }}'
        "{% if p.urger_name %}{% set urger = p.urger_name %}{% trans %} (organising it), urged "
        "on by committee member {{ urger }}{% endtrans %}{% endif %}{% if p.supervisor_name %}"
        "{% set head = p.supervisor_name %}{% if head in a.general_secretaries %}{% trans %}, "
        "supervised by General Branch secretary {{ head }}{% endtrans %}{% else %}{% trans %}, "
        "supervised by {{ head }} (General Branch){% endtrans %}{% endif %}{% if p.partner_names %}"
        '{{ _(", who takes it up with %(partners)s", partners=(p.partner_names[:-1] | join(_(", ")) ~ _(" and ") ~ p.partner_names[-1]) if p.partner_names | length > 1 else p.partner_names | join(_(", "))) }}'
        '{% endif %}{% endif %}{{ _("; ") }}'
        '{{ _("deadline:") }}{{ sp }}{% if p.daily %}'
        "{% set end = a.month.shift(1).last | day(year) %}"
        '{{ _("%(end)s (every shift, checked at the end of the month)", end=end) }}'
        "{% else %}{{ p.deadline | day(year) }}{% endif %}",
        indent_chars=4,
    )
    b.para(
        '{{ _("Based on:") }}{{ sp }}'
        '{% set ncase = p.basis | map("first") | select("equalto", "I") | list | length %}'
        "{% set nrep = (p.basis | length) - ncase %}"
        "{% if ncase %}{% trans %}the typical case (see part 3){% endtrans %}"
        '{% if nrep %}{{ _(", ") }}{% endif %}{% endif %}'
        "{% if nrep and p.based %}{{ p.based }}"
        '{% elif nrep and p.category %}{% set cat = p.category | label("category") %}'
        "{% trans count=nrep %}{{ count }} {{ cat }} report this month"
        "{% pluralize %}{{ count }} {{ cat }} reports this month{% endtrans %}"
        "{% elif nrep %}{% trans count=nrep %}{{ count }} related report this month"
        "{% pluralize %}{{ count }} related reports this month{% endtrans %}{% endif %}",
        indent_chars=4,
    )
    b.tag("{%p else %}")
    b.para('{{ _("None proposed.") }}')
    b.tag("{%p endfor %}")

    b.heading('{{ _("7. Assessment and ranking") }}', 1)
    b.tag("{%p if a.scores %}")
    b.tag("{%p set sc = a.scores %}")
    # Items still to enter make the branch scores a first assessment, and a quarter not yet
    # over makes the member ranking interim: neither names a tail until it is final.
    b.tag('{%p set draft = sc.branches | selectattr("unentered") | list %}')
    b.tag("{%p set running = a.as_of < a.month.quarter.last %}")
    b.heading(
        "{% if draft %}{% trans %}Branch scores for {{ mname }} {{ year }} (first assessment)"
        "{% endtrans %}{% else %}{% trans %}Branch scores for {{ mname }} {{ year }}"
        "{% endtrans %}{% endif %}",
        2,
    )
    branch_header = [
        '{{ _("Rank") }}',
        '{{ _("Branch") }}',
        '{{ _("Score") }}',
        '{{ _("Out of") }}',
        '{{ _("Items not yet entered") }}',
    ]
    branch_cells = [
        "{{ x.rank }}",
        "{{ x.name | dash }}",
        "{{ x.total | num }}",
        "{{ x.max | num }}",
        "{{ x.unentered }}",
    ]
    tail = '{% if {x}.lowest %}{{ _("tail") }}{% endif %}'
    b.tag("{%p if draft %}")
    b.table(
        [
            *branch_header[1:3],
            '{% set bases = sc.branches | map(attribute="scored") | unique | list %}'
            "{% if bases | length == 1 %}{% set k = bases[0] %}{% trans %}Out of ({{ k }} items "
            'scored){% endtrans %}{% else %}{{ _("Out of") }}{% endif %}',
            *branch_header[4:],
        ],
        "x in sc.listed",
        branch_cells[1:],
    )
    b.para(
        '{% set missing = sc.branches | sum(attribute="unentered") %}'
        '{% if sc.branches | map(attribute="unentered") | unique | list | length == 1 %}'
        "{% set missing = draft[0].unentered | spelled %}{% trans %}Each branch still has "
        "{{ missing }} "
        "items not entered; these are provisional scores; ranks and the lowest-ranked branch "
        "will be set when every item is in.{% endtrans %}{% else %}{% trans %}The branches still "
        "have {{ missing }} items not entered between them; these are provisional scores; ranks "
        "and the lowest-ranked branch will be set when every item is in.{% endtrans %}{% endif %}"
    )
    b.tag("{%p else %}")
    b.table(
        [*branch_header, '{{ _("Tail") }}'],
        "x in sc.branches",
        [*branch_cells, tail.replace("{x}", "x")],
    )
    b.tag("{%p endif %}")
    b.tag("{%p set qn = sc.quarter[-1] | cnum %}")
    b.heading(
        "{% if running %}{% set day_of = a.as_of | day(0) %}{% trans %}Party members ranked "
        "within their branch, Q{{ qn }} {{ year }} so far (as of {{ day_of }}){% endtrans %}"
        '{% else %}{% set quarter = _("%(year)s Q%(q)s", year=sc.quarter[:4], q=qn) %}'
        "{% trans %}Party members ranked within their branch, {{ quarter }}{% endtrans %}"
        "{% endif %}",
        2,
    )
    member_header = [
        '{{ _("Branch") }}',
        '{{ _("Rank") }}',
        '{{ _("Member") }}',
        '{{ _("Score") }}',
    ]
    member_cells = [
        "{{ m.branch_name | dash }}",
        "{{ m.rank }}",
        "{{ m.name | dash }}",
        "{{ m.total | num }}",
    ]
    # a member who came within the quarter is not ranked: no row, so no score read as a rank
    members = 'm in sc.members | rejectattr("cadre") | rejectattr("since")'
    b.tag("{%p if running %}")
    b.table(member_header, members, member_cells)
    b.tag("{%p else %}")
    b.table([*member_header, '{{ _("Tail") }}'], members, [*member_cells, tail.replace("{x}", "m")])
    b.tag("{%p endif %}")
    b.para(
        '{% set cadres = sc.members | selectattr("cadre") | map(attribute="name") '
        '| join(_(", ")) %}{% set late = [] %}'
        '{% for m in sc.members | rejectattr("cadre") | selectattr("since") %}'
        '{% set ignored = late.append(_("%(name)s took up the post on %(day)s", name=m.name, '
        "day=m.since | day(year))) %}{% endfor %}"
        '{% if late %}{% set came = late | join(_(", ")) %}{% set lead %}{% trans count=late | length %}'
        "{{ came }} and is not ranked this quarter.{% pluralize %}{{ came }}; they are not "
        "ranked this quarter.{% endtrans %}{% endset %}"
        '{% else %}{% set lead = "" %}{% endif %}'
        "{% if cadres %}{% trans %}The workshop cadres ({{ cadres }}) are assessed as cadres and "
        "not ranked with the branch members.{% endtrans %}{{ sp }}{% endif %}"
        "{% if lead %}{{ lead }}{{ sp }}{% endif %}"
        '{% if running %}{{ _("The ranking is interim; the lowest-ranked members are named and '
        "their analysis meeting held when the quarter's ranking is final.\") }}"
        '{% elif sc.tail %}{% set tail = sc.tail | rejectattr("cadre") | map(attribute="name") '
        '| join(_(", ")) %}{% trans %}A meeting of the lowest-ranked members is to be held; '
        "attending: {{ tail }}.{% endtrans %}{% endif %}"
    )
    b.tag("{%p if sc.failed %}")
    b.para(
        "{% set n = sc.failed | length %}{% set failed_n = n | spelled(capital=True) %}"
        "{% trans count=n %}One member failed the post rating "
        "in {{ mname }}:{% pluralize %}{{ failed_n }} members failed the post rating in "
        "{{ mname }}:{% endtrans %}"
    )
    b.table(
        ['{{ _("Branch") }}', '{{ _("Member") }}', '{{ _("Why") }}'],
        "m in sc.failed",
        [
            "{{ m.branch_name | dash }}",
            "{{ m.name | dash }}",
            '{% for g in m.grounds %}{{ g }}{{ _("; ") if not loop.last }}{% else %}—{% endfor %}',
        ],
    )
    b.tag("{%p endif %}")
    b.tag("{%p elif a.assessments %}")
    b.para(
        '{{ _("The tree has no standards to derive scores from; the assessments recorded for '
        'the period:") }}'
    )
    b.table(
        [
            '{{ _("Rank") }}',
            '{{ _("Assessed") }}',
            '{{ _("Period") }}',
            '{{ _("Score") }}',
            '{{ _("Out of") }}',
            '{{ _("Result") }}',
            '{{ _("Tail") }}',
        ],
        "r in a.assessments",
        [
            "{{ r.rank }}",
            "{{ r.name | dash }}",
            "{{ r.period }}",
            "{{ r.total | num }}",
            "{{ r.max | num }}",
            '{{ r.result | label("result") }}',
            '{% if r.flagged %}{{ _("tail") }}{% endif %}',
        ],
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
        ['{{ _("Person") }}', '{{ _("Grounds") }}', '{{ _("Status") }}'],
        "k in a.key_persons",
        [
            "{{ k.name | dash }}",
            # each item its own output: a join with a translated (safe) separator would
            # escape the items' apostrophes a second time
            '{% for g in k.grounds %}{{ g }}{{ _("; ") if not loop.last }}{% else %}—{% endfor %}',
            '{% if k.proposed %}{{ _("proposed") }}{% elif k.status %}'
            '{{ k.status | label("key_status") }}{% else %}{{ _("paired") }}{% endif %}',
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("No one reaches the key-person threshold this month.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("Rewards, penalties and removals from post") }}', 2)
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
            '{% if r.kind == "post_change" %}{{ _("removal from post (organisational action)") '
            '}}{% else %}{{ r.kind | label("reward_kind") }}{% endif %}',
            '{{ r.level | label("reward_level") }}',
            "{{ r.name | dash }}",
            '{{ r.amount | num if r.amount else "—" }}',
            "{{ r.reason }}",
        ],
    )
    b.tag("{%p else %}")
    b.para('{{ _("The register holds no reward or penalty for this month.") }}')
    b.tag("{%p endif %}")

    b.heading('{{ _("Good catches proposed for commendation") }}', 2)
    b.tag("{%p if a.good_catches %}")
    b.para(
        '{% set names = a.good_catches | map(attribute="reporter_name") | unique | list %}'
        '{% set who_all = (names[:-1] | join(_(", "))) ~ _(" and ") ~ names[-1] '
        'if names | length > 1 else names | join(_(", ")) %}'
        '{% set n = a.good_catches | map(attribute="reporter_name") | unique | list | length %}'
        "{% trans count=n %}It is proposed to commend {{ who_all }} for the catch below:"
        "{% pluralize %}It is proposed to commend {{ who_all }} for the catches below:"
        "{% endtrans %}"
    )
    b.items(
        "g in a.good_catches",
        "{% set date = g.date | day(year) %}{% set unit = g.unit_name | dash %}"
        "{% set who = g.reporter_name | dash %}{% set what = g.summary | named(g.train, g.vehicle) | dash %}"
        "{% trans %}On {{ date }} {{ who }} ({{ unit }}) found the {{ what }} and reported it "
        "at once.{% endtrans %}",
    )
    b.tag("{%p if a.scores %}")
    b.tag('{%p for person in a.good_catches | map(attribute="reporter") | unique %}')
    b.tag("{%p for m in a.scores.tail if m.subject == person %}")
    b.para(
        "{% set who = m.name %}{% set score = m.total | num %}"
        '{% set why = m.reasons | join(_("; ")) %}{% set standing = _("%(score)s points: '
        '%(why)s", score=score, why=why) if why else _("%(score)s points", score=score) %}'
        "{% trans %}{{ who }} is the lowest-ranked member of the branch ({{ standing }}); "
        "the catch is praised on its own merits, and the ranking is taken up at the "
        "meeting of the lowest-ranked members.{% endtrans %}"
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.para('{{ _("None this month.") }}')
    b.tag("{%p endif %}")

    b.tag("{%p if a.records %}")
    # under the part each record supports, by date within it
    b.heading(
        '{% set parts = {1: _("1. Overview"), 2: _("2. Main problems"), '
        '3: _("3. Typical cases"), 4: _("4. Progress on last month\'s priorities"), '
        '5: _("5. Weak links"), 6: _("6. Priorities for next month (proposed)"), '
        '7: _("7. Assessment and ranking")} %}'
        '{{ _("Attachment: the records referred to") }}',
        1,
    )
    b.tag('{%p for group in a.records | groupby("part") %}')
    b.para('{{ parts.get(group.grouper, "") }}', indent=False)
    b.items(
        "r in group.list",
        "{{ r.date | day(year) }} {{ r.unit_name | dash }} {{ r.text | quote }}",
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    # 署名 and 成文日期 right, the date four characters in, as the notice signs.
    b.para("")
    b.para(
        '{{ _("General Party Branch, %(org)s", org=org) }}',
        indent=False,
        align="right",
        right_chars=2,
        keep=True,
    )
    b.para("{{ a.as_of | day(0) }}", indent=False, align="right", right_chars=4)
    b.tag("{%p if a.skipped_files %}")
    b.para(
        "{% set skipped = a.skipped_files | length %}{% trans %}Note: {{ skipped }} record files "
        "do not validate and are left out (run barrier check).{% endtrans %}"
    )
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
