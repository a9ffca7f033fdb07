"""The exhibition label (cartel): title, artist, year, medium in words, the AI-use pictogram
and a QR code with what a visitor's phone needs to find the verification.

``cartel_data`` is pure (verification + record in, dict out); ``render_cartel_html``,
``render_cartel_svg`` and ``render_sheet_html`` draw it; ``make_cartels`` is the I/O behind
`artcharter cartel IMAGE|FOLDER`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup

from artcharter.base.errors import BadInput
from artcharter.base.numbers import year_of
from artcharter.provenance import verdicts
from artcharter.provenance.record import SOURCE_TYPES, ArtworkRecord
from artcharter.reports.explanations import model_in_words
from artcharter.reports.i18n import share_words, source_type_words, t
from artcharter.reports.messages import MESSAGES

if TYPE_CHECKING:
    from artcharter.provenance.verify import Verification

QR_SCHEME = "artcharter:verify"
INGREDIENT_WORDS = {
    "sketch": "medium_from_sketch",
    "photo": "medium_from_photo",
    "init-image": "medium_from_init",
}
# Size of one label, in millimetres: eight fit on an A4 sheet (2 x 4, 10 mm margins).
WIDTH_MM, HEIGHT_MM = 95, 66


def _tools_in_words(record: ArtworkRecord | None) -> str | None:
    """The external tools a declaration names ("Midjourney 6.1 and Photoshop")."""
    declaration = record.declaration if record else None
    names = []
    for tool in declaration.tools if declaration else ():
        if tool.name:
            names.append(" ".join(str(x) for x in (tool.name, tool.version) if x))
    return " & ".join(names) or None


MEDIUM_KEYS = {
    ("generated", "image"): "medium_generated",
    ("generated", "video"): "medium_generated_video",
    ("generated", "sound"): "medium_generated_sound",
    ("generated", "document"): "medium_generated_document",
    ("enhanced", "image"): "medium_enhanced",
    ("enhanced", "video"): "medium_enhanced_video",
    ("enhanced", "sound"): "medium_enhanced_sound",
    ("enhanced", "document"): "medium_enhanced_document",
}


def medium_in_words(
    record: ArtworkRecord | None,
    lang: str,
    *,
    origin: ArtworkRecord | None = None,
    source_type: str | None = None,
    kind: str = "image",
) -> str:
    """The medium a label prints: "Image generated with SDXL from a sketch, reworked by hand".

    Derived from the declared IPTC source type (how much a model made), the model or tool
    named in the record or declaration, and the human inputs listed as ingredients.
    """
    source_type = source_type or (record.source_type if record else None)
    share = SOURCE_TYPES.get(source_type or "", "unknown")
    if share == "unknown":
        return t("medium_unknown", lang)
    if share == "none":
        words = source_type_words(source_type, lang)
        return f"{words[:1].upper()}{words[1:]}{t('medium_without_ai', lang)}"
    generation = origin or record
    model = generation.model if generation else None
    tool = (record.tool if record else None) or (generation.tool if generation else None)
    tool = tool or (None if model else _tools_in_words(record))
    name = model_in_words(
        lang,
        model_id=model.id if model else None,
        tool=tool,
        is_demo=bool(model and model.is_demo),
    )
    # A video, a sound or a text is named as such ("Sound generated with Suno").
    key = MEDIUM_KEYS.get((share, kind)) or MEDIUM_KEYS.get((share, "image"), "medium_generated")
    text = t(key, lang, model=name)
    roles = [i.role for i in (record.ingredients if record else [])]
    for role in ("sketch", "photo", "init-image"):
        if role in roles:
            text += " " + t(INGREDIENT_WORDS[role], lang)
            break
    if share == "partly-generated":
        text += ", " + t("medium_reworked", lang)
    return text


def qr_payload(artwork_id: str | None, sha256: str | None, verify_url: str | None = None) -> str:
    """What the QR code carries: the artwork id and the file's hash, and where to check them.

    With a school's verification page (``verify_url``) the code is a link a phone opens;
    without one it is a short text naming the tool that checks the file.
    """
    fields = {k: v for k, v in (("id", artwork_id), ("sha256", sha256)) if v}
    if verify_url:
        separator = "&" if "?" in verify_url else "?"
        return f"{verify_url}{separator}{urlencode(fields)}"
    return f"{QR_SCHEME}?{urlencode(fields)}\nartcharter verify FILE"


def qr_svg(payload: str) -> Markup:
    """The QR code of ``payload`` as inline SVG (qrcode's SVG path factory; no network)."""
    import qrcode
    import qrcode.image.svg

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=2)
    code.add_data(payload)
    code.make(fit=True)
    svg = code.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    # Keep the viewBox, drop the fixed size: the page decides how large it prints.
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg, count=2)
    return Markup(svg.replace("<svg ", '<svg class="qr" role="img" aria-label="QR" ', 1))


def cartel_data(
    verification: Verification,
    record: ArtworkRecord | None,
    lang: str,
    *,
    origin: ArtworkRecord | None = None,
    verify_url: str | None = None,
) -> dict[str, Any]:
    """Everything a label prints, in ``lang`` (pure)."""
    source_type = record.source_type if record else None
    if source_type is None and verification.disclosure.get("source_types"):
        source_type = verification.disclosure["source_types"][-1]
    share = SOURCE_TYPES.get(source_type or "", "unknown")
    declaration = record.declaration if record else None
    title = (
        (record.title if record else None)
        or (declaration and declaration.title)
        or verification.title
    )
    if record and title == record.artwork_id:
        title = None
    artwork_id = record.artwork_id if record else None
    return {
        "lang": lang,
        "file": Path(verification.path).name,
        "title": title,
        "display_title": title or t("untitled", lang),
        # The signing certificate's subject; a different name in the record is a claim.
        "artist": verification.artist["name"] or t("unknown", lang),
        "organisation": verification.artist["organisation"],
        "claimed_author": (verification.claimed_author or {}).get("name"),
        "year": year_of(record.created_at if record else None)
        or year_of(verification.signer.get("time")),
        "medium": medium_in_words(
            record, lang, origin=origin, source_type=source_type, kind=verification.kind
        ),
        "ai_share": share,
        "ai_share_words": share_words(share, verification.kind, lang),
        "verdict": verification.verdict,
        "verdict_words": f"Content Credentials{t('colon', lang)}"
        f"{verdicts.in_sentence(verification.verdict, lang)}",
        "artwork_id": artwork_id,
        # A file that does not verify gets a full-width warning on the label itself.
        "warning": None if verification.vouched else t("cartel_warning", lang),
        "sha256": verification.sha256,
        "qr_payload": qr_payload(artwork_id, verification.sha256, verify_url),
        "verify_hint": t("cartel_verify", lang),
    }


# --- drawing -----------------------------------------------------------------------------------


def _context(cartel: dict[str, Any]) -> dict[str, Any]:
    from artcharter.reports.pictograms import pictogram_svg

    return {
        "c": cartel,
        "pictogram": pictogram_svg(cartel["ai_share"], cartel["lang"]),
        "qr": qr_svg(cartel["qr_payload"]),
    }


def render_cartel_html(cartel: dict[str, Any]) -> str:
    from artcharter.reports.render import render

    return render("cartels.html.j2", cartel["lang"], cartels=[_context(cartel)], sheet=False)


def render_sheet_html(cartels: list[dict[str, Any]], lang: str) -> str:
    """An A4 sheet (or several) of labels to print and cut."""
    from artcharter.reports.render import render

    return render("cartels.html.j2", lang, cartels=[_context(c) for c in cartels], sheet=True)


def _lines(text: str, width: int, limit: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > limit:
        rest = " ".join(lines[limit - 1 :])
        lines = [*lines[: limit - 1], textwrap.shorten(rest, width, placeholder=" …")]
    return lines


def render_cartel_svg(cartel: dict[str, Any]) -> str:
    """A standalone SVG label of WIDTH_MM x HEIGHT_MM (SVG has no text wrapping: lines are
    cut here, by character count, for the label's fonts)."""
    from artcharter.reports.render import render

    context = _context(cartel)
    context.update(
        width=WIDTH_MM,
        height=HEIGHT_MM,
        title_lines=_lines(cartel["display_title"], 24, 2),
        medium_lines=_lines(cartel["medium"], 46, 3),
        picto_lines=_lines(cartel["ai_share_words"], 15, 2),
        warning_lines=_lines(cartel["warning"] or "", 70, 2),
    )
    return render("cartel.svg.j2", cartel["lang"], **context)


# --- files -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CartelFiles:
    html: Path
    svgs: list[Path]
    pdf: Path | None
    cartels: list[dict[str, Any]]


# A label would put a forgery's words on a wall: no label for a file changed after signing
# or whose signature does not hold.
REFUSED_VERDICTS = (verdicts.TAMPERED, verdicts.INVALID)


def make_cartels(
    paths: list[Path],
    out_dir: Path,
    *,
    lang: str = "en",
    anchors: tuple[str, ...] = (),
    verify_url: str | None = None,
    sheet: bool = False,
    pdf: bool = False,
) -> CartelFiles:
    """Verify each image and write its label (HTML + SVG), or one A4 sheet for many."""
    from artcharter.base.files import write_atomic
    from artcharter.provenance.record import ArtworkRecord as Record
    from artcharter.provenance.verify import verify_files

    verifications = verify_files(paths, anchors)
    # Refused before a label is written: a sheet is all of its labels or none.
    for verification in verifications:
        if verification.verdict in REFUSED_VERDICTS:
            raise BadInput(
                MESSAGES(
                    "cartel.refused",
                    path=verification.path,
                    verdict=verification.verdict,
                )
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    cartels = []
    svgs = []
    for verification in verifications:
        record = Record.from_dict(verification.record) if verification.record else None
        origin = Record.from_dict(verification.origin) if verification.origin else None
        cartel = cartel_data(verification, record, lang, origin=origin, verify_url=verify_url)
        cartels.append(cartel)
        svg_path = out_dir / f"{Path(verification.path).stem}.cartel.svg"
        write_atomic(svg_path, render_cartel_svg(cartel))
        svgs.append(svg_path)
    if sheet:
        html_path = out_dir / "cartels.html"
        write_atomic(html_path, render_sheet_html(cartels, lang))
    else:
        html_path = out_dir / f"{paths[0].stem}.cartel.html"
        write_atomic(html_path, render_cartel_html(cartels[0]))
    pdf_path = None
    if pdf:
        from artcharter.reports.browser import print_pdf

        pdf_path = print_pdf(html_path, html_path.with_suffix(".pdf"))
    return CartelFiles(html_path, svgs, pdf_path, cartels)
