"""Prompt sets for probe campaigns: the built-in occupations and descriptors, or a file.

A set is subjects (``a nurse`` / ``un·e infirmier·ère``) slotted into templates (``a photo
of the face of {subject}``), in English, French or both. The built-in sets live in
``audits/data`` with their sources (HEIM, Fair Diffusion, DALL-Eval). A school can give
its own set:

- a ``.toml`` file shaped like ``audits/data/occupations.toml`` (``name``, ``[templates]``
  with ``en`` / ``fr`` lists, and ``[[subject]]`` tables with ``id``, ``en``, ``fr``);
- a ``.txt`` file with one full prompt per line (``#`` starts a comment), for prompts that
  do not follow a template.

Each prompt gets a stable key (the subject id, with the language and template number when
there are several), which is how a campaign finds its images again when it resumes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from artcharter.audits.bias.prompt_audit import read_data
from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex

BUILTIN_SETS = {"occupations": "occupations.toml", "descriptors": "descriptors.toml"}
LANGS = ("en", "fr")
_VOWELS = "aeiouyhàâäéèêëîïôöûüœ"


@dataclass(frozen=True)
class ProbePrompt:
    key: str  # stable id within the set: subject id (+ ".lang" + ".template")
    subject: str  # subject id
    text: str  # the prompt given to the model
    lang: str  # en, fr, or "any" for a plain list
    label: str  # the subject as written in that language ("a nurse")
    template: str | None  # None for a plain list

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProbePrompt:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


@dataclass(frozen=True)
class PromptSet:
    name: str
    origin: str  # "builtin:occupations" or the file's path
    prompts: tuple[ProbePrompt, ...]

    @property
    def sha256(self) -> str:
        """Fingerprint of exactly what the model is asked, to tell campaigns apart."""
        payload = json.dumps([p.to_dict() for p in self.prompts], sort_keys=True)
        return sha256_hex(payload)


def fill(template: str, subject: str, lang: str) -> str:
    """The template with the subject in it; French elides "de un·e" into "d'un·e"."""
    if "{subject}" not in template:
        raise BadInput(MESSAGES("prompt_sets.template_without_subject", template=template))
    if lang == "fr" and subject[:1].lower() in _VOWELS:
        template = re.sub(r"\bde \{subject\}", "d'{subject}", template)
    return template.replace("{subject}", subject)


def _subjects_and_templates(data: Mapping[str, Any], origin: str) -> tuple[list, dict]:
    subjects = data.get("subject")
    templates = data.get("templates")
    if not isinstance(subjects, list) or not subjects:
        raise BadInput(MESSAGES("prompt_sets.no_subjects", origin=origin))
    if not isinstance(templates, Mapping) or not any(templates.get(lang) for lang in LANGS):
        raise BadInput(MESSAGES("prompt_sets.no_templates", origin=origin))
    seen = set()
    for entry in subjects:
        sid = entry.get("id") if isinstance(entry, Mapping) else None
        if not isinstance(sid, str) or not re.fullmatch(r"[\w.\-]+", sid):
            raise BadInput(MESSAGES("prompt_sets.subject_id", origin=origin))
        if sid in seen:
            raise BadInput(MESSAGES("prompt_sets.subject_twice", origin=origin, sid=sid))
        seen.add(sid)
    return subjects, dict(templates)


def _from_templates(
    name: str,
    origin: str,
    data: Mapping[str, Any],
    langs: Sequence[str],
    only: Sequence[str] | None,
) -> PromptSet:
    subjects, templates = _subjects_and_templates(data, origin)
    # Subjects marked `probe = false` are words for the prompt audit, not campaign prompts.
    subjects = [s for s in subjects if s.get("probe", True)]
    if only:
        known = {s["id"] for s in subjects}
        unknown = [s for s in only if s not in known]
        if unknown:
            raise BadInput(
                MESSAGES(
                    "prompt_sets.unknown_subjects",
                    origin=origin,
                    choices=", ".join(map(repr, unknown)),
                    known=", ".join(sorted(known)),
                )
            )
        subjects = [s for s in subjects if s["id"] in only]
    prompts: list[ProbePrompt] = []
    for entry in subjects:
        for lang in langs:
            lang_templates = templates.get(lang) or []
            label = entry.get(lang)
            if not lang_templates:
                raise BadInput(
                    MESSAGES("prompt_sets.no_templates_in_lang", origin=origin, lang=lang)
                )
            if not isinstance(label, str) or not label.strip():
                raise BadInput(
                    MESSAGES(
                        "prompt_sets.subject_without_text", origin=origin, id=entry["id"], lang=lang
                    )
                )
            for index, template in enumerate(lang_templates):
                key = entry["id"]
                if len(langs) > 1:
                    key += f".{lang}"
                if len(lang_templates) > 1:
                    key += f".{index}"
                prompts.append(
                    ProbePrompt(
                        key, entry["id"], fill(template, label, lang), lang, label, template
                    )
                )
    return PromptSet(name, origin, tuple(prompts))


def _from_lines(path: Path, text: str, only: Sequence[str] | None) -> PromptSet:
    prompts = []
    for line in text.splitlines():
        prompt = line.strip()
        if not prompt or prompt.startswith("#"):
            continue
        key = f"p{len(prompts) + 1:03d}"
        prompts.append(ProbePrompt(key, key, prompt, "any", prompt, None))
    if not prompts:
        raise BadInput(MESSAGES("prompt_sets.no_prompts", path=path))
    if len({p.text for p in prompts}) != len(prompts):
        raise BadInput(MESSAGES("prompt_sets.prompt_twice", path=path))
    if only:
        prompts = [p for p in prompts if p.key in only]
    return PromptSet(path.stem, str(path), tuple(prompts))


def load_prompt_set(
    spec: str, *, langs: Sequence[str] = ("en",), only: Sequence[str] | None = None
) -> PromptSet:
    """``occupations``, ``descriptors``, or the path of a .toml or .txt set."""
    langs = list(dict.fromkeys(langs))
    bad = [lang for lang in langs if lang not in LANGS]
    if not langs or bad:
        raise BadInput(MESSAGES("prompt_sets.unknown_languages", value=", ".join(bad) or "none"))
    if spec in BUILTIN_SETS:
        data = read_data(BUILTIN_SETS[spec])
        return _from_templates(spec, f"builtin:{spec}", data, langs, only)
    path = Path(spec)
    if not path.is_file():
        raise BadInput(MESSAGES("prompt_sets.unknown_set", spec=spec))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(MESSAGES("prompt_sets.cannot_read", path=path, error=str(exc))) from None
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise BadInput(
                MESSAGES("probe_classes.unreadable_file", path=path, error=str(exc))
            ) from None
        return _from_templates(str(data.get("name") or path.stem), str(path), data, langs, only)
    return _from_lines(path, text, only)


def builtin_subjects(name: str) -> dict[str, dict[str, Any]]:
    """The subjects of a built-in set by id, with their sources (for the docs and audits)."""
    return {s["id"]: s for s in read_data(BUILTIN_SETS[name])["subject"]}
