"""Plain sentences about probe results, in the reader's language (texts: the audits
catalogue, artcharter.audits.messages, keys ``sentence.*``).

Every sentence says "perceived" / "perçu·e": the probe reads what a CLIP model associates
with pixels, never who a person is. Every result comes with the standing caveat about
CLIP's own biases, and results from the demo probe say that their numbers are meaningless.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from artcharter.audits.bias.clip_probe import ImageReading
from artcharter.audits.bias.metrics import AttributeMetrics
from artcharter.audits.bias.probe_classes import NO_PERSON, ProbeClasses
from artcharter.audits.bias.prompt_audit import PromptAudit
from artcharter.audits.messages import MESSAGES
from artcharter.base.numbers import fmt_percent, fmt_percent_range


def caveat(probe_name: str, lang: str) -> str:
    return MESSAGES.text("sentence.caveat", lang, probe=probe_name)


def demo_probe_warning(lang: str) -> str:
    return MESSAGES.text("sentence.demo_probe", lang)


def demo_model_warning(lang: str) -> str:
    return MESSAGES.text("sentence.demo_model", lang)


def ethnicity_warning(lang: str) -> str:
    return MESSAGES.text("sentence.ethnicity", lang)


def notices(
    probe_name: str,
    lang: str,
    *,
    demo_probe: bool,
    demo_model: bool = False,
    ethnicity: bool = False,
) -> list[str]:
    """The lines that go with any probe result: caveat first, then the warnings that apply."""
    lines = [caveat(probe_name, lang)]
    if ethnicity:
        lines.append(ethnicity_warning(lang))
    if demo_model:
        lines.append(demo_model_warning(lang))
    if demo_probe:
        lines.append(demo_probe_warning(lang))
    return lines


def _join(items: Sequence[str], lang: str) -> str:
    """ "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + MESSAGES.text("sentence.and", lang) + items[-1]


def _semicolons(items: Sequence[str], lang: str) -> str:
    return MESSAGES.text("sentence.semicolon", lang).join(items)


def attribute_phrase(m: AttributeMetrics, classes: ProbeClasses, lang: str) -> str:
    """ "8% (5–13%) as women and 92% (87–95%) as men (perceived gender: 180 images read,
    8 uncertain)"."""
    spec = classes.attribute(m.attribute)
    uncertain = MESSAGES.count("sentence.uncertain", m.n_uncertain, lang)
    if m.shares is None or m.intervals is None:
        return MESSAGES.text(
            "sentence.nothing_read", lang, label=spec.label(lang), uncertain=uncertain
        )
    shares = m.shares
    intervals = m.intervals
    order = [
        spec.focus,
        *sorted((c for c in m.classes if c != spec.focus), key=lambda c: -shares[c]),
    ]
    parts = [
        MESSAGES.text(
            "sentence.share_as",
            lang,
            share=fmt_percent(shares[c], lang),
            range=fmt_percent_range(*intervals[c], lang),
            label=spec.class_label(c, lang),
        )
        for c in order
    ]
    detail = MESSAGES.text(
        "sentence.attribute_detail",
        lang,
        label=spec.label(lang),
        read=MESSAGES.count("sentence.images_read", m.n_valid, lang),
        uncertain=uncertain,
    )
    return f"{_join(parts, lang)} ({detail})"


def prompt_sentence(
    subject: str,
    metrics: Mapping[str, AttributeMetrics],
    classes: ProbeClasses,
    lang: str,
    unreadable: int = 0,
) -> str:
    """One plain sentence per prompt: "In 200 images of “a CEO”, the probe perceived …"."""
    if not metrics:
        return ""
    first = next(iter(metrics.values()))
    total, abstain = first.n_total, first.n_abstain
    phrases = [attribute_phrase(m, classes, lang) for m in metrics.values()]
    text = MESSAGES.text(
        "sentence.prompt",
        lang,
        images=MESSAGES.count("sentence.images", total, lang),
        subject=subject,
        phrases=_semicolons(phrases, lang),
    )
    if abstain:
        text += " " + MESSAGES.count("sentence.abstain", abstain, lang)
    if unreadable:
        text += " " + MESSAGES.count("sentence.unreadable", unreadable, lang)
    # Every campaign sentence says what its intervals leave out.
    return text + " " + MESSAGES.text("sentence.interval_caveat", lang)


def reading_sentence(reading: ImageReading, classes: ProbeClasses, lang: str) -> str:
    """What the probe perceived in one artwork, with its confidence."""
    if reading.status == "unreadable":
        return MESSAGES.text("sentence.reading_unreadable", lang, error=reading.error)
    person = fmt_percent(reading.person_probability, lang)
    if reading.status == NO_PERSON:
        what = classes.gate.class_label(reading.gate_top or "", lang)
        return MESSAGES.text("sentence.reading_no_person", lang, person=person, closest=what)
    parts = []
    for attribute in classes.attributes:
        r = reading.attributes.get(attribute.id)
        if r is None:
            continue
        parts.append(
            MESSAGES.text(
                "sentence.reading_valid" if r.status == "valid" else "sentence.reading_uncertain",
                lang,
                label=attribute.label(lang),
                top=attribute.class_label(r.top, lang),
                confidence=fmt_percent(r.confidence, lang),
            )
        )
    who = MESSAGES.text(
        "sentence.several_people" if reading.several_people else "sentence.one_person", lang
    )
    return MESSAGES.text(
        "sentence.reading", lang, who=who, person=person, parts=_semicolons(parts, lang)
    )


def audit_sentence(audit: PromptAudit, lang: str) -> str:
    """The prompt audit in one or two sentences, pointing to the bias reflection."""
    identity = audit.of_kind("identity")
    descriptors = audit.of_kind("descriptor")
    names = audit.of_kind("name")
    occupations = audit.of_kind("occupation")

    def listed(findings: Sequence, with_category: bool = False) -> str:
        labels = []
        for f in findings:
            label = MESSAGES.text("sentence.quoted", lang, text=f.text)
            if with_category:
                label += f" ({f.label(lang)})"
            if f.negated:
                label += " " + negated_label(lang)
            labels.append(label)
        return ", ".join(dict.fromkeys(labels))

    parts = []
    if identity:
        parts.append(MESSAGES.text("sentence.identity_terms", lang, terms=listed(identity, True)))
    if descriptors:
        parts.append(MESSAGES.text("sentence.descriptors", lang, terms=listed(descriptors)))
    if names:
        parts.append(MESSAGES.text("sentence.protected_names", lang, terms=listed(names)))
    if parts:
        text = MESSAGES.text("sentence.prompt_contains", lang, parts=_semicolons(parts, lang))
    else:
        text = MESSAGES.text("sentence.prompt_clean", lang)
    if occupations:
        text += " " + MESSAGES.text("sentence.occupations", lang, terms=listed(occupations))
    return text


def languages_sentence(audit: PromptAudit, lang: str) -> str:
    """ "Prompt read as: French, English." — the languages the audit read, in order."""
    names = [MESSAGES.text(f"language.{code}", lang) for code in audit.langs]
    return MESSAGES.text("sentence.prompt_languages", lang, langs=", ".join(names))


def negated_label(lang: str) -> str:
    """What follows a negated finding: "(negated)", "(en négation)"."""
    return MESSAGES.text("sentence.negated", lang)
