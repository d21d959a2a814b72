"""`barrier init`: scaffold a new records tree with hooks, CI and editor support."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n

if TYPE_CHECKING:
    from barrier_cli.write.scaffold import InstallSource


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(help="The project folder; records/ is created inside it.", file_okay=False),
    ] = Path("."),
    name: Annotated[
        str | None, typer.Option("--name", help="The organisation's name, e.g. 列检车间.")
    ] = None,
    bureau: Annotated[
        bool,
        typer.Option("--bureau", help="Create a bureau tree (bureau.yaml) in FOLDER instead."),
    ] = False,
    ci_index: Annotated[
        str | None,
        typer.Option(
            "--ci-index",
            metavar="URL",
            help="CI installs barrier from this package index (an intranet mirror).",
        ),
    ] = None,
    ci_git: Annotated[
        str | None,
        typer.Option(
            "--ci-git", metavar="URL@TAG", help="CI installs barrier from this git repository."
        ),
    ] = None,
    ci_pre_commit: Annotated[
        str | None,
        typer.Option(
            "--ci-pre-commit",
            metavar="URL@REV",
            help="pre-commit takes barrier's hooks from this repository and tag (its repo: and "
            "rev:), and CI installs barrier from there too.",
        ),
    ] = None,
) -> None:
    """Create records/ (settings, org, standards, schemas), hooks and CI files.

    Without --ci-index, --ci-git or --ci-pre-commit, init asks at a terminal where CI installs
    barrier from; elsewhere CI uses pip's configured index (PIP_INDEX_URL).
    """
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.write.scaffold import InstallSource, init_project

    if bureau:
        from barrier_cli.reports.bureau.scaffold import init_bureau

        made = init_bureau(folder, name=name)
        _list_made(made.written, made.kept)
        sys.stdout.write(
            i18n._(
                "\nA new bureau tree is in {folder}. Next: list the member units in bureau.yaml,\n"
                "then run 'barrier bureau sync' and 'barrier bureau analyze --month YYYY-MM'\n"
            ).format(folder=folder)
        )
        return

    given = [x for x in (ci_index, ci_git, ci_pre_commit) if x is not None]
    if len(given) > 1:
        raise InvalidInput(i18n._("give one of --ci-index, --ci-git and --ci-pre-commit"))
    if ci_index is not None:
        source = InstallSource.index(ci_index)
    elif ci_git is not None:
        source = InstallSource.git(ci_git)
    elif ci_pre_commit is not None:
        source = InstallSource.git(ci_pre_commit, "pre-commit")
    else:
        source = _ask() if sys.stdin.isatty() and sys.stdout.isatty() else InstallSource()
    # a new tree is Chinese unless --lang says otherwise, as `Settings.lang` defaults; what init
    # prints is in the run's language
    result = init_project(folder, name=name, lang=globals_of(ctx).lang or "zh", source=source)
    _list_made(result.written, result.kept)
    sys.stdout.write(
        i18n._(
            "\nA new records tree is in {records}. CI installs {source}. Next:\n"
            "  edit {org} (units and people), then run 'barrier check'\n"
            "  git init && pre-commit install   (checks every commit)\n"
        ).format(records=result.records, source=source.describe(), org=result.records / "org.yaml")
    )


def _list_made(written: list[Path], kept: list[Path]) -> None:
    from barrier_cli.present.reporters import display_path

    for path in written:
        sys.stdout.write(
            i18n._("created {path}").format(path=display_path(Path.cwd(), str(path))) + "\n"
        )
    for path in kept:
        sys.stdout.write(
            i18n._("kept    {path} (exists; not changed)").format(
                path=display_path(Path.cwd(), str(path))
            )
            + "\n"
        )


def _ask() -> InstallSource:
    from barrier_cli.write.scaffold import InstallSource

    choice = typer.prompt(
        i18n._(
            "Where does CI install barrier from? 1 a package index (mirror) URL, "
            "2 a git URL@TAG, 3 pre-commit's repo@rev, 4 pip's configured index"
        ),
        default="4",
    ).strip()
    if choice == "1":
        return InstallSource.index(typer.prompt(i18n._("Package index URL")).strip())
    if choice in ("2", "3"):
        spec = typer.prompt(i18n._("Repository URL@TAG")).strip()
        return InstallSource.git(spec, "git" if choice == "2" else "pre-commit")
    return InstallSource()
