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

# `typing` costs more than this whole module: type checkers read TYPE_CHECKING as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from artcharter.base.errors import ArtcharterError, BadInput, SetupError
    from artcharter.charter.check import ArtworkCheck
    from artcharter.charter.evaluate import RuleVerdict
    from artcharter.charter.model import Charter
    from artcharter.functions import (
        cartel,
        check,
        generate,
        iter_check,
        iter_verify,
        label,
        label_folder,
        probe_campaign,
        probe_validate,
        report,
        series_request,
        sign_declaration,
        summary,
        verify,
    )
    from artcharter.project import Project, open_project
    from artcharter.provenance.campaign.results import CampaignResult
    from artcharter.provenance.campaign.start import CampaignOpened, CampaignRequest
    from artcharter.provenance.campaign.validate import ValidationResult
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
    "CampaignOpened",
    "CampaignRequest",
    "CampaignResult",
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
    "ValidationResult",
    "Verification",
    "cartel",
    "check",
    "generate",
    "iter_check",
    "iter_verify",
    "label",
    "label_folder",
    "open_project",
    "probe_campaign",
    "probe_validate",
    "report",
    "series_request",
    "sign_declaration",
    "summary",
    "verify",
]

# Public name -> the module that defines it, imported on first access.
_LAZY = {
    "ArtcharterError": "artcharter.base.errors",
    "BadInput": "artcharter.base.errors",
    "SetupError": "artcharter.base.errors",
    "Project": "artcharter.project",
    "open_project": "artcharter.project",
    "ArtworkCheck": "artcharter.charter.check",
    "RuleVerdict": "artcharter.charter.evaluate",
    "Charter": "artcharter.charter.model",
    "GenerateRequest": "artcharter.provenance.generate",
    "LoadedModel": "artcharter.provenance.generate",
    "Signed": "artcharter.provenance.label",
    "CampaignOpened": "artcharter.provenance.campaign.start",
    "CampaignRequest": "artcharter.provenance.campaign.start",
    "CampaignResult": "artcharter.provenance.campaign.results",
    "ValidationResult": "artcharter.provenance.campaign.validate",
    "ArtworkRecord": "artcharter.provenance.record",
    "Verification": "artcharter.provenance.verify",
    "CartelFiles": "artcharter.reports.cartel",
    "ReportFiles": "artcharter.reports.report",
    "SummaryFiles": "artcharter.reports.summary",
    "label": "artcharter.functions",
    "label_folder": "artcharter.functions",
    "sign_declaration": "artcharter.functions",
    "probe_campaign": "artcharter.functions",
    "probe_validate": "artcharter.functions",
    "generate": "artcharter.functions",
    "series_request": "artcharter.functions",
    "verify": "artcharter.functions",
    "iter_verify": "artcharter.functions",
    "check": "artcharter.functions",
    "iter_check": "artcharter.functions",
    "report": "artcharter.functions",
    "cartel": "artcharter.functions",
    "summary": "artcharter.functions",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'artcharter' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
