"""`barrier init`: a new project holding a records tree that `barrier check` passes at once.

What is written: ``records/`` (settings from the model's defaults, an org skeleton and the
branch and member standards in the tree's language, the templates to override, JSON Schemas for editors) and the
project files around it (pre-commit hooks, GitHub Actions and GitLab CI workflows,
``.gitattributes``, ``.gitignore``, ``.vscode/settings.json``). The shipped pieces live in
``resources/init/`` and are read with `importlib.resources`.

Nothing is ever overwritten: an existing records tree is refused before anything is
written, and a project file that already exists (a ``.gitignore`` of its own, say) is kept
and reported, so the user can merge the barrier lines by hand.
"""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from barrier_cli import __version__, store
from barrier_cli.canonical import dumps
from barrier_cli.errors import RecordExists
from barrier_cli.fmt import in_field_order
from barrier_cli.kinds import KINDS
from barrier_cli.loader import SETTINGS_FILE
from barrier_cli.models import Settings
from barrier_cli.schemas import dumps as schema_text
from barrier_cli.schemas import kind_schema, schema_file

RECORDS = "records"
SCHEMAS = ".schemas"
"""Inside records/, hidden so the tree walker never takes a schema for a record."""

PROJECT_FILES = {
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/barrier.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "gitattributes": ".gitattributes",
    "gitignore": ".gitignore",
}
"""Shipped name → where it goes in the project (package data cannot hold dot-files)."""

GLOBS = {
    "settings": [f"{RECORDS}/{SETTINGS_FILE}"],
    "org": [f"{RECORDS}/org.yaml"],
    "roster": [f"{RECORDS}/roster.yaml"],
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
}
"""Which files each schema applies to, for the editor mapping."""


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


def plan(*, name: str | None, lang: Literal["zh", "en"]) -> dict[str, str]:
    """Every file ``init`` writes, by path relative to the project folder."""
    shipped = importlib.resources.files("barrier_cli") / "resources" / "init"
    files: dict[str, str] = {}
    settings = Settings(lang=lang, organisation=name or Settings().organisation)
    files[f"{RECORDS}/{SETTINGS_FILE}"] = (
        modeline("settings", 0)
        + "# 设置 / settings: every key has a default; all are written out to be seen.\n"
        + dumps(in_field_order(settings.model_dump(by_alias=True), Settings))
    )
    skeleton = shipped / RECORDS / lang
    files[f"{RECORDS}/org.yaml"] = modeline("org", 0) + _text(skeleton / "org.yaml")
    for standard in ("branch", "member"):
        text = _text(skeleton / "standards" / f"{standard}.yaml")
        files[f"{RECORDS}/standards/{standard}.yaml"] = modeline("standard", 1) + text
    for kind in KINDS:
        files[f"{RECORDS}/{SCHEMAS}/{schema_file(kind)}"] = schema_text(kind_schema(kind))
    templates = importlib.resources.files("barrier_cli") / "templates"
    for lang_dir in sorted(templates.iterdir(), key=lambda t: t.name):
        if not lang_dir.is_dir():
            continue
        for template in sorted(lang_dir.iterdir(), key=lambda t: t.name):
            if template.is_file() and not template.name.startswith("."):
                rel = f"{RECORDS}/templates/{lang_dir.name}/{template.name}"
                files[rel] = _text(template)
    for source, target in PROJECT_FILES.items():
        files[target] = (
            _text(shipped / source)
            .replace("@VERSION@", __version__)
            .replace("@TIMEZONE@", settings.timezone)
        )
    files[".vscode/settings.json"] = _vscode_settings()
    return files


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
    folder: Path, *, name: str | None = None, lang: Literal["zh", "en"] = "zh"
) -> InitResult:
    """Write a new project into ``folder``; refuse if it already holds a records tree."""
    records = folder / RECORDS
    for existing in (records / SETTINGS_FILE, folder / SETTINGS_FILE):
        if existing.exists():
            raise RecordExists(
                f"{existing.parent} already holds a records tree ({SETTINGS_FILE}); "
                "nothing was written"
            )
    files = plan(name=name, lang=lang)
    clashes = [rel for rel in files if rel.startswith(RECORDS + "/") and (folder / rel).exists()]
    if clashes:
        raise RecordExists(
            f"{folder / clashes[0]} already exists; nothing was written "
            f"(init makes a new tree, it never overwrites one)"
        )
    result = InitResult(records)
    for rel, text in files.items():
        path = folder / rel
        if path.exists():
            result.kept.append(path)
            continue
        store.create(path, text)
        result.written.append(path)
    return result
