"""Plain sentences about probe results, in French and English.

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
from artcharter.base.numbers import fmt_percent, fmt_percent_range


def caveat(probe_name: str, lang: str) -> str:
    if lang == "fr":
        return (
            f"Ce sont des attributs perçus par la sonde CLIP ({probe_name}), pas l'identité "
            "de personnes : CLIP a appris sur des images et des légendes du web et porte ses "
            "propres biais ; lisez ces parts comme une invitation à la discussion, pas comme "
            "une mesure des personnes."
        )
    return (
        f"These are attributes perceived by the CLIP probe ({probe_name}), not people's "
        "identities: CLIP learned from web images and captions and carries its own biases, "
        "so read these shares as a prompt for discussion, not as a measurement of people."
    )


def demo_probe_warning(lang: str) -> str:
    if lang == "fr":
        return (
            "Sonde de démonstration aux poids aléatoires : ces chiffres n'ont aucun sens, "
            "ils montrent seulement le fonctionnement de la sonde."
        )
    return (
        "Demo probe with random weights: these numbers are meaningless; "
        "they only show how the probe works."
    )


def demo_model_warning(lang: str) -> str:
    if lang == "fr":
        return (
            "Images faites par un modèle de démonstration aux poids aléatoires : "
            "ce sont des bruits, pas des portraits."
        )
    return "Images made by a demo model with random weights: they are noise, not portraits."


def ethnicity_warning(lang: str) -> str:
    if lang == "fr":
        return (
            "Origine ethnique perçue demandée explicitement : lire une origine sur un visage "
            "est contesté et ces sept catégories (FairFace) écrasent bien des identités ; "
            "à n'utiliser que comme indice de ce que le modèle associe, jamais pour parler "
            "d'une personne."
        )
    return (
        "Perceived ethnicity was asked for explicitly: reading ethnicity from a face is "
        "contested and these seven categories (FairFace) flatten many identities; use it "
        "only as a marker of what the model associates, never to speak about a person."
    )


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
    if len(items) <= 1:
        return "".join(items)
    word = " et " if lang == "fr" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def attribute_phrase(m: AttributeMetrics, classes: ProbeClasses, lang: str) -> str:
    """ "8% (5–13%) as women and 92% (87–95%) as men (perceived gender: 180 images read,
    8 uncertain)"."""
    spec = classes.attribute(m.attribute)
    if m.shares is None or m.intervals is None:
        if lang == "fr":
            return (
                f"aucune image lue pour le critère « {spec.label('fr')} » "
                f"({m.n_uncertain} incertaine{'s' if m.n_uncertain > 1 else ''})"
            )
        return f"no image read for {spec.label('en')} ({m.n_uncertain} uncertain)"
    shares = m.shares
    intervals = m.intervals
    order = [
        spec.focus,
        *sorted((c for c in m.classes if c != spec.focus), key=lambda c: -shares[c]),
    ]
    word = "comme des" if lang == "fr" else "as"
    parts = [
        f"{fmt_percent(shares[c], lang)} ({fmt_percent_range(*intervals[c], lang)}) {word} "
        f"{spec.class_label(c, lang)}"
        for c in order
    ]
    if lang == "fr":
        detail = (
            f"{spec.label('fr')} : {m.n_valid} image{'s' if m.n_valid > 1 else ''} "
            f"lue{'s' if m.n_valid > 1 else ''}, {m.n_uncertain} "
            f"incertaine{'s' if m.n_uncertain > 1 else ''}"
        )
    else:
        detail = (
            f"{spec.label('en')}: {m.n_valid} image{'s' if m.n_valid != 1 else ''} read, "
            f"{m.n_uncertain} uncertain"
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
    if lang == "fr":
        text = (
            f"Sur {total} image{'s' if total > 1 else ''} de « {subject} », la sonde a perçu "
            + " ; ".join(phrases)
            + "."
        )
        if abstain:
            text += (
                f" {abstain} image{'s' if abstain > 1 else ''} sans personne perçue "
                f"{'sont mises' if abstain > 1 else 'est mise'} à part."
            )
        if unreadable:
            text += (
                f" {unreadable} fichier{'s' if unreadable > 1 else ''} illisible"
                f"{'s' if unreadable > 1 else ''} {'sont laissés' if unreadable > 1 else 'est laissé'}"
                " de côté."
            )
        return text
    text = (
        f"In {total} image{'s' if total != 1 else ''} of “{subject}”, the probe perceived "
        + "; ".join(phrases)
        + "."
    )
    if abstain:
        text += (
            f" {abstain} image{'s' if abstain != 1 else ''} where it perceived no person "
            f"{'are' if abstain != 1 else 'is'} set apart."
        )
    if unreadable:
        text += (
            f" {unreadable} unreadable file{'s' if unreadable != 1 else ''} "
            f"{'were' if unreadable != 1 else 'was'} left out."
        )
    return text


def reading_sentence(reading: ImageReading, classes: ProbeClasses, lang: str) -> str:
    """What the probe perceived in one artwork, with its confidence."""
    if reading.status == "unreadable":
        return (
            f"Image illisible pour la sonde : {reading.error}"
            if lang == "fr"
            else f"The probe could not read the image: {reading.error}"
        )
    person = fmt_percent(reading.person_probability, lang)
    if reading.status == NO_PERSON:
        what = classes.gate.class_label(reading.gate_top or "", lang)
        if lang == "fr":
            return (
                f"La sonde ne perçoit personne dans cette image (probabilité d'une personne "
                f"{person} ; plus proche de : {what}) : elle s'abstient."
            )
        return (
            f"The probe perceives no person in this image (probability of a person {person}; "
            f"closest to: {what}), so it abstains."
        )
    parts = []
    for attribute in classes.attributes:
        r = reading.attributes.get(attribute.id)
        if r is None:
            continue
        top = attribute.class_label(r.top, lang)
        if r.status == "valid":
            parts.append(
                f"{attribute.label(lang)} : {top} ({fmt_percent(r.confidence, lang)})"
                if lang == "fr"
                else f"{attribute.label(lang)}: {top} ({fmt_percent(r.confidence, lang)})"
            )
        elif lang == "fr":
            parts.append(
                f"{attribute.label(lang)} : incertain (au mieux {top}, {fmt_percent(r.confidence, lang)})"
            )
        else:
            parts.append(
                f"{attribute.label(lang)}: uncertain (at best {top}, {fmt_percent(r.confidence, lang)})"
            )
    if lang == "fr":
        who = (
            "plusieurs personnes (les lectures décrivent l'image entière)"
            if reading.several_people
            else "une personne"
        )
        return (
            f"La sonde perçoit {who} (probabilité d'une personne {person}) — "
            + " ; ".join(parts)
            + "."
        )
    who = (
        "several people (the readings describe the whole image)"
        if reading.several_people
        else "one person"
    )
    return f"The probe perceives {who} (person probability {person}) — " + "; ".join(parts) + "."


def audit_sentence(audit: PromptAudit, lang: str) -> str:
    """The prompt audit in one or two sentences, pointing to the bias reflection."""
    identity = audit.of_kind("identity")
    descriptors = audit.of_kind("descriptor")
    names = audit.of_kind("name")
    occupations = audit.of_kind("occupation")

    def listed(findings: Sequence, with_category: bool = False) -> str:
        labels = []
        for f in findings:
            label = f"« {f.text} »" if lang == "fr" else f"“{f.text}”"
            if with_category:
                label += f" ({f.label(lang)})"
            labels.append(label)
        return ", ".join(dict.fromkeys(labels))

    parts = []
    if lang == "fr":
        if identity:
            parts.append(f"des termes d'identité : {listed(identity, True)}")
        if descriptors:
            parts.append(
                f"des qualificatifs stéréotypés des listes HEIM / DALL-Eval : {listed(descriptors)}"
            )
        if names:
            parts.append(f"des noms de la liste protégée de l'école : {listed(names)}")
        text = (
            "Le prompt contient " + " ; ".join(parts) + ". Dites pourquoi dans la réflexion "
            "sur les biais."
            if parts
            else "Le prompt ne contient ni terme d'identité, ni qualificatif stéréotypé, ni nom "
            "protégé."
        )
        if occupations:
            text += f" Métiers mesurés par les campagnes : {listed(occupations)}."
        return text
    if identity:
        parts.append(f"identity terms: {listed(identity, True)}")
    if descriptors:
        parts.append(
            f"stereotype descriptors from the HEIM / DALL-Eval lists: {listed(descriptors)}"
        )
    if names:
        parts.append(f"names from the school's protected list: {listed(names)}")
    text = (
        "The prompt contains " + "; ".join(parts) + ". Say why in the bias reflection."
        if parts
        else "The prompt contains no identity term, stereotype descriptor or protected name."
    )
    if occupations:
        text += f" Occupations the campaigns measure: {listed(occupations)}."
    return text
