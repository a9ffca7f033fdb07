"""HTML (and SVG) from report dicts, with Jinja2 autoescaping on for every template: a
prompt, a title or a name is always text, never markup."""

from __future__ import annotations

import contextlib
import functools
import re
import uuid
from pathlib import Path
from typing import Any

import pybase64  # SIMD base64: 0.03 ms for a 600 kB picture, binascii 0.6

from artcharter.base.messages import plural_key
from artcharter.base.numbers import fmt_date, fmt_number, fmt_size
from artcharter.base.typography import typeset_html

_DICT_ATTRIBUTES = frozenset(dir(dict))


@functools.cache
def environment() -> Any:
    """The one Jinja environment: templates compile once, whatever the language."""
    import jinja2

    class Environment(jinja2.Environment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            # ``r.artwork.title`` on the report's dicts: Jinja tries the attribute first,
            # and the AttributeError it catches each time was a third of a page's render.
            # A plain dict has only its class's attributes, so for any other name the
            # item is what Jinja would find: looked up first, same result.
            if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    return Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,  # all templates, whatever their extension (.html.j2, .svg.j2)
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )


def _bytecode_cache() -> Any:
    """Compiled templates kept in the user's cache folder: compiling the report template
    takes about a tenth of a second, on every command otherwise. None when the folder
    cannot be made (a read-only home): templates then compile each time."""
    import jinja2
    import platformdirs

    folder = Path(platformdirs.user_cache_dir("artcharter")) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class Cache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
                super().dump_bytecode(bucket)

    return Cache(str(folder))


@functools.cache
def _escaped_texts(lang: str) -> dict[str, Any]:
    """Every interface text of ``lang``, escaped once (they are artcharter's own words)."""
    from markupsafe import Markup, escape

    from artcharter.reports.messages import MESSAGES

    return {key: Markup(escape(MESSAGES.template(key, lang))) for key in MESSAGES.texts}


def _translator(lang: str) -> Any:
    texts = _escaped_texts(lang)

    def t(key: str, **values: Any) -> Any:
        # Markup.format escapes the values: a title in a sentence stays text.
        return texts[key].format(**values) if values else texts[key]

    return t


def _counter(lang: str) -> Any:
    """``tn(key, n)`` in templates: the counted text's form for ``n`` (``key.one`` or
    ``key.other``), with ``{n}`` filled in."""
    t = _translator(lang)

    def tn(key: str, n: int, **values: Any) -> Any:
        return t(plural_key(key, n, lang), n=n, **values)

    return tn


def render(name: str, lang: str, **context: Any) -> str:
    """Render template ``name``; ``t``, ``date``, ``number`` and ``size`` speak ``lang``."""
    page = (
        environment()
        .get_template(name)
        .render(
            lang=lang,
            t=_translator(lang),
            tn=_counter(lang),
            date=lambda iso: fmt_date(iso, lang),
            number=lambda value, sig=2: fmt_number(value, lang, sig),
            size=lambda value: fmt_size(value, lang),
            **context,
        )
    )
    return typeset_html(page, lang)  # titles and names a person typed included


class Inliner:
    """Data URIs spliced into a page after rendering.

    A picture inlined as base64 is most of a report's bytes. Rendering it through the
    template would copy (and, next to any accented letter, widen to two bytes per
    character) a megabyte string several times; instead the template gets a short
    placeholder, and the page is returned as chunks (its UTF-8 text around the base64
    bytes) that are written one after the other, never joined into one string.
    The placeholder carries a random token, so no text from the file can imitate it.
    """

    # Any token: one compiled pattern for every page; a placeholder of another token (text
    # that imitates one) is not among ``items`` and stays as it is.
    _PLACEHOLDER = re.compile(rb"(inline-[0-9a-f]{32}-\d+)")

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        self.items: dict[bytes, tuple[bytes, bytes]] = {}

    def add(self, data: bytes, mime: str) -> str:
        placeholder = f"inline-{self.token}-{len(self.items)}"
        prefix = b"data:" + mime.encode("ascii") + b";base64,"
        self.items[placeholder.encode("ascii")] = (prefix, pybase64.b64encode(data))
        return placeholder

    def chunks(self, html: str) -> list[bytes]:
        page = html.encode("utf-8")
        if not self.items:
            return [page]
        out: list[bytes] = []
        parts = self._PLACEHOLDER.split(page)
        for i, part in enumerate(parts):
            out.extend(self.items.get(part, (part,)) if i % 2 else (part,))
        return out


def render_report_chunks(
    report: dict[str, Any], images: Any = None, chart_svg: str | None = None
) -> list[bytes]:
    """The report's HTML page as UTF-8 chunks, pictures inlined (see ``Inliner``)."""
    from artcharter.reports.pictograms import pictogram_svg

    lang = report["lang"]
    inliner = Inliner()
    sources = None
    if images is not None:
        sources = {
            "image": inliner.add(images.image, images.image_mime),
            "thumbnail": inliner.add(images.thumbnail, images.thumbnail_mime),
            "steps": inliner.add(images.steps, images.steps_mime) if images.steps else None,
        }
    # An <img> of a data URI: the chart's text can never run as part of the page.
    chart = inliner.add(chart_svg.encode("utf-8"), "image/svg+xml") if chart_svg else None
    html = render(
        "report.html.j2",
        lang,
        r=report,
        images=sources,
        chart_uri=chart,
        pictogram=pictogram_svg(report["artwork"]["ai_share"], lang),
    )
    return inliner.chunks(html)


def render_report_page(
    report: dict[str, Any], images: Any = None, chart_svg: str | None = None
) -> bytes:
    """The report's HTML page as UTF-8 bytes, pictures inlined."""
    return b"".join(render_report_chunks(report, images, chart_svg))
