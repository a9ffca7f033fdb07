"""The top-level functions of ``import artcharter``: each is the method of the same name
on a project, the one given as ``project=`` or else the current folder's (opened for the
call and closed after it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from artcharter.base.errors import BadInput
    from artcharter.charter.check import ArtworkCheck
    from artcharter.project import Project
    from artcharter.provenance.campaign.progress import Progress
    from artcharter.provenance.campaign.results import CampaignResult
    from artcharter.provenance.campaign.start import CampaignOpened, CampaignRequest
    from artcharter.provenance.campaign.validate import ValidationResult
    from artcharter.provenance.generate import GenerateRequest, LoadedModel
    from artcharter.provenance.label import Signed
    from artcharter.provenance.label_folder import FolderLabelled, FolderSeries
    from artcharter.provenance.series import Series
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
    "label_folder",
    "probe_campaign",
    "probe_validate",
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
    image: Path | str,
    output: Path | str,
    *,
    source_type: str,
    tool: str | None = None,
    prompt: str | None = None,
    private_prompt: bool = False,
    ingredients: Iterable[tuple[Path, str]] = (),
    training_mining: str | None = None,
    title: str | None = None,
    declaration: Path | str | None = None,
    artist: str | None = None,
    passphrase: str | None = None,
    force: bool = False,
    watermark: bool = False,
    model_kind: str | None = None,
    training_constraint: str | None = None,
    project: Project | None = None,
) -> Signed:
    """Write a signed copy of ``image`` that says how AI was used (``Project.label``)."""
    return _call(
        project,
        "label",
        image,
        output,
        source_type=source_type,
        tool=tool,
        prompt=prompt,
        private_prompt=private_prompt,
        ingredients=ingredients,
        training_mining=training_mining,
        title=title,
        declaration=declaration,
        artist=artist,
        passphrase=passphrase,
        force=force,
        watermark=watermark,
        model_kind=model_kind,
        training_constraint=training_constraint,
    )


def label_folder(
    folder: Path | str,
    output_dir: Path | str,
    *,
    source_type: str,
    tool: str | None = None,
    prompt: str | None = None,
    private_prompt: bool = False,
    ingredients: Iterable[tuple[Path, str]] = (),
    training_mining: str | None = None,
    title: str | None = None,
    declaration: Path | str | None = None,
    artist: str | None = None,
    passphrase: str | None = None,
    force: bool = False,
    watermark: bool = False,
    model_kind: str | None = None,
    training_constraint: str | None = None,
    on_series: Callable[[FolderSeries], None] | None = None,
    on_file: Callable[[Signed], None] | None = None,
    on_error: Callable[[Path, BadInput], None] | None = None,
    project: Project | None = None,
) -> FolderLabelled:
    """Sign every file of ``folder`` into ``output_dir`` as one series
    (``Project.label_folder``)."""
    return _call(
        project,
        "label_folder",
        folder,
        output_dir,
        source_type=source_type,
        tool=tool,
        prompt=prompt,
        private_prompt=private_prompt,
        ingredients=ingredients,
        training_mining=training_mining,
        title=title,
        declaration=declaration,
        artist=artist,
        passphrase=passphrase,
        force=force,
        watermark=watermark,
        model_kind=model_kind,
        training_constraint=training_constraint,
        on_series=on_series,
        on_file=on_file,
        on_error=on_error,
    )


def sign_declaration(
    image: Path | str,
    declaration: Path | str,
    output: Path | str,
    *,
    title: str | None = None,
    training_mining: str | None = None,
    artist: str | None = None,
    passphrase: str | None = None,
    force: bool = False,
    project: Project | None = None,
) -> Signed:
    """Sign the artist's declaration onto a signed artwork (``Project.sign_declaration``)."""
    return _call(
        project,
        "sign_declaration",
        image,
        declaration,
        output,
        title=title,
        training_mining=training_mining,
        artist=artist,
        passphrase=passphrase,
        force=force,
    )


def generate(
    request: GenerateRequest,
    *,
    model: LoadedModel | str | None = None,
    artist: str | None = None,
    passphrase: str | None = None,
    on_image: Callable[[Signed], None] | None = None,
    on_loading: Callable[[str], None] | None = None,
    on_loaded: Callable[[LoadedModel], None] | None = None,
    cluster: str | None = None,
    workers: int | None = None,
    on_series: Callable[[Series], None] | None = None,
    collect: bool = True,
    project: Project | None = None,
) -> list[Signed]:
    """Make the signed, measured images ``request`` asks for (``Project.generate``)."""
    return _call(
        project,
        "generate",
        request,
        model=model,
        artist=artist,
        passphrase=passphrase,
        on_image=on_image,
        on_loading=on_loading,
        on_loaded=on_loaded,
        cluster=cluster,
        workers=workers,
        on_series=on_series,
        collect=collect,
    )


def series_request(key: str, *, project: Project | None = None) -> tuple[GenerateRequest, str]:
    """The request and model of a series, to resume it (``Project.series_request``)."""
    return _call(project, "series_request", key)


def probe_campaign(
    request: CampaignRequest,
    *,
    artist: str | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    on_loading: Callable[[str, str], None] | None = None,
    on_open: Callable[[CampaignOpened], None] | None = None,
    on_ethnicity: Callable[[], None] | None = None,
    project: Project | None = None,
) -> CampaignResult:
    """Run (or resume) a bias probe campaign, recorded in the ledger
    (``Project.probe_campaign``)."""
    return _call(
        project,
        "probe_campaign",
        request,
        artist=artist,
        passphrase=passphrase,
        progress=progress,
        on_loading=on_loading,
        on_open=on_open,
        on_ethnicity=on_ethnicity,
    )


def probe_validate(
    images: Path | str,
    labels: Path | str,
    *,
    clip: str | None = None,
    device: str = "auto",
    campaign: str | None = None,
    on_loading: Callable[[str, str], None] | None = None,
    project: Project | None = None,
) -> ValidationResult:
    """Measure the probe's accuracy on a labelled set, recorded in the ledger
    (``Project.probe_validate``)."""
    return _call(
        project,
        "probe_validate",
        images,
        labels,
        clip=clip,
        device=device,
        campaign=campaign,
        on_loading=on_loading,
    )


def verify(
    path: Path | str,
    *,
    allow_remote: bool = False,
    lookup: Sequence[str] = (),
    project: Project | None = None,
) -> Verification:
    """The verdict on one file's Content Credentials (``Project.verify``)."""
    return _call(project, "verify", path, allow_remote=allow_remote, lookup=lookup)


def iter_verify(
    paths: Iterable[Path | str],
    *,
    allow_remote: bool = False,
    record: bool = True,
    lookup: Sequence[str] = (),
    project: Project | None = None,
) -> Iterator[Verification]:
    """Verify files and folders, one result at a time (``Project.iter_verify``)."""
    return _iterate(
        project, "iter_verify", paths, allow_remote=allow_remote, record=record, lookup=lookup
    )


def check(
    path: Path | str,
    *,
    allow_remote: bool = False,
    use_ledger: bool = True,
    project: Project | None = None,
) -> ArtworkCheck:
    """Check one file against the project's charter, rule by rule (``Project.check``)."""
    return _call(project, "check", path, allow_remote=allow_remote, use_ledger=use_ledger)


def iter_check(
    paths: Iterable[Path | str],
    *,
    allow_remote: bool = False,
    use_ledger: bool = True,
    project: Project | None = None,
) -> Iterator[ArtworkCheck]:
    """Check files and folders, one result at a time (``Project.iter_check``)."""
    return _iterate(project, "iter_check", paths, allow_remote=allow_remote, use_ledger=use_ledger)


def report(
    image: Path | str,
    output: Path | str,
    *,
    lang: str | None = None,
    use_ledger: bool = True,
    project: Project | None = None,
) -> ReportFiles:
    """Write the HTML report of ``image`` and its JSON twin (``Project.report``)."""
    return _call(project, "report", image, output, lang=lang, use_ledger=use_ledger)


def cartel(
    source: Path | str,
    output: Path | str = ".",
    *,
    lang: str | None = None,
    verify_url: str | None = None,
    offline: bool = False,
    pdf: bool = False,
    project: Project | None = None,
) -> CartelFiles:
    """Exhibition labels for an image or a folder (``Project.cartel``)."""
    return _call(
        project,
        "cartel",
        source,
        output,
        lang=lang,
        verify_url=verify_url,
        offline=offline,
        pdf=pdf,
    )


def summary(
    folder: Path | str | None = None,
    output: Path | str = "summary",
    *,
    from_ledger: bool = False,
    lang: str | None = None,
    project: Project | None = None,
) -> SummaryFiles:
    """A class or exhibition overview (``Project.summary``)."""
    return _call(project, "summary", folder, output, from_ledger=from_ledger, lang=lang)
