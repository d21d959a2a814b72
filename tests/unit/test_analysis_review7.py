"""Known answers for the analysis after the sixth review (issue 15 items 4 and 7): the
general branch named as its cadres where it reported and as itself where it answers;
overdue priorities said from their follow-up; hazards' own measures with their owners."""

from __future__ import annotations


def test_the_general_branch_reports_as_its_cadres(zh: str, en: str) -> None:
    """zh 13, en 1: tables and lists name the issuer's own reports 车间党总支（干部）."""
    assert "| **车间党总支（干部）** | **3** | **6%** |\n" in zh
    assert "| 车间党总支（干部） | 1 | 1 | 1 | 3 |\n" in zh
    assert "制动梁安全链脱落1条（车间党总支（干部））" in zh
    assert "| **General Branch (cadres)** | **3** | **6%** |\n" in en
    assert "| General Branch (cadres) | 1 | 1 | 1 | 3 |\n" in en
    # the issuing name stays in the title and the signature only
    body = zh.split("\n", 1)[1].rsplit("\n\n", 1)[0]
    assert "列检车间党总支" not in body


def test_the_general_branch_answers_as_itself(zh: str, en: str) -> None:
    """zh 13, en 1: 责任单位 is the issuer; its member supervises by his post."""
    assert "| 加强关键列车“车辆故障”问题卡控 | 车间党总支 | 刘振华 | 10月31日 |" in zh
    assert "车间党总支委员刘振华督导" in zh
    assert "车间党总支书记王建国督导" in zh
    assert "| Tighten checks for vehicle faults on key trains | General Branch | Liu Zhenhua |" in en
    assert "supervised by Liu Zhenhua (General Branch)" in en
    assert "supervised by General Branch secretary Wang Jianguo" in en
