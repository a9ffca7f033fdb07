"""A project and its defaults: the one object behind the Python API and every command.

A project is a folder with an ``artcharter.toml`` (read by
:mod:`artcharter.provenance.config`): its ledger, its charter (a school's file may
``extends`` another), its trust anchors (``keys/school-root.pem`` plus any given), its
protected names (``protected-names.txt``), its artist and its language. ``artcharter
check`` and ``Project.check`` read the same charter, anchors and names, so Python and the
command line give the same verdicts.

This module is a door: it may import every room, but only inside the methods that need
them, so that ``import artcharter`` stays light.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.messages import normalise_lang
from artcharter.provenance.config import (
    PROTECTED_NAMES_FILE,
    ProjectConfig,
    find_root,
    load_config,
)
from artcharter.provenance.messages import MESSAGES as PROVENANCE
from artcharter.reports.messages import MESSAGES as REPORTS

if TYPE_CHECKING:
    from artcharter.charter.check import ArtworkCheck
    from artcharter.charter.model import Charter
    from artcharter.provenance.campaign.progress import Progress
    from artcharter.provenance.campaign.results import CampaignResult
    from artcharter.provenance.campaign.start import CampaignOpened, CampaignRequest
    from artcharter.provenance.campaign.validate import ValidationResult
    from artcharter.provenance.generate import GenerateRequest, LoadedModel
    from artcharter.provenance.label import Signed
    from artcharter.provenance.label_folder import FolderLabelled, FolderSeries
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.series import Series
    from artcharter.provenance.signing import SigningIdentity
    from artcharter.provenance.verify import Verification
    from artcharter.reports.cartel import CartelFiles
    from artcharter.reports.report import ReportFiles
    from artcharter.reports.summary import SummaryFiles

# Verifications are recorded in the ledger in groups of this many rows.
LEDGER_BATCH = 500


class Project:
    """A project folder and the defaults every operation takes from it.

    ``lang``, ``charter``, ``trust`` and ``protected_names`` override the project's own
    (the command line's ``--lang``, ``--charter``, ``--trust``, ``--protected-names``).
    The ledger opens on first use, once; ``close()`` (or ``with``) closes it.
    """

    def __init__(
        self,
        config: ProjectConfig,
        *,
        lang: str | None = None,
        charter: Path | None = None,
        trust: Sequence[Path] = (),
        protected_names: Path | None = None,
        ledger_given: bool = False,
    ) -> None:
        if lang is not None and lang not in ("fr", "en"):
            raise BadInput(PROVENANCE("project.unknown_language", lang=lang))
        self.config = config
        # The reader's language: the one asked for, ARTCHARTER_LANG, the project's, the locale.
        self.lang: str = lang or normalise_lang(os.environ.get("ARTCHARTER_LANG")) or config.lang
        self.trust = tuple(Path(p) for p in trust)
        self._charter_file = Path(charter) if charter is not None else None
        self._protected_names_file = Path(protected_names) if protected_names else None
        # A ledger is read and written when the project has a config or one was named;
        # a jury verifying loose files in a bare folder leaves no database behind.
        self.has_ledger = ledger_given or config.has_config
        self._ledger: Ledger | None = None

    def __repr__(self) -> str:
        return f"Project({str(self.root)!r}, name={self.name!r}, lang={self.lang!r})"

    # --- what the project is ------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def has_config(self) -> bool:
        """Whether the folder has an ``artcharter.toml`` (else it stands in for loose files)."""
        return self.config.has_config

    @property
    def model(self) -> str:
        """The default model of ``generate`` (``[generate] model``; empty: the default)."""
        return self.config.model

    @property
    def artist(self) -> str:
        """The default signing artist (``[artist] name``)."""
        return self.config.artist

    @property
    def country(self) -> str:
        return self.config.country

    @property
    def ledger_path(self) -> Path:
        return self.config.ledger_path

    @property
    def keys_dir(self) -> Path:
        return self.config.keys_dir

    @property
    def school_root(self) -> Path:
        return self.config.school_root

    @property
    def charter_file(self) -> Path | None:
        """The charter file in effect: the one given, else ``[charter] file``, else None
        (the default charter)."""
        from artcharter.charter.model import project_charter_path

        return self._charter_file or project_charter_path(self.root)

    @cached_property
    def charter(self) -> Charter:
        """The effective charter, with the files it ``extends`` applied."""
        from artcharter.charter.model import load_charter

        return load_charter(self.charter_file)

    @cached_property
    def anchors(self) -> tuple[str, ...]:
        """The PEM trust anchors: those given, else the school's root when it exists and
        the roots it replaced (still anchors for the work they signed); each with its
        revocation list when one lies beside it."""
        from artcharter.provenance import trust_list
        from artcharter.provenance.verify import read_anchors

        paths = list(self.trust)
        if not paths and self.school_root.exists():
            paths = [self.school_root, *self.config.previous_roots]
        # The second tier, the C2PA trust lists (the project's, else those shipped), travels
        # with the school's anchors, tagged so that verification keeps the tiers apart.
        lists = trust_list.installed(self.root)
        return read_anchors(paths) + tuple(lists[kind].tagged() for kind in trust_list.KINDS)

    def update_trust_list(
        self,
        file: Path | str,
        kind: str = "c2pa",
        *,
        date: str | None = None,
        source: str | None = None,
    ) -> dict[str, Any]:
        """Install a C2PA trust list (``kind`` "c2pa") or TSA trust list ("tsa") from a PEM
        bundle into the project's ``trust/`` folder, offline; what was installed."""
        from artcharter.provenance import trust_list

        installed = trust_list.update(self.root, Path(file), kind, date=date, source=source)
        self.__dict__.pop("anchors", None)  # the next verification reads the new list
        self.__dict__.pop("trust_lists", None)
        return installed.to_dict()

    @cached_property
    def trust_lists(self) -> dict[str, Any]:
        """The C2PA trust lists in effect: kind -> date, source, commit, certificates."""
        from artcharter.provenance import trust_list

        return {kind: item.to_dict() for kind, item in trust_list.installed(self.root).items()}

    @property
    def protected_names_file(self) -> Path | None:
        if self._protected_names_file is not None:
            return self._protected_names_file
        default = self.root / PROTECTED_NAMES_FILE
        return default if default.is_file() else None

    @cached_property
    def protected_names(self) -> tuple[str, ...]:
        """The school's protected names for the prompt audit (none without the file)."""
        from artcharter.audits.bias.prompt_audit import load_protected_names

        path = self.protected_names_file
        return tuple(load_protected_names(path)) if path is not None else ()

    def identity(self, artist: str | None = None, passphrase: str | None = None) -> SigningIdentity:
        """The signing identity of ``artist`` (default: the project's artist)."""
        from artcharter.provenance.signing import load_artist_identity

        return load_artist_identity(
            self.keys_dir, artist or self.artist, passphrase, self.config.tsa_url
        )

    # --- the ledger -----------------------------------------------------------------------

    @property
    def ledger(self) -> Ledger:
        """The project's ledger, opened (and created) on first use; one connection."""
        if self._ledger is None:
            from artcharter.provenance.ledger import Ledger

            self._ledger = Ledger(self.ledger_path)
        return self._ledger

    def reading_ledger(self) -> Ledger | None:
        """The ledger for a command that only reads it: None when there is none (a reading
        command never creates one)."""
        if not self.has_ledger or not self.ledger_path.exists():
            return None
        return self.ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- making signed files --------------------------------------------------------------

    def label(
        self,
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
    ) -> Signed:
        """Write a signed copy of ``image`` (or of a video, sound or document) at ``output``
        that says how AI was used, and record it in the ledger. ``declaration`` is the
        artist's declaration file; its title and training/mining choice apply unless given
        here. ``model_kind`` (image, video, music, voice, text) names the kind of model;
        ``training_constraint`` says, in words, the constraint of a ``constrained`` choice.
        ``watermark`` hides the artwork id in the pixels too (invisible-watermark; not a
        C2PA-listed binding)."""
        from artcharter.charter.declaration import load_declaration, merge_choices
        from artcharter.provenance.label import label

        declared = load_declaration(Path(declaration)) if declaration else None
        # No choice from the option nor the declaration: the protective default, said so.
        title, choice, constraint = merge_choices(
            declared, title, training_mining, default="", training_constraint=training_constraint
        )
        identity = self.identity(artist, passphrase)
        return label(
            Path(image),
            Path(output),
            identity=identity,
            source_type=source_type,
            tool=tool,
            prompt=prompt,
            private_prompt=private_prompt,
            ingredients=[(Path(p), role) for p, role in ingredients],
            training_mining=choice or "notAllowed",
            training_mining_default=not choice,
            training_constraint=constraint,
            title=title,
            declaration=declared,
            ledger=self.ledger,
            force=force,
            watermark=watermark,
            model_kind=model_kind,
        )

    def label_folder(
        self,
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
    ) -> FolderLabelled:
        """Sign every file of ``folder`` into ``output_dir`` (same names), as one series
        in the ledger, each file with its own credentials and its place in the series;
        the options are ``label``'s, for every file. Nothing is kept per file. The same
        call again resumes an interrupted series. A file that cannot be signed goes to
        ``on_error`` and the others go on; ``on_series`` hears of the series first,
        ``on_file`` of each signed file."""
        from artcharter.charter.declaration import load_declaration, merge_choices
        from artcharter.provenance.label_folder import label_folder

        declared = load_declaration(Path(declaration)) if declaration else None
        title, choice, constraint = merge_choices(
            declared, title, training_mining, default="", training_constraint=training_constraint
        )
        identity = self.identity(artist, passphrase)
        ingredient_list = [(Path(p), role) for p, role in ingredients]
        options = {
            "source_type": source_type,
            "tool": tool,
            "prompt": prompt,
            "private_prompt": private_prompt,
            "training_mining": choice or "notAllowed",
            "training_mining_default": not choice,
            "training_constraint": constraint,
            "title": title,
            "watermark": watermark,
            "model_kind": model_kind,
        }
        # What the series row keeps: a later run under the same folders must ask the same.
        asked = {
            **options,
            "prompt": None if private_prompt else prompt,
            "ingredients": [[str(p), role] for p, role in ingredient_list],
            "declaration": declared.to_dict() if declared else None,
            "artist": identity.name,
        }
        return label_folder(
            Path(folder),
            Path(output_dir),
            ledger=self.ledger,
            asked=asked,
            on_series=on_series,
            on_file=on_file,
            on_error=on_error,
            force=force,
            identity=identity,
            ingredients=ingredient_list,
            declaration=declared,
            **options,
        )

    def sign_declaration(
        self,
        image: Path | str,
        declaration: Path | str,
        output: Path | str,
        *,
        title: str | None = None,
        training_mining: str | None = None,
        artist: str | None = None,
        passphrase: str | None = None,
        force: bool = False,
    ) -> Signed:
        """Write a copy of the signed artwork ``image`` at ``output`` that carries the
        artist's ``declaration`` file, signed again with ``image`` as its parent, and record
        it in the ledger (the artwork keeps its id and everything its record said)."""
        from artcharter.charter.declaration import load_declaration, merge_choices
        from artcharter.provenance.label import sign_declaration

        declared = load_declaration(Path(declaration))
        title, choice, constraint = merge_choices(declared, title, training_mining, default="")
        return sign_declaration(
            Path(image),
            Path(output),
            identity=self.identity(artist, passphrase),
            declaration=declared,
            title=title,
            training_mining=choice or None,
            training_constraint=constraint,
            anchors=self.anchors,
            ledger=self.ledger,
            force=force,
        )

    def request(self, request: GenerateRequest) -> GenerateRequest:
        """``request`` with the project's defaults filled in (its country), checked."""
        if request.country is None:
            request = replace(request, country=self.country)
        request.check()
        return request

    def generate(
        self,
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
    ) -> list[Signed]:
        """Make the images ``request`` asks for with ``model`` (default: the project's
        model, else the default one), each signed by the artist and recorded.

        More than one image is a series (``on_series(series)`` before the first image; the
        same request with the same ``session_id`` again makes only the missing ones);
        ``collect=False`` returns nothing and keeps nothing per image: a long series
        streams through ``on_image``.

        ``on_image(signed)`` is called as each image is made; when ``model`` is a name,
        ``on_loading(name)`` before it loads and ``on_loaded(loaded)`` after. ``cluster``
        (``"auto"`` or a Ray address) renders on ``workers`` Ray workers; signing and the
        ledger stay in this process."""
        from artcharter.provenance.generate import DEFAULT_MODEL, generate

        request = self.request(request)
        identity = self.identity(artist, passphrase)  # set-up errors before the model loads
        chosen = model or self.model or DEFAULT_MODEL
        if cluster is not None:
            from artcharter.provenance.cluster.run import generate_on_cluster

            if not isinstance(chosen, str):
                raise BadInput(PROVENANCE("cluster.loaded_model", param="model"))
            if request.adapters:
                raise BadInput(PROVENANCE("adapters.no_cluster", param="cluster"))
            return generate_on_cluster(
                cluster,
                chosen,
                request,
                identity=identity,
                ledger=self.ledger,
                workers=workers,
                on_image=on_image,
                on_loading=on_loading,
                on_loaded=on_loaded,
            )
        return generate(
            chosen,
            request,
            identity=identity,
            ledger=self.ledger,
            on_image=on_image,
            on_loading=on_loading,
            on_loaded=on_loaded,
            on_series=on_series,
            collect=collect,
        )

    def series_request(self, key: str) -> tuple[GenerateRequest, str]:
        """The request and model of the series ``key`` (its id or first characters), as
        it was started: ``generate(request, model=model)`` resumes it."""
        import json

        from artcharter.provenance import series
        from artcharter.provenance.generate import GenerateRequest

        row = series.find(self.ledger, key)
        request = GenerateRequest.from_dict(json.loads(row["request"]))
        resumed = replace(
            request, seed=row["base_seed"], session_id=row["session_id"], series_id=row["series_id"]
        )
        return resumed, row["model"]

    def probe_campaign(
        self,
        request: CampaignRequest,
        *,
        artist: str | None = None,
        passphrase: str | None = None,
        progress: Progress | None = None,
        on_loading: Callable[[str, str], None] | None = None,
        on_open: Callable[[CampaignOpened], None] | None = None,
        on_ethnicity: Callable[[], None] | None = None,
    ) -> CampaignResult:
        """Run the bias probe campaign ``request`` asks for (or resume it), recorded in the
        ledger; generated images are kept under ``probes/<campaign id>`` unless
        ``request.output_dir`` says otherwise. They are probe images, not artworks: the
        ledger keeps them apart, and they are signed only when ``artist`` is given (the
        project's default artist is never made their author).

        Callbacks report what a person may want to see: ``progress(stage, done, total)``,
        ``on_loading(what, name)`` before the CLIP probe and the image model load,
        ``on_open(opened)`` once the campaign exists, ``on_ethnicity()`` when it reads
        perceived ethnicity. Ctrl-C leaves the campaign resumable
        (``CampaignRequest(resume=opened.campaign_id)``).
        """
        from artcharter.provenance.campaign.progress import no_progress
        from artcharter.provenance.campaign.start import start_campaign
        from artcharter.provenance.generate import DEFAULT_MODEL

        return start_campaign(
            request,
            ledger=self.ledger,
            default_model=self.model or DEFAULT_MODEL,
            default_output=lambda campaign_id: self.root / "probes" / campaign_id,
            load_identity=lambda: self.identity(artist, passphrase) if artist else None,
            country=self.country,
            artist=artist,
            progress=progress or no_progress,
            on_loading=on_loading,
            on_open=on_open,
            on_ethnicity=on_ethnicity,
        )

    def probe_validate(
        self,
        images: Path | str,
        labels: Path | str,
        *,
        clip: str | None = None,
        device: str = "auto",
        campaign: str | None = None,
        on_loading: Callable[[str, str], None] | None = None,
    ) -> ValidationResult:
        """Measure the probe (``clip``, default ViT-B-32) on the images of the folder
        ``images`` that the CSV file ``labels`` labels: per-attribute accuracy, confusion
        matrix, abstention rate and calibration, recorded in the ledger where the
        campaigns made with the same probe (or ``campaign``) find it."""
        from artcharter.provenance.campaign.validate import validate_probe

        return validate_probe(
            Path(images),
            Path(labels),
            ledger=self.ledger,
            clip=clip,
            device=device,
            campaign_id=campaign,
            on_loading=on_loading,
        )

    # --- reading signed files -------------------------------------------------------------

    def verify(
        self, path: Path | str, *, allow_remote: bool = False, lookup: Sequence[str] = ()
    ) -> Verification:
        """Verify one file's Content Credentials against the project's trust anchors, and
        record the verification in the ledger."""
        (result,) = self.iter_verify([path], allow_remote=allow_remote, lookup=lookup)
        return result

    @property
    def lookup_urls(self) -> tuple[str, ...]:
        """School desks asked for probable matches (``[recovery] lookup_url``)."""
        return (self.config.lookup_url,) if self.config.lookup_url else ()

    def iter_verify(
        self,
        paths: Iterable[Path | str],
        *,
        allow_remote: bool = False,
        record: bool = True,
        lookup: Sequence[str] = (),
    ) -> Iterator[Verification]:
        """Verify files and folders of images, yielding results in order and in constant
        memory; each is recorded in the ledger (unless ``record`` is false).

        A file with no credential is looked up by its fingerprint in the ledger and in the
        desks of ``lookup`` and ``[recovery] lookup_url``: its probable matches come apart
        from the verdict, which stays ``no-credential``."""
        from artcharter.provenance.verify import iter_verify, ledger_row

        files = expand(paths)
        ledger = self.ledger if record and self.has_ledger else None
        desks = tuple(dict.fromkeys([*lookup, *self.lookup_urls]))
        rows: list[dict[str, Any]] = []
        try:
            for result in iter_verify(files, self.anchors, allow_remote):
                # The look-up (and a ledger only read) is opened for the first file with
                # no credential: a run over signed files never imports it.
                reading = ledger or (self.reading_ledger() if result.fingerprint else None)
                if result.fingerprint and (reading is not None or desks):
                    from artcharter.provenance.recovery import probable_matches

                    found, errors = probable_matches(
                        result.fingerprint, reading, desks, watermarked=result.path
                    )
                    result.probable_matches = [m.to_dict() for m in found]
                    result.lookup_errors = errors
                if ledger is not None:
                    rows.append(ledger_row(result))
                    if len(rows) >= LEDGER_BATCH:
                        ledger.add_verifications(rows)
                        rows = []
                yield result
        finally:
            # What was verified is recorded even when the caller stops early.
            if ledger is not None and rows:
                ledger.add_verifications(rows)

    def check(
        self, path: Path | str, *, allow_remote: bool = False, use_ledger: bool = True
    ) -> ArtworkCheck:
        """Verify one file and evaluate each rule of the project's charter."""
        (result,) = self.iter_check([path], allow_remote=allow_remote, use_ledger=use_ledger)
        return result

    def iter_check(
        self,
        paths: Iterable[Path | str],
        *,
        allow_remote: bool = False,
        use_ledger: bool = True,
    ) -> Iterator[ArtworkCheck]:
        """Check files and folders of images against the charter, in order; the ledger
        (sessions, campaigns, private prompts) adds to the evidence unless ``use_ledger``
        is false."""
        from artcharter.charter.check import iter_check

        return iter_check(
            [Path(p) for p in paths],
            charter=self.charter,
            anchors=self.anchors,
            ledger=self.ledger if use_ledger and self.has_ledger else None,
            lang=self.lang,
            allow_remote=allow_remote,
            protected_names=self.protected_names,
        )

    # --- what people read -----------------------------------------------------------------

    def report(
        self,
        image: Path | str,
        output: Path | str,
        *,
        lang: str | None = None,
        use_ledger: bool = True,
    ) -> ReportFiles:
        """Write the HTML report of ``image`` and its JSON twin into the folder ``output``."""
        from artcharter.reports.facts import gather_facts
        from artcharter.reports.report import write_report

        lang = self._lang(lang)
        facts = gather_facts(
            Path(image),
            charter=self.charter,
            anchors=self.anchors,
            ledger=self.reading_ledger() if use_ledger else None,
            lang=lang,
            protected_names=self.protected_names,
        )
        return write_report(facts, Path(output), lang)

    def cartel(
        self,
        source: Path | str,
        output: Path | str = ".",
        *,
        lang: str | None = None,
        verify_url: str | None = None,
        offline: bool = False,
        pdf: bool = False,
    ) -> CartelFiles:
        """Exhibition labels: one for an image, an A4 sheet for a folder of them.

        Each QR code opens the artwork's page on the school's jury desk: ``verify_url``,
        else the project's ``[desk] url``. Without either, ``offline`` labels carry a QR
        code with only the artwork id and hash (read by `artcharter verify`, not by a
        phone's browser); otherwise a SetupError asks for the address."""
        from artcharter.provenance.image_files import image_paths
        from artcharter.reports.cartel import make_cartels

        if verify_url is None and self.config.desk_url and not offline:
            verify_url = self.config.desk_url.rstrip("/") + "/a"
        if verify_url is not None and not verify_url.startswith(("https://", "http://")):
            raise BadInput(REPORTS("cartel.bad_verify_url", url=verify_url, param="verify_url"))
        if verify_url is None and not offline:
            raise SetupError(
                REPORTS("cartel.no_desk_url", param="verify_url", param_offline="offline")
            )
        source = Path(source)
        return make_cartels(
            image_paths([source]),
            Path(output),
            lang=self._lang(lang),
            anchors=self.anchors,
            verify_url=verify_url,
            sheet=source.is_dir(),
            pdf=pdf,
        )

    def summary(
        self,
        folder: Path | str | None = None,
        output: Path | str = "summary",
        *,
        from_ledger: bool = False,
        lang: str | None = None,
    ) -> SummaryFiles:
        """A class or exhibition overview of the artworks in ``folder``, or of those the
        ledger records (``from_ledger``), with a report per artwork."""
        from artcharter.provenance.image_files import image_paths
        from artcharter.reports.summary import ledger_paths, make_summary

        if (folder is None) == (not from_ledger):
            raise BadInput(
                REPORTS("summary.folder_or_ledger", param="folder", param_from_ledger="from_ledger")
            )
        missing: list[dict[str, Any]] = []
        if from_ledger:
            if not self.ledger_path.exists():
                raise SetupError(PROVENANCE("ledger.missing", path=self.ledger_path))
            ledger: Ledger | None = self.ledger
            assert ledger is not None
            paths, missing = ledger_paths(ledger)
            if not paths:
                raise BadInput(REPORTS("summary.nothing_on_disk", path=self.ledger_path))
        else:
            assert folder is not None
            folder = Path(folder)
            if not folder.is_dir():
                raise BadInput(REPORTS("summary.not_a_folder", folder=folder, param="from_ledger"))
            paths = image_paths([folder])
            ledger = self.reading_ledger()
        return make_summary(
            paths,
            Path(output),
            lang=self._lang(lang),
            charter=self.charter,
            anchors=self.anchors,
            ledger=ledger,
            source="ledger" if from_ledger else "folder",
            missing=missing,
            protected_names=self.protected_names,
        )

    def _lang(self, lang: str | None) -> str:
        if lang is not None and lang not in ("fr", "en"):
            raise BadInput(PROVENANCE("project.unknown_language", lang=lang))
        return lang or self.lang


def expand(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; folders become the images they contain (sorted)."""
    from artcharter.provenance.image_files import images_under  # Pillow loads only when needed

    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += images_under(path)
        else:
            found.append(path)
    return found


def open_project(
    path: Path | str = ".",
    *,
    ledger: Path | str | None = None,
    lang: str | None = None,
    charter: Path | str | None = None,
    trust: Sequence[Path | str] = (),
    protected_names: Path | str | None = None,
) -> Project:
    """The project that holds ``path``: the nearest folder at or above it with an
    ``artcharter.toml``, else ``path`` itself (loose files, the built-in charter).

    ``ledger`` (or ``ARTCHARTER_LEDGER``) replaces the project's ledger; ``lang``,
    ``charter``, ``trust`` and ``protected_names`` replace the project's own.
    """
    start = Path(path)
    if not start.is_dir():
        raise SetupError(PROVENANCE("project.no_folder", project=start))
    root = find_root(start.resolve()) or start
    return from_config(
        load_config(root, Path(ledger) if ledger is not None else None),
        ledger=ledger,
        lang=lang,
        charter=charter,
        trust=trust,
        protected_names=protected_names,
    )


def from_config(
    config: ProjectConfig,
    *,
    ledger: Path | str | None = None,
    lang: str | None = None,
    charter: Path | str | None = None,
    trust: Sequence[Path | str] = (),
    protected_names: Path | str | None = None,
) -> Project:
    """A project from its config read with the command line's rules (``--project``)."""
    return Project(
        config,
        lang=lang,
        charter=Path(charter) if charter is not None else None,
        trust=[Path(p) for p in trust],
        protected_names=Path(protected_names) if protected_names is not None else None,
        ledger_given=ledger is not None or bool(os.environ.get("ARTCHARTER_LEDGER")),
    )
