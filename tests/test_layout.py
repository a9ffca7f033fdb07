"""The package's layout: one import root, and dependencies that point one way.

base <- audits <- provenance <- charter <- reports <- the doors (the public API, the CLI,
the jury desk). A room never imports a room to its right, and nothing anywhere imports a
room through a top-level name (``import provenance``) that would find another
distribution's module, or a user's folder, first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "artcharter"
ROOMS = ("base", "audits", "provenance", "charter", "reports")
TOP_LEVEL_NAMES = ("provenance", "audits", "charter", "reports", "base")


def _imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module a file imports, at any depth (functions too), as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # `from artcharter import provenance` names a room too.
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _room(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "artcharter":
        return None
    if len(parts) > 1 and parts[1] in ROOMS:
        return parts[1]
    return "door"


def upward_imports(root: Path) -> list[str]:
    """Each import in a room of a room to its right, or of a door, as `file:line: ...`."""
    order = {room: i for i, room in enumerate(ROOMS)}
    offenders = []
    for path in sorted((root / "artcharter").rglob("*.py")):
        own = _room(".".join(path.relative_to(root).with_suffix("").parts))
        if own in (None, "door"):
            continue
        for line, module in _imports(path, root):
            other = _room(module)
            if other is None or module == "artcharter":
                continue
            if other == "door" or order[other] > order[own]:
                offenders.append(f"{path.relative_to(root)}:{line}: {own} imports {module}")
    return offenders


def top_level_room_imports(root: Path, folder: str) -> list[str]:
    return [
        f"{path.relative_to(root)}:{line}: {module}"
        for path in sorted((root / folder).rglob("*.py"))
        for line, module in _imports(path, root)
        if module.split(".")[0] in TOP_LEVEL_NAMES
    ]


@pytest.mark.parametrize("folder", ["artcharter", "tests", "benchmarks", "scripts"])
def test_nothing_imports_a_room_through_a_top_level_name(folder: str) -> None:
    assert top_level_room_imports(ROOT, folder) == []


def test_rooms_import_only_to_their_left() -> None:
    assert upward_imports(ROOT) == []


def test_the_rooms_live_under_one_import_root() -> None:
    for room in ROOMS:
        assert (PACKAGE / room / "__init__.py").is_file()
    for name in TOP_LEVEL_NAMES:
        assert not (ROOT / name).exists(), f"{name}/ at the top would install as its own package"


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    """The checkers themselves, on a tree with one offence of each kind."""
    charter = tmp_path / "artcharter" / "charter"
    charter.mkdir(parents=True)
    (charter / "bad.py").write_text(
        "from . import model\n"
        "def f():\n"
        "    from artcharter.reports import render\n"
        "    from ..cli import context\n"
    )
    (tmp_path / "artcharter" / "base").mkdir()
    (tmp_path / "artcharter" / "base" / "ok.py").write_text("import os\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "old.py").write_text("import provenance.verify\nfrom reports import x\n")
    assert upward_imports(tmp_path) == [
        "artcharter/charter/bad.py:3: charter imports artcharter.reports",
        "artcharter/charter/bad.py:3: charter imports artcharter.reports.render",
        "artcharter/charter/bad.py:4: charter imports artcharter.cli",
        "artcharter/charter/bad.py:4: charter imports artcharter.cli.context",
    ]
    assert top_level_room_imports(tmp_path, "tests") == [
        "tests/old.py:1: provenance.verify",
        "tests/old.py:2: reports",
        "tests/old.py:2: reports.x",
    ]
