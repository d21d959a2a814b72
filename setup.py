"""The wheel build compiles the message catalogues (.po → .mo); everything else is pyproject."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path(self.build_lib, "barrier_cli", "locale").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as f:
                catalogue = read_po(f, abort_invalid=True)
            with po.with_suffix(".mo").open("wb") as f:
                write_mo(f, catalogue, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithCatalogues})
