"""The installed wheel holds one import root, ``artcharter``, and its data files."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import check_wheel  # noqa: E402


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return check_wheel.build_wheel(tmp_path_factory.mktemp("dist"))


def test_the_wheel_installs_only_artcharter(wheel: Path, tmp_path: Path) -> None:
    added = check_wheel.added_by(wheel, tmp_path / "venv")
    assert added[0] == "artcharter"
    assert [name for name in added[1:] if not name.startswith("artcharter-")] == []
    assert any(name.endswith(".dist-info") for name in added)


def test_the_wheel_carries_the_rooms_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/")[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"artcharter"}
    for data in (
        "artcharter/charter/default_charter.toml",
        "artcharter/audits/data/occupations.toml",
        "artcharter/reports/templates/report.html.j2",
        "artcharter/serve/templates/desk.html",
    ):
        assert data in names
