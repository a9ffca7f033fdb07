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


# Scripts and styles are code, not text (``a ? b : c``): set apart first, a page has few.
_CODE = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)", re.S | re.I)
# Where French spacing may change a text: a space before a high mark, or a guillemet. Most
# of a page's texts have none (the ";" of "d&#39;œuvre" is no reason): a few fast scans of
# the page find the places (searches that start with one character: a pattern that starts
# with a choice of characters is tried at every place, several times slower), and only the
# texts around them are typeset.
_SPACED_MARKS = (re.compile(" [:;!?»]"), re.compile("\u202f[:;!?»]"))


def _places(page: str) -> list[int]:
    found = [m.start() for pattern in _SPACED_MARKS for m in pattern.finditer(page)]
    for mark in "«»":
        at = page.find(mark)
        while at >= 0:
            found.append(at)
            at = page.find(mark, at + 1)
    return sorted(found)


def _typeset_page(page: str) -> str:
    """The texts of ``page`` (no script or style in it) typeset, its tags as they are.
    A page's text never holds a bare "<" (it is escaped: &lt;) and a tag never holds ">",
    so a place is in a tag when a "<" follows the last ">" before it."""
    out: list[str] = []
    done = 0  # the page before this is copied to ``out``
    for at in _places(page):
        if at < done:
            continue  # in the text just typeset
        start = page.rfind(">", 0, at) + 1
        if page.rfind("<", start, at) >= 0:
            continue  # in a tag
        end = page.find("<", at)
        end = len(page) if end < 0 else end
        out += (page[done:start], _typeset_fr(page[start:end]))
        done = end
    if not out:
        return page
    out.append(page[done:])
    return "".join(out)


def typeset_html(html: str, lang: str) -> str:
    """``typeset`` applied to the text of an HTML page: tags, scripts and styles stay as
    they are (a script's ``a ? b : c`` is not French)."""
    if lang != "fr":
        return html
    parts = _CODE.split(html)
    # split() with one group: page, code, page, code...: the even items are the page.
    parts[::2] = [_typeset_page(part) for part in parts[::2]]
    return "".join(parts)
