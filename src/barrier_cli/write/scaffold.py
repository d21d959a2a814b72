"""`barrier init`: a new project holding a records tree that `barrier check` passes at once.

What is written: ``records/`` (settings from the model's defaults, an org skeleton, a small
hazard log and the branch and member standards in the tree's language, JSON Schemas for
editors) and the
project files around it (pre-commit hooks, GitHub Actions and GitLab CI workflows and the
``ci/check-records.sh`` both run, installing barrier from the `InstallSource` the user chose,
``.gitattributes``, ``.gitignore``, ``.vscode/settings.json``). The shipped pieces live in
``resources/init/`` and are read with `importlib.resources`.

Nothing is ever overwritten: an existing records tree is refused before anything is
written, and a project file that already exists (a ``.gitignore`` of its own, say) is kept
and reported, so the user can merge the barrier lines by hand.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from barrier_cli import __version__
from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordExists
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Settings
from barrier_cli.io import store
from barrier_cli.io.canonical import dumps
from barrier_cli.io.loader import SETTINGS_FILE
from barrier_cli.write.fmt import in_field_order
from barrier_cli.write.schemas import dumps as schema_text
from barrier_cli.write.schemas import kind_schema, schema_file

RECORDS = "records"
SCHEMAS = ".schemas"
"""Inside records/, hidden so the tree walker never takes a schema for a record."""

PROJECT_FILES = {
    "github-workflow.yml": ".github/workflows/barrier.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "check-records.sh": "ci/check-records.sh",
    "gitattributes": ".gitattributes",
    "gitignore": ".gitignore",
}
"""Shipped name → where it goes in the project (package data cannot hold dot-files)."""

GLOBS = {
    "settings": [f"{RECORDS}/{SETTINGS_FILE}"],
    "org": [f"{RECORDS}/org.yaml"],
    "roster": [f"{RECORDS}/roster.yaml"],
    "hazards": [f"{RECORDS}/hazards.yaml"],
    "standard": [f"{RECORDS}/standards/*.yaml"],
    "report": [f"{RECORDS}/reports/**/*.yaml"],
    "incident": [f"{RECORDS}/incidents/**/*.yaml"],
    "pairing": [f"{RECORDS}/pairings/**/*.yaml"],
    "assessment": [f"{RECORDS}/assessments/**/*.yaml"],
    "notice": [f"{RECORDS}/notices/**/*.yaml"],
    "returns": [f"{RECORDS}/returns/**/*.yaml"],
    "roundup": [f"{RECORDS}/roundups/**/*.yaml"],
    "competence": [f"{RECORDS}/competence/**/*.yaml"],
    "keyperson": [f"{RECORDS}/keypersons/**/*.yaml"],
    "reward": [f"{RECORDS}/rewards/**/*.yaml"],
    "priorities": [f"{RECORDS}/priorities/**/*.yaml"],
}
"""Which files each schema applies to, for the editor mapping."""


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"\\`$]+")
_REV = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/+-]*")


@dataclass(frozen=True)
class InstallSource:
    """Where CI installs barrier from: a package index (an intranet mirror), a git URL at a
    tag, or the repository and tag pre-commit takes its hooks from (then installed the git
    way too, so the hook and CI run the same barrier).

    ``kind == "default"`` is pip's own configured index (``PIP_INDEX_URL`` on the runner).
    """

    kind: Literal["default", "index", "git", "pre-commit"] = "default"
    url: str = ""
    rev: str = ""

    @classmethod
    def index(cls, url: str) -> InstallSource:
        if not _URL.fullmatch(url):
            raise InvalidInput(
                i18n._(
                    "--ci-index {url!r}: not a URL such as https://mirror.example/simple"
                ).format(url=url)
            )
        return cls("index", url)

    @classmethod
    def git(cls, spec: str, kind: Literal["git", "pre-commit"] = "git") -> InstallSource:
        url, _, rev = spec.removeprefix("git+").rpartition("@")
        if not _URL.fullmatch(url) or not _REV.fullmatch(rev):
            raise InvalidInput(
                i18n._(
                    "--ci-{kind} {spec!r}: write URL@TAG, e.g. https://git.example/safety/barrier.git@v0.2.0"
                ).format(kind=kind, spec=spec)
            )
        return cls(kind, url, rev)

    def pip_args(self) -> str:
        """What ``pip install`` is given, quoted for the shell."""
        if self.kind == "index":
            return f"--index-url '{self.url}' 'barrier-cli=={__version__}'"
        if self.kind in ("git", "pre-commit"):
            return f"'barrier-cli @ git+{self.url}@{self.rev}'"
        return f"'barrier-cli=={__version__}'"

    def describe(self) -> str:
        if self.kind == "index":
            said = i18n._("barrier-cli {version} from the package index {url}")
        elif self.kind == "git":
            said = i18n._("from {url} at {rev}")
        elif self.kind == "pre-commit":
            said = i18n._("from {url} at {rev}, as pre-commit does")
        else:
            said = i18n._("barrier-cli {version} from pip's configured index: set PIP_INDEX_URL")
        return said.format(version=__version__, url=self.url, rev=self.rev)


@dataclass
class InitResult:
    records: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Project files that already existed and were left as they are."""


def modeline(kind: str, depth: int) -> str:
    """The comment that points the YAML language server at a kind's schema."""
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}{SCHEMAS}/{schema_file(kind)}\n"


def _english_forms(name: str | None) -> Settings:
    """The default settings with the English of what the scaffold itself names, written out
    beside the Chinese so whoever renames one sees the other; a name the user gave has no
    English form until they write one."""
    defaults = Settings()
    notice = defaults.notice.model_copy(
        update={
            "issuer_en": "Workshop General Party Branch",
            "number_en": "Workshop General Party Branch [{year}] No. {seq}",
            "recipients_en": ["All party branches", "All party groups"],
        }
    )
    cases = defaults.cases.model_copy(
        update={
            "handover_levels_en": [
                "Workshop General Party Branch",
                "Depot Party Committee",
                "Sub-bureau Party Committee Organisation Department",
            ]
        }
    )
    return defaults.model_copy(
        update={
            "organisation": name or defaults.organisation,
            "organisation_en": None if name else "Workshop",
            "notice": notice,
            "cases": cases,
        }
    )


def plan(
    *, name: str | None, lang: Literal["zh", "en"], source: InstallSource | None = None
) -> dict[str, str]:
    """Every file ``init`` writes, by path relative to the project folder."""
    shipped = importlib.resources.files("barrier_cli") / "resources" / "init"
    files: dict[str, str] = {}
    settings = _english_forms(name).model_copy(update={"lang": lang})
    files[f"{RECORDS}/{SETTINGS_FILE}"] = (
        modeline("settings", 0)
        + "# "
        + i18n.in_lang(lang, "settings: every key has a default; all are written out to be seen.")
        + "\n"
        + dumps(in_field_order(settings.model_dump(by_alias=True), Settings))
    )
    skeleton = shipped / RECORDS / lang
    files[f"{RECORDS}/org.yaml"] = modeline("org", 0) + _text(skeleton / "org.yaml")
    files[f"{RECORDS}/hazards.yaml"] = modeline("hazards", 0) + _text(skeleton / "hazards.yaml")
    for standard in ("branch", "member"):
        text = _text(skeleton / "standards" / f"{standard}.yaml")
        files[f"{RECORDS}/standards/{standard}.yaml"] = modeline("standard", 1) + text
    for kind in KINDS:
        files[f"{RECORDS}/{SCHEMAS}/{schema_file(kind)}"] = schema_text(kind_schema(kind))
    source = source or InstallSource()
    for shipped_name, target in PROJECT_FILES.items():
        files[target] = (
            _text(shipped / shipped_name)
            .replace("@PIP_ARGS@", source.pip_args())
            .replace("@SOURCE@", source.describe())
            .replace("@TIMEZONE@", settings.timezone)
        )
    if source.kind == "pre-commit":
        hooks = _text(shipped / "pre-commit-remote.yaml")
        hooks = hooks.replace("@REPO@", source.url).replace("@REV@", source.rev)
    else:
        hooks = _text(shipped / "pre-commit-config.yaml")
    files[".pre-commit-config.yaml"] = hooks
    files[".vscode/settings.json"] = _vscode_settings()
    return files


def shipped_templates() -> dict[str, Traversable]:
    """The built-in templates by "<lang>/<name>" ("common/..." for both languages).

    ``init`` copies none of them: a tree uses the installed ones, so a later version's fixes
    reach it, until `eject_template` copies one into the tree to override it.
    """
    root = importlib.resources.files("barrier_cli") / "templates"
    found: dict[str, Traversable] = {}
    for folder in sorted(root.iterdir(), key=lambda t: t.name):
        if folder.is_dir():
            for template in sorted(folder.iterdir(), key=lambda t: t.name):
                if template.is_file() and not template.name.startswith("."):
                    found[f"{folder.name}/{template.name}"] = template
    return found


def eject_template(records: Path, name: str, lang: Literal["zh", "en"]) -> Path:
    """Copy the built-in template ``name`` ("zh/notice.md.j2", or "notice.md.j2" for ``lang``
    or common) into ``records/templates/``, to be edited there; never overwrite one."""
    shipped = shipped_templates()
    key = (
        name
        if name in shipped
        else next((k for k in (f"{lang}/{name}", f"common/{name}") if k in shipped), None)
    )
    if key is None:
        raise InvalidInput(
            i18n._("no built-in template '{name}'; 'barrier templates list' names them").format(
                name=name
            )
        )
    target = records / "templates" / key
    if target.exists():
        raise RecordExists(
            i18n._("{target} already exists: the tree overrides it already").format(target=target)
        )
    # as bytes: a Word template (notice.docx) is copied as it is shipped
    store.create(target, shipped[key].read_bytes())
    return target


def _text(resource: Traversable) -> str:
    return resource.read_text(encoding="utf-8")


def _vscode_settings() -> str:
    schemas = {f"./{RECORDS}/{SCHEMAS}/{schema_file(k)}": globs for k, globs in GLOBS.items()}
    settings = {
        "yaml.schemas": schemas,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def init_project(
    folder: Path,
    *,
    name: str | None = None,
    lang: Literal["zh", "en"] = "zh",
    source: InstallSource | None = None,
) -> InitResult:
    """Write a new project into ``folder``; refuse if it already holds a records tree."""
    records = folder / RECORDS
    for existing in (records / SETTINGS_FILE, folder / SETTINGS_FILE):
        if existing.exists():
            raise RecordExists(
                i18n._(
                    "{folder} already holds a records tree ({settings}); nothing was written"
                ).format(folder=existing.parent, settings=SETTINGS_FILE)
            )
    files = plan(name=name, lang=lang, source=source)
    clashes = [rel for rel in files if rel.startswith(RECORDS + "/") and (folder / rel).exists()]
    if clashes:
        raise RecordExists(
            i18n._(
                "{path} already exists; nothing was written "
                "(init makes a new tree, it never overwrites one)"
            ).format(path=folder / clashes[0])
        )
    result = InitResult(records)
    for rel, text in files.items():
        path = folder / rel
        if path.exists():
            result.kept.append(path)
            continue
        store.create(path, text)
        if path.suffix == ".sh":
            path.chmod(0o755)
        result.written.append(path)
    return result
