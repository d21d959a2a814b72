"""`barrier checkin`: a group leader ticks the shift's nil returns (今日无异常) in one screen."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import lang_of, prompter_for
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def checkin(
    ctx: typer.Context,
    unit: Annotated[
        str | None,
        typer.Option(metavar="GROUP", help="The party group whose shift this is [the leader's]."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(metavar="PERSON", help="Who ticks (id or name) [the group's leader]."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The duty day: YYYY-MM-DD, today, yesterday [today]."),
    ] = None,
    absent: Annotated[
        list[str] | None,
        typer.Option(metavar="PERSON,…", help="Not on shift: no nil return (repeat or a,b)."),
    ] = None,
    abnormal: Annotated[
        list[str] | None,
        typer.Option(
            metavar="PERSON,…", help="Something abnormal: no nil return, a report instead."
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt: tick everyone not named absent.")
    ] = False,
) -> None:
    """Tick the members of a shift who had nothing abnormal today, in one screen.

    At a terminal the shift is listed, numbered: type the numbers of those absent and !N for
    a member with something abnormal, whose report is then entered as with `report add`;
    Enter saves a nil return for everyone else. Ticking a day twice changes nothing.
    """
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.core.lookup import Lookup
    from barrier_cli.io.index import basis
    from barrier_cli.io.loader import today
    from barrier_cli.io.returns import add_nil_returns
    from barrier_cli.write import checkin as lib
    from barrier_cli.write.entry.questions import InvalidAnswer, parse_date

    root = globals_of(ctx).root()
    tree = basis(root)  # settings, org and roster: the index's, the records are not read
    lang = globals_of(ctx).language(tree.settings.lang)
    now = today(root)
    try:
        day = parse_date(date, now, lang) if date is not None else now
    except InvalidAnswer as e:
        raise InvalidInput(f"--date: {e}") from None
    people = {p.id: p for p in tree.org.people}
    find = Lookup.of(tree.org, "person")
    leader = find.option(by, "--by", lang) if by is not None else None
    if unit is not None:
        unit = Lookup.of(tree.org, "unit").option(unit, "--unit", lang)
    group = unit or (people[leader].unit if leader is not None else None)
    if group is None:
        raise InvalidInput(i18n._("say whose shift: --unit GROUP or --by LEADER"))
    shift = lib.shift_of(tree.org, group, day, tree.roster)
    if leader is None:
        found = lib.leader_of(tree.org, group, day)
        leader = found.id if found is not None else None
    position = {p.id: n for n, p in enumerate(shift, start=1)}

    def positions(option: str, names: list[str] | None) -> frozenset[int]:
        out = set()
        for name in ",".join(names or []).split(","):
            if name.strip():
                pid = find.option(name.strip(), option, lang)
                if pid not in position:
                    raise InvalidInput(
                        i18n._("{name} ({pid}) is not on {group}'s shift").format(
                            name=people[pid].name, pid=pid, group=group
                        )
                    )
                out.add(position[pid])
        return frozenset(out)

    marks = lib.Marks(positions("--absent", absent), positions("--abnormal", abnormal))
    prompter = prompter_for(no_input=no_input)
    if prompter is not None:
        unit_name = next((u.name for u in tree.org.units if u.id == group), group)
        *rows, tail = lib.screen(unit_name, day, shift, lang)
        for row in rows:
            prompter.say(row)
        while True:
            answer = prompter.ask(f"{tail}: ", candidates=[], multi=True, hint="")
            try:
                marks = lib.parse_marks(answer, len(shift))
                break
            except InvalidInput as e:
                prompter.say(f"  ✗ {e}")
    ticked = lib.nil_returns_of(shift, marks)
    if ticked:
        add_nil_returns(root, ticked, day, by=leader, today=now)
    typer.echo(
        i18n._("{day}: {count} nil return(s) for {unit}").format(
            day=day, count=len(ticked), unit=group
        )
    )
    for n in sorted(marks.abnormal):
        member = shift[n - 1]
        if prompter is None:
            typer.echo(
                i18n._(
                    "{id}: abnormal, add the report: barrier report add --reporter {id} "
                    "--date {day}"
                ).format(id=member.id, day=day)
            )
            continue
        from barrier_cli.write.entry.add import add_record

        added = add_record(
            root=root,
            kind="report",
            flags={"reporter": member.id, "date": day.isoformat()},
            lang=lang_of(ctx),
            prompter=prompter,
        )
        typer.echo(f"{added.id} {added.path}")
