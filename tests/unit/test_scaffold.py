from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from barrier_cli.checks.run import check_tree
from barrier_cli.core.errors import InvalidInput, RecordExists
from barrier_cli.core.kinds import KINDS
from barrier_cli.io.parallel import load_tree
from barrier_cli.io.yamlio import load_text
from barrier_cli.write.scaffold import eject_template, init_project, plan, shipped_templates


def test_new_tree_passes_check_at_once(tmp_path: Path) -> None:
    result = init_project(tmp_path, name="列检车间")
    assert result.records == tmp_path / "records" and not result.kept
    checked = check_tree(result.records)
    assert checked.findings == [] and checked.files == 5  # settings, org, hazards, two standards
    tree = load_tree(result.records)
    assert tree.settings.organisation == "列检车间"
    assert set(tree.standards) == {"branch", "member"}
    assert tree.org.people and tree.org.units


def test_new_tree_is_already_formatted(tmp_path: Path) -> None:
    from barrier_cli.write.fmt import format_tree

    init_project(tmp_path)
    assert not any(o.changed or o.problem for o in format_tree(tmp_path / "records", check=True))


def test_project_files_for_git_ci_and_editors(tmp_path: Path) -> None:
    init_project(tmp_path)
    hooks = load_text((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = [h["id"] for repo in hooks["repos"] for h in repo["hooks"]]
    assert ids == ["barrier-fmt", "barrier-check"]
    github = (tmp_path / ".github" / "workflows" / "barrier.yml").read_text(encoding="utf-8")
    gitlab = (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8")
    for workflow in (github, gitlab):
        assert "sh ci/check-records.sh" in workflow and "@" + "SOURCE@" not in workflow
        load_text(workflow)
    assert "BARRIER_FORMAT: github" in github
    assert "eol=lf" in (tmp_path / ".gitattributes").read_text()
    assert ".barrier-cache/" in (tmp_path / ".gitignore").read_text()


def test_editor_mapping_points_at_real_valid_schemas(tmp_path: Path) -> None:
    init_project(tmp_path)
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert len(mapping) == len(KINDS)
    for schema_path in mapping:
        schema = json.loads((tmp_path / schema_path).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    first = (tmp_path / "records" / "org.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=.schemas/org.schema.json"
    assert (tmp_path / "records" / ".schemas" / "org.schema.json").is_file()


def test_init_copies_no_template_and_eject_copies_one(tmp_path: Path) -> None:
    files = plan(name=None, lang="zh")
    assert not [rel for rel in files if rel.startswith("records/templates/")]
    shipped = Path(__file__).resolve().parents[2] / "src" / "barrier_cli" / "templates"
    assert set(shipped_templates()) == {
        p.relative_to(shipped).as_posix() for p in shipped.glob("*/*") if p.is_file()
    }
    records = tmp_path / "records"
    # the notice and the analysis are one template for both languages
    one = eject_template(records, "notice.md.j2", "en")
    assert one == records / "templates" / "common" / "notice.md.j2"
    assert one.read_bytes() == (shipped / "common" / "notice.md.j2").read_bytes()
    assert eject_template(records, "analysis.md.j2", "en").parent.name == "common"
    assert eject_template(records, "notice.css", "zh").parent.name == "common"
    with pytest.raises(RecordExists):
        eject_template(records, "common/analysis.md.j2", "en")
    with pytest.raises(InvalidInput):
        eject_template(records, "nothing.j2", "en")


def test_refuses_an_existing_tree_and_writes_nothing(tmp_path: Path) -> None:
    init_project(tmp_path)
    org = tmp_path / "records" / "org.yaml"
    org.write_text("units: []\n", encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(RecordExists):
        init_project(tmp_path)
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert org.read_text(encoding="utf-8") == "units: []\n"


def test_refuses_a_half_tree_without_settings(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "org.yaml").write_text("units: []\n", encoding="utf-8")
    with pytest.raises(RecordExists):
        init_project(tmp_path)
    assert not (tmp_path / "records" / "barrier.yaml").exists()


def test_existing_project_files_are_kept(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    result = init_project(tmp_path)
    assert result.kept == [tmp_path / ".gitignore"]
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"


def test_english_tree_passes_check_too(tmp_path: Path) -> None:
    init_project(tmp_path, lang="en")
    tree = load_tree(tmp_path / "records")
    assert tree.settings.lang == "en"
    assert tree.org.units[0].name == "Workshop general party branch"
    assert sum(i.max for i in tree.standards["branch"].items().values()) == 100
    assert check_tree(tmp_path / "records").findings == []


def test_zh_standards_are_the_domain_s_4_aspects_13_items(tmp_path: Path) -> None:
    init_project(tmp_path)
    branch = load_tree(tmp_path / "records").standards["branch"]
    assert len(branch.aspects) == 4 and len(branch.items()) == 13
    assert sum(i.max for i in branch.items().values()) == 100
