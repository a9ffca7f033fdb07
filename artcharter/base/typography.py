"""Typography of the two languages: French punctuation spacing and elision."""

from __future__ import annotations


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
