"""Typography of the two languages: French punctuation spacing and elision."""

from __future__ import annotations

import re


def punct(mark: str, lang: str) -> str:
    """``mark`` (':' or ';') with the space after it; French also puts a no-break space
    before it ("fichier : ...", "file: ...")."""
    return f"\u00a0{mark} " if lang == "fr" else f"{mark} "


# French elides "de" before a vowel or a mute h: "d'Alice", "d'Hélène", but "de Marie".
# A name's h is taken as mute, as it is in almost every first name.
_ELIDING = frozenset("aàâäeéèêëiîïoôöuùûüyœæh")


def de(name: str) -> str:
    """French "de NAME", elided before a vowel or a mute h: de("Artiste Démo") is
    "d'Artiste Démo", de("Marie") is "de Marie"."""
    return f"d'{name}" if name[:1].lower() in _ELIDING else f"de {name}"


# French puts a no-break space before the high marks and inside guillemets, so that a line
# never starts with ":" or "»" (a plain space there is a line break waiting to happen).
_SPACE_BEFORE = re.compile(r"[ \u202f]+(?=[:;!?»])")
_SPACE_AFTER = re.compile(r"(?<=«)[ \u202f]+")
_GLUED_BEFORE = re.compile(r"(?<=[^\s\u00a0\u202f«])»")
_GLUED_AFTER = re.compile(r"«(?=[^\s\u00a0\u202f»])")
_MARKS = re.compile("[:;!?«»]")


def typeset(text: str, lang: str) -> str:
    """``text`` with the spacing of ``lang``: in French, a no-break space before ``: ; ! ?``
    where a space was typed, and inside « » always ("« gravure »"). Other languages, and a
    mark with no space before it ("https://", "a?b"), are left as they are. The one rule
    for every French text a person reads: messages (``Message.render``), reports and pages
    (``typeset_html``)."""
    if lang != "fr" or not _MARKS.search(text):
        return text
    return _typeset_fr(text)


def _typeset_fr(text: str) -> str:
    text = _SPACE_BEFORE.sub("\u00a0", text)
    if "«" not in text and "»" not in text:
        return text  # the three guillemet rules would change nothing (most texts)
    text = _SPACE_AFTER.sub("\u00a0", text)
    text = _GLUED_BEFORE.sub("\u00a0»", text)
    return _GLUED_AFTER.sub("«\u00a0", text)


_HTML_PARTS = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.S | re.I)


def typeset_html(html: str, lang: str) -> str:
    """``typeset`` applied to the text of an HTML page: tags, scripts and styles stay as
    they are (a script's ``a ? b : c`` is not French)."""
    if lang != "fr":
        return html
    parts = _HTML_PARTS.split(html)
    # split() with one group: text, tag, text, tag...: the even items are text. A page has
    # hundreds of them, most without a mark: each is looked at once, by one C search.
    marks = _MARKS.search
    parts[::2] = [_typeset_fr(part) if marks(part) else part for part in parts[::2]]
    return "".join(parts)
