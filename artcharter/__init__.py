"""artcharter: responsible use of generative AI in art, from Python and the command line.

Open a project (a folder with an ``artcharter.toml``) and call one method per task::

    import artcharter

    project = artcharter.open_project("class-2026")
    signed = project.label("sketch.png", "sketch-signed.png", source_type="humanEdits")
    print(project.verify(signed.path).verdict, project.check(signed.path).passed)
    project.report(signed.path, "reports")

The functions of the same names (``artcharter.verify(path)``, ...) use the project of the
current folder, or the one passed as ``project=``. Each command of the ``artcharter`` CLI
is one of these calls, so both give the same answers. Errors a person can act on are
:class:`ArtcharterError` (``BadInput``, ``SetupError``), with an exit code.

Nothing heavy loads on ``import artcharter``: each name below is imported on first use
(PEP 562), so torch, diffusers, open_clip, codecarbon and c2pa load only for the tasks that
need them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import ArtcharterError, BadInput, SetupError

if TYPE_CHECKING:
    from artcharter.charter.check import ArtworkCheck
    from artcharter.charter.evaluate import RuleVerdict
    from artcharter.charter.model import Charter
    from artcharter.project import Project, open_project
    from artcharter.provenance.generate import GenerateRequest, LoadedModel
    from artcharter.provenance.label import Signed
    from artcharter.provenance.record import ArtworkRecord
    from artcharter.provenance.verify import Verification
    from artcharter.reports.cartel import CartelFiles
    from artcharter.reports.report import ReportFiles
    from artcharter.reports.summary import SummaryFiles

__all__ = [
    "ArtcharterError",
    "ArtworkCheck",
    "ArtworkRecord",
    "BadInput",
    "CartelFiles",
    "Charter",
    "GenerateRequest",
    "LoadedModel",
    "Project",
    "ReportFiles",
    "RuleVerdict",
    "SetupError",
    "Signed",
    "SummaryFiles",
    "Verification",
    "cartel",
    "check",
    "generate",
    "iter_check",
    "iter_verify",
    "label",
    "open_project",
    "report",
    "summary",
    "verify",
]

# Public name -> the module that defines it, imported on first access.
_LAZY = {
    "Project": "artcharter.project",
    "open_project": "artcharter.project",
    "ArtworkCheck": "artcharter.charter.check",
    "RuleVerdict": "artcharter.charter.evaluate",
    "Charter": "artcharter.charter.model",
    "GenerateRequest": "artcharter.provenance.generate",
    "LoadedModel": "artcharter.provenance.generate",
    "Signed": "artcharter.provenance.label",
    "ArtworkRecord": "artcharter.provenance.record",
    "Verification": "artcharter.provenance.verify",
    "CartelFiles": "artcharter.reports.cartel",
    "ReportFiles": "artcharter.reports.report",
    "SummaryFiles": "artcharter.reports.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'artcharter' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


@contextmanager
def _opened(project: Project | None) -> Iterator[Project]:
    """The project given (left open), else the current folder's (closed afterwards)."""
    if project is not None:
        yield project
        return
    from artcharter.project import open_project

    with open_project() as opened:
        yield opened


def label(
    image: Path | str, output: Path | str, *, project: Project | None = None, **options: Any
) -> Signed:
    """Write a signed copy of ``image`` that says how AI was used (see ``Project.label``)."""
    with _opened(project) as p:
        return p.label(image, output, **options)


def generate(
    request: GenerateRequest, *, project: Project | None = None, **options: Any
) -> list[Signed]:
    """Make the signed, measured images ``request`` asks for (see ``Project.generate``)."""
    with _opened(project) as p:
        return p.generate(request, **options)


def verify(path: Path | str, *, project: Project | None = None, **options: Any) -> Verification:
    """The verdict on one file's Content Credentials (see ``Project.verify``)."""
    with _opened(project) as p:
        return p.verify(path, **options)


def iter_verify(
    paths: list[Path | str], *, project: Project | None = None, **options: Any
) -> Iterator[Verification]:
    """Verify files and folders, one result at a time (see ``Project.iter_verify``)."""
    with _opened(project) as p:
        yield from p.iter_verify(paths, **options)


def check(path: Path | str, *, project: Project | None = None, **options: Any) -> ArtworkCheck:
    """Check one file against the project's charter, rule by rule (see ``Project.check``)."""
    with _opened(project) as p:
        return p.check(path, **options)


def iter_check(
    paths: list[Path | str], *, project: Project | None = None, **options: Any
) -> Iterator[ArtworkCheck]:
    """Check files and folders, one result at a time (see ``Project.iter_check``)."""
    with _opened(project) as p:
        yield from p.iter_check(paths, **options)


def report(
    image: Path | str, output: Path | str, *, project: Project | None = None, **options: Any
) -> ReportFiles:
    """Write the HTML report of ``image`` and its JSON twin (see ``Project.report``)."""
    with _opened(project) as p:
        return p.report(image, output, **options)


def cartel(
    source: Path | str, output: Path | str = ".", *, project: Project | None = None, **options: Any
) -> CartelFiles:
    """Exhibition labels for an image or a folder (see ``Project.cartel``)."""
    with _opened(project) as p:
        return p.cartel(source, output, **options)


def summary(
    folder: Path | str | None = None,
    output: Path | str = "summary",
    *,
    project: Project | None = None,
    **options: Any,
) -> SummaryFiles:
    """A class or exhibition overview (see ``Project.summary``)."""
    with _opened(project) as p:
        return p.summary(folder, output, **options)
