"""The top-level functions of ``import artcharter``: each is the method of the same name
on a project, the one given as ``project=`` or else the current folder's (opened for the
call and closed after it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from artcharter.charter.check import ArtworkCheck
    from artcharter.project import Project
    from artcharter.provenance.generate import GenerateRequest
    from artcharter.provenance.label import Signed
    from artcharter.provenance.verify import Verification
    from artcharter.reports.cartel import CartelFiles
    from artcharter.reports.report import ReportFiles
    from artcharter.reports.summary import SummaryFiles

__all__ = [
    "cartel",
    "check",
    "generate",
    "iter_check",
    "iter_verify",
    "label",
    "report",
    "summary",
    "verify",
]


def _call(project: Project | None, method: str, *args: Any, **options: Any) -> Any:
    """``project.method(...)``; without a project, the current folder's, closed afterwards."""
    if project is not None:
        return getattr(project, method)(*args, **options)
    from artcharter.project import open_project

    with open_project() as opened:
        return getattr(opened, method)(*args, **options)


def _iterate(project: Project | None, method: str, *args: Any, **options: Any) -> Iterator[Any]:
    if project is not None:
        yield from getattr(project, method)(*args, **options)
        return
    from artcharter.project import open_project

    with open_project() as opened:
        yield from getattr(opened, method)(*args, **options)


def label(
    image: Path | str, output: Path | str, *, project: Project | None = None, **options: Any
) -> Signed:
    """Write a signed copy of ``image`` that says how AI was used (see ``Project.label``)."""
    return _call(project, "label", image, output, **options)


def generate(
    request: GenerateRequest, *, project: Project | None = None, **options: Any
) -> list[Signed]:
    """Make the signed, measured images ``request`` asks for (see ``Project.generate``)."""
    return _call(project, "generate", request, **options)


def verify(path: Path | str, *, project: Project | None = None, **options: Any) -> Verification:
    """The verdict on one file's Content Credentials (see ``Project.verify``)."""
    return _call(project, "verify", path, **options)


def iter_verify(
    paths: Iterable[Path | str], *, project: Project | None = None, **options: Any
) -> Iterator[Verification]:
    """Verify files and folders, one result at a time (see ``Project.iter_verify``)."""
    return _iterate(project, "iter_verify", paths, **options)


def check(path: Path | str, *, project: Project | None = None, **options: Any) -> ArtworkCheck:
    """Check one file against the project's charter, rule by rule (see ``Project.check``)."""
    return _call(project, "check", path, **options)


def iter_check(
    paths: Iterable[Path | str], *, project: Project | None = None, **options: Any
) -> Iterator[ArtworkCheck]:
    """Check files and folders, one result at a time (see ``Project.iter_check``)."""
    return _iterate(project, "iter_check", paths, **options)


def report(
    image: Path | str, output: Path | str, *, project: Project | None = None, **options: Any
) -> ReportFiles:
    """Write the HTML report of ``image`` and its JSON twin (see ``Project.report``)."""
    return _call(project, "report", image, output, **options)


def cartel(
    source: Path | str, output: Path | str = ".", *, project: Project | None = None, **options: Any
) -> CartelFiles:
    """Exhibition labels for an image or a folder (see ``Project.cartel``)."""
    return _call(project, "cartel", source, output, **options)


def summary(
    folder: Path | str | None = None,
    output: Path | str = "summary",
    *,
    project: Project | None = None,
    **options: Any,
) -> SummaryFiles:
    """A class or exhibition overview (see ``Project.summary``)."""
    return _call(project, "summary", folder, output, **options)
