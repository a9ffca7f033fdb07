"""Rule evaluation: Evidence + Charter -> one verdict per rule, with reasons in words.

Pure functions: no file, no ledger, no clock other than the dates inside the evidence. Each
evidence kind of artcharter.charter.model has one function here; it returns a status among

- ``pass``: the rule is met;
- ``fail``: the rule is not met by what the file and the declaration say;
- ``needs-declaration``: only the artist's declaration (missing, or missing that part) can
  settle it;
- ``not-applicable``: the rule does not concern this artwork (no AI used, no prompt...),

the reason in French and English, and the evidence it read. An artwork passes the charter
when every enabled required rule passes or does not apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.numbers import fmt_energy
from artcharter.base.typography import de, punct
from artcharter.charter.declaration import STAGES, Declaration, DeclaredTool, HumanInput
from artcharter.charter.evidence import Evidence
from artcharter.charter.model import Charter, Rule
from artcharter.provenance import verdicts
from artcharter.provenance.record import SOURCE_TYPES, ArtworkRecord

PASS = "pass"
FAIL = "fail"
NEEDS_DECLARATION = "needs-declaration"
NOT_APPLICABLE = "not-applicable"
STATUSES = (PASS, FAIL, NEEDS_DECLARATION, NOT_APPLICABLE)
STATUS_TITLES = {
    PASS: {"fr": "respectée", "en": "pass"},
    FAIL: {"fr": "non respectée", "en": "fail"},
    NEEDS_DECLARATION: {"fr": "déclaration nécessaire", "en": "needs a declaration"},
    NOT_APPLICABLE: {"fr": "sans objet", "en": "not applicable"},
}


@dataclass(frozen=True)
class RuleVerdict:
    rule_id: str
    point: str
    severity: str
    status: str
    reason: dict[str, str]
    evidence: dict[str, Any] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Passed or did not apply: what a required rule needs."""
        return self.status in (PASS, NOT_APPLICABLE)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        pick = (lambda texts: texts.get(lang, "")) if lang else dict
        return {
            "rule_id": self.rule_id,
            "point": self.point,
            "severity": self.severity,
            "status": self.status,
            "status_title": pick(STATUS_TITLES[self.status]),
            "title": pick(self.title),
            "reason": pick(self.reason),
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Outcome:
    status: str
    reason: dict[str, str]
    evidence: dict[str, Any]


def outcome(status: str, fr: str, en: str, **evidence: Any) -> Outcome:
    return Outcome(status, {"fr": fr, "en": en}, evidence)


def evaluate(charter: Charter, evidence: Evidence) -> list[RuleVerdict]:
    """One verdict per enabled rule, in the charter's order."""
    return [evaluate_rule(rule, evidence) for rule in charter.active_rules]


def evaluate_rule(rule: Rule, evidence: Evidence) -> RuleVerdict:
    result = EVALUATORS[rule.evidence](rule.params, evidence)
    return RuleVerdict(
        rule.id,
        rule.point,
        rule.severity,
        result.status,
        result.reason,
        result.evidence,
        rule.title,
    )


def passed(rule_verdicts: list[RuleVerdict]) -> bool:
    """Every required rule passed or did not apply."""
    return all(v.ok for v in rule_verdicts if v.severity == "required")


# --- what the evidence says, in the terms the rules need ---------------------------------------


def declaration(ev: Evidence) -> Declaration | None:
    return ev.declaration


def declared_share(ev: Evidence) -> dict[str, str]:
    declared = declaration(ev)
    share = declared.ai_share if declared else {}
    return {k: v for k, v in share.items() if k in STAGES}


def declared_tools(ev: Evidence) -> tuple[DeclaredTool, ...]:
    declared = declaration(ev)
    return declared.tools if declared else ()


def source_type(ev: Evidence) -> str | None:
    if ev.record is not None and ev.record.source_type:
        return ev.record.source_type
    return ev.source_types[0] if ev.source_types else None


def ai_used(ev: Evidence) -> bool | None:
    """Whether AI had a part in the artwork; None when nothing says (no record, no declaration)."""
    if ev.origin is not None:
        return True
    share = declared_share(ev)
    if any(v != "none" for v in share.values()) or declared_tools(ev):
        return True
    if ev.record is not None:
        record = ev.record
        return bool(
            record.ai_share in ("generated", "partly-generated", "enhanced")
            or record.tool
            or record.model
        )
    if declaration(ev) is not None:
        return False
    if ev.source_types:
        return any(SOURCE_TYPES.get(t, "none") != "none" for t in ev.source_types)
    return None


def model_names(origin: ArtworkRecord) -> tuple[str, str]:
    """The model's name in French and English; a demo model says so wherever it shows."""
    model = origin.model
    if model is None:
        return "?", "?"
    if model.is_demo:
        return (
            f"{model.id} (modèle de démonstration, poids aléatoires)",
            f"{model.id} (demo model, random weights)",
        )
    return model.id, model.id


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(items: list[str]) -> str:
    return ", ".join(items)


_NOTHING = outcome(
    NEEDS_DECLARATION,
    "Le fichier ne porte ni fiche artcharter ni déclaration : rien ne dit comment l'IA a été "
    "utilisée.",
    "The file carries neither an artcharter record nor a declaration: nothing says how AI "
    "was used.",
)
_NO_AI = outcome(
    NOT_APPLICABLE,
    "Aucun usage de l'IA n'est déclaré pour cette œuvre.",
    "No use of AI is declared for this artwork.",
)
_NO_DECLARATION = (
    "L'artiste n'a pas joint de déclaration.",
    "The artist attached no declaration.",
)


def _needs(fr: str, en: str, **evidence: Any) -> Outcome:
    return outcome(
        NEEDS_DECLARATION, f"{_NO_DECLARATION[0]} {fr}", f"{_NO_DECLARATION[1]} {en}", **evidence
    )


# --- one function per evidence kind -------------------------------------------------------------


def credential(params: dict[str, Any], ev: Evidence) -> Outcome:
    seen = {"verdict": ev.verdict, "failure_codes": list(ev.failure_codes)}
    fr_title, en_title = verdicts.title(ev.verdict, "fr"), verdicts.title(ev.verdict, "en")
    if ev.verdict in params["accept"]:
        return outcome(
            PASS,
            f"Content Credentials valides (verdict : {fr_title}).",
            f"Valid Content Credentials (verdict: {en_title}).",
            **seen,
        )
    return outcome(
        FAIL,
        f"Verdict de la vérification : {fr_title}. {verdicts.explanation(ev.verdict, 'fr')}",
        f"Verification verdict: {en_title}. {verdicts.explanation(ev.verdict, 'en')}",
        **seen,
    )


def signer_trust(params: dict[str, Any], ev: Evidence) -> Outcome:
    name = ev.signer.get("name") or "?"
    issuer = ev.signer.get("organisation") or "?"
    seen = {"verdict": ev.verdict, "signer": name, "issuer": issuer}
    if ev.verdict == verdicts.TRUSTED:
        issuers = params["issuers"]
        if issuers and issuer not in issuers:
            return outcome(
                FAIL,
                f"Signé par {name}, certificat émis par {issuer}, qui n'est pas parmi les "
                f"autorités acceptées ({_list(issuers)}).",
                f"Signed by {name} with a certificate issued by {issuer}, which is not among "
                f"the accepted authorities ({_list(issuers)}).",
                **seen,
            )
        return outcome(
            PASS,
            f"Signé par {name}, certificat émis par {issuer}, autorité reconnue.",
            f"Signed by {name} with a certificate issued by {issuer}, a trusted authority.",
            **seen,
        )
    if ev.verdict == verdicts.VALID_UNTRUSTED:
        return outcome(
            FAIL,
            f"Signature valide {de(name)}, mais son certificat (émis par {issuer}) ne vient pas "
            "d'une autorité que l'école reconnaît : vérifiez avec la racine de l'école (--trust).",
            f"Valid signature by {name}, but the certificate (issued by {issuer}) does not come "
            "from an authority the school trusts: verify with the school's root (--trust).",
            **seen,
        )
    return outcome(
        FAIL,
        "Aucune signature valide : il n'y a pas de signataire à reconnaître.",
        "No valid signature: there is no signer to trust.",
        **seen,
    )


def _expected_shares(share: dict[str, str]) -> tuple[str, ...]:
    """The source-type shares (artcharter.provenance.record.SOURCE_TYPES) that fit the declared stages."""
    rendering, post = share.get("rendering", "none"), share.get("post-production", "none")
    if rendering == "generated":
        return ("generated", "partly-generated")
    if rendering == "assisted":
        return ("partly-generated", "enhanced")
    if post == "generated":
        return ("partly-generated",)
    if post == "assisted":
        return ("partly-generated", "enhanced")
    # AI for ideas or layout only: the pixels themselves were made without it.
    return ("none",)


SHARE_WORDS = {
    "generated": {"fr": "générée par l'IA", "en": "generated by AI"},
    "partly-generated": {"fr": "en partie générée", "en": "partly generated"},
    "enhanced": {"fr": "retouchée par l'IA", "en": "enhanced by AI"},
    "none": {"fr": "sans IA", "en": "without AI"},
    "unknown": {"fr": "inconnue", "en": "unknown"},
}


def source_type_rule(params: dict[str, Any], ev: Evidence) -> Outcome:
    kind = source_type(ev)
    if kind is None:
        return outcome(
            FAIL,
            "Aucun type de source numérique (IPTC) n'est déclaré dans le fichier.",
            "No IPTC digital source type is declared in the file.",
        )
    image_share = SOURCE_TYPES.get(kind, "unknown")
    seen: dict[str, Any] = {"source_type": kind, "image_share": image_share}
    if image_share == "unknown":
        return outcome(
            FAIL,
            f"Type de source inconnu : {kind}.",
            f"Unknown source type: {kind}.",
            **seen,
        )
    if ev.origin is not None and image_share == "none":
        return outcome(
            FAIL,
            f"L'image a été générée par un modèle, mais le type de source ({kind}) dit qu'elle "
            "est faite sans IA.",
            f"The image was generated by a model, but its source type ({kind}) says it was made "
            "without AI.",
            **seen,
        )
    share = declared_share(ev)
    seen["declared_share"] = share
    if declaration(ev) is None:
        return _needs(
            f"Le type de source {kind} est déclaré ; la part de l'IA à chaque étape doit être "
            "déclarée pour vérifier qu'il est cohérent.",
            f"The source type {kind} is declared; the AI share at each stage must be declared "
            "to check that it is consistent.",
            **seen,
        )
    missing = [s for s in STAGES if s not in share]
    if missing:
        return outcome(
            NEEDS_DECLARATION,
            f"La déclaration ne donne pas la part de l'IA pour : {_list(missing)}.",
            f"The declaration does not give the AI share for: {_list(missing)}.",
            **seen,
        )
    expected = _expected_shares(share)
    seen["expected_shares"] = list(expected)
    stages = ", ".join(f"{s} = {share[s]}" for s in STAGES)
    if image_share in expected:
        return outcome(
            PASS,
            f"Le type de source {kind} (image {SHARE_WORDS[image_share]['fr']}) correspond à la "
            f"part déclarée ({stages}).",
            f"The source type {kind} (image {SHARE_WORDS[image_share]['en']}) matches the "
            f"declared share ({stages}).",
            **seen,
        )
    want_fr = " ou ".join(SHARE_WORDS[s]["fr"] for s in expected)
    want_en = " or ".join(SHARE_WORDS[s]["en"] for s in expected)
    return outcome(
        FAIL,
        f"Le type de source {kind} dit l'image {SHARE_WORDS[image_share]['fr']}, mais la part "
        f"déclarée ({stages}) correspond à une image {want_fr}.",
        f"The source type {kind} says the image is {SHARE_WORDS[image_share]['en']}, but the "
        f"declared share ({stages}) describes an image {want_en}.",
        **seen,
    )


def generation_params(params: dict[str, Any], ev: Evidence) -> Outcome:
    used = ai_used(ev)
    if used is None:
        return _NOTHING
    if not used:
        return _NO_AI
    problems_fr: list[str] = []
    problems_en: list[str] = []
    seen: dict[str, Any] = {}
    if ev.origin is not None:
        generation = ev.origin.generation
        missing = [] if ev.origin.model else ["model"]
        missing += [f for f in params["fields"] if getattr(generation, f, None) is None]
        seen["generation"] = {
            "artwork_id": ev.origin.artwork_id,
            "model": ev.origin.model.id if ev.origin.model else None,
            "missing": missing,
        }
        if missing:
            problems_fr.append(f"la génération ne consigne pas : {_list(missing)}")
            problems_en.append(f"the generation does not record: {_list(missing)}")
    tools = declared_tools(ev)
    seen["tools"] = []
    for index, tool in enumerate(tools, 1):
        missing = [f for f in params["tool_fields"] if not getattr(tool, f, None)]
        name = tool.name or f"#{index}"
        seen["tools"].append({"name": name, "missing": missing})
        if missing:
            problems_fr.append(f"l'outil {name} n'a pas : {_list(missing)}")
            problems_en.append(f"tool {name} lacks: {_list(missing)}")
    if ev.origin is None and not tools:
        tool_name = ev.record.tool if ev.record else None
        named_fr = f" (l'outil {tool_name} est nommé dans le fichier)" if tool_name else ""
        named_en = f" (the file names the tool {tool_name})" if tool_name else ""
        if declaration(ev) is None:
            return _needs(
                f"L'IA a été utilisée hors d'artcharter{named_fr} : décrivez chaque outil "
                "(nom, version, date, prompts) dans la déclaration.",
                f"AI was used outside artcharter{named_en}: describe each tool (name, version, "
                "date, prompts) in the declaration.",
                **seen,
            )
        return outcome(
            FAIL,
            f"L'IA a été utilisée, mais la déclaration ne décrit aucun outil{named_fr}.",
            f"AI was used, but the declaration describes no tool{named_en}.",
            **seen,
        )
    # Each stage the declaration says used AI must be covered: an artcharter generation
    # covers everything but post-production; a tool covers its stage, or all without one.
    covered = set(STAGES) - {"post-production"} if ev.origin is not None else set()
    for tool in tools:
        covered |= {tool.stage} if tool.stage in STAGES else set(STAGES)
    uncovered = [s for s, v in declared_share(ev).items() if v != "none" and s not in covered]
    if uncovered:
        problems_fr.append(f"aucun outil déclaré pour l'étape : {_list(uncovered)}")
        problems_en.append(f"no tool declared for the stage: {_list(uncovered)}")
    if problems_en:
        return outcome(
            FAIL,
            "Étapes d'IA incomplètement consignées : " + " ; ".join(problems_fr) + ".",
            "AI steps not fully recorded: " + "; ".join(problems_en) + ".",
            **seen,
        )
    parts_fr, parts_en = [], []
    if ev.origin is not None:
        model_fr, model_en = model_names(ev.origin)
        parts_fr.append(f"la génération artcharter ({model_fr})")
        parts_en.append(f"the artcharter generation ({model_en})")
    if tools:
        names = _list([str(t.name) for t in tools])
        parts_fr.append(f"les outils déclarés ({names})")
        parts_en.append(f"the declared tools ({names})")
    return outcome(
        PASS,
        "Chaque étape d'IA est consignée : " + " et ".join(parts_fr) + ".",
        "Every AI step is recorded: " + " and ".join(parts_en) + ".",
        **seen,
    )


def _ingredient_list(ev: Evidence) -> list[dict[str, Any]]:
    if ev.record is not None:
        return [
            {"title": i.title, "sha256": i.sha256, "role": i.role} for i in ev.record.ingredients
        ]
    return [
        {"title": i.get("title"), "sha256": None, "role": i.get("description")}
        for i in ev.ingredients
        if i.get("relationship") != "parentOf"
    ]


def _matches(declared: HumanInput, ingredient: dict[str, Any]) -> bool:
    if declared.sha256:
        return declared.sha256 == ingredient.get("sha256")
    return Path(str(declared.file)).name == ingredient.get("title")


def ingredients(params: dict[str, Any], ev: Evidence) -> Outcome:
    attached = _ingredient_list(ev)
    inputs = found.human_inputs if (found := declaration(ev)) else ()
    declared = [d for d in inputs if d.file]
    kind = source_type(ev) or ""
    seen = {
        "ingredients": [i["title"] for i in attached],
        "declared": [d.file for d in declared],
    }
    if declared:
        missing = [d.file for d in declared if not any(_matches(d, i) for i in attached)]
        if missing:
            return outcome(
                FAIL,
                f"Apports humains déclarés mais absents des ingrédients : {_list(missing)} "
                "(joignez-les en signant : --ingredient FICHIER:ROLE).",
                f"Human inputs declared but not attached as ingredients: {_list(missing)} "
                "(attach them when signing: --ingredient FILE:ROLE).",
                **seen,
            )
        return outcome(
            PASS,
            f"Apport(s) humain(s) déclaré(s), tous joints comme ingrédients : "
            f"{_list(seen['declared'])}.",
            f"Declared human input(s), all attached as ingredients: {_list(seen['declared'])}.",
            **seen,
        )
    if attached:
        return outcome(
            PASS,
            f"{len(attached)} apport(s) humain(s) joint(s) : {_list(seen['ingredients'])}.",
            f"{len(attached)} human input(s) attached: {_list(seen['ingredients'])}.",
            **seen,
        )
    if kind.startswith("composite"):
        return outcome(
            FAIL,
            f"Le type de source {kind} dit que l'image assemble des éléments, mais aucun "
            "ingrédient n'est joint.",
            f"The source type {kind} says the image combines material, but no ingredient is "
            "attached.",
            **seen,
        )
    if ev.record is None and declaration(ev) is None:
        return _NOTHING
    if declaration(ev) is not None:
        return outcome(
            NOT_APPLICABLE,
            "Aucun apport humain (croquis, photo...) n'est déclaré.",
            "No human input (sketch, photo...) is declared.",
            **seen,
        )
    return _needs(
        "Aucun ingrédient n'est joint : déclarez vos apports humains (ou leur absence).",
        "No ingredient is attached: declare your human inputs (or that there were none).",
        **seen,
    )


def prompt_audit(params: dict[str, Any], ev: Evidence) -> Outcome:
    audit = ev.prompt_audit
    seen: dict[str, Any] = {"prompts": len(ev.prompts), "audit_available": audit.available}
    if not ev.prompts:
        if ev.private_prompt:
            return outcome(
                NOT_APPLICABLE,
                "Le prompt est privé (seule son empreinte est dans le fichier) et le registre "
                "n'est pas disponible ici : il est audité là où le registre l'est.",
                "The prompt is private (only its hash is in the file) and the ledger is not "
                "available here: it is audited where the ledger is.",
                private_prompt=True,
                **seen,
            )
        used = ai_used(ev)
        if used is None:
            return _NOTHING
        if used and declaration(ev) is None:
            return _needs(
                "Aucun prompt n'est consigné : donnez vos prompts dans la déclaration.",
                "No prompt is recorded: give your prompts in the declaration.",
                **seen,
            )
        return outcome(NOT_APPLICABLE, "Aucun prompt à auditer.", "No prompt to audit.", **seen)
    if not audit.available:
        return outcome(
            NOT_APPLICABLE,
            f"L'audit de prompt n'a pas pu être fait ({audit.note}).",
            f"The prompt audit could not run ({audit.note}).",
            **seen,
        )
    terms = list(dict.fromkeys(str(f.get("text") or f.get("term")) for f in audit.flagged))
    seen["flagged"] = [dict(f) for f in audit.flagged]
    if not terms:
        return outcome(
            PASS,
            f"{len(ev.prompts)} prompt(s) audité(s) : aucun terme signalé.",
            f"{len(ev.prompts)} prompt(s) audited: no term flagged.",
            **seen,
        )
    reflection = _text(found.bias_reflection if (found := declaration(ev)) else None)
    seen["reflection_chars"] = len(reflection)
    if declaration(ev) is None:
        return _needs(
            f"Termes signalés dans le prompt : {_list(terms)}. Répondez-y dans la réflexion "
            "sur les biais (bias_reflection).",
            f"Terms flagged in the prompt: {_list(terms)}. Answer them in the bias reflection "
            "(bias_reflection).",
            **seen,
        )
    if not reflection:
        return outcome(
            NEEDS_DECLARATION,
            f"Termes signalés dans le prompt : {_list(terms)}, sans réflexion sur les biais "
            "dans la déclaration (bias_reflection).",
            f"Terms flagged in the prompt: {_list(terms)}, with no bias reflection in the "
            "declaration (bias_reflection).",
            **seen,
        )
    minimum = params["min_reflection_chars"]
    if len(reflection) < minimum:
        return outcome(
            FAIL,
            f"Termes signalés : {_list(terms)} ; la réflexion sur les biais est trop courte "
            f"({len(reflection)} caractères, {minimum} attendus).",
            f"Flagged terms: {_list(terms)}; the bias reflection is too short "
            f"({len(reflection)} characters, {minimum} expected).",
            **seen,
        )
    return outcome(
        PASS,
        f"Termes signalés : {_list(terms)} ; l'artiste y répond dans sa réflexion sur les biais.",
        f"Flagged terms: {_list(terms)}; the artist answers them in the bias reflection.",
        **seen,
    )


def _date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def bias_campaign(params: dict[str, Any], ev: Evidence) -> Outcome:
    used = ai_used(ev)
    if used is None:
        return _NOTHING
    if not used:
        return _NO_AI
    if ev.origin is None or ev.origin.model is None:
        return outcome(
            NOT_APPLICABLE,
            "L'image vient d'un outil externe : l'école ne peut pas sonder ses biais elle-même.",
            "The image comes from an external tool: the school cannot probe its biases itself.",
        )
    model = ev.origin.model.id
    model_fr, model_en = model_names(ev.origin)
    seen: dict[str, Any] = {"model": model, "campaign": ev.campaign}
    if ev.campaign is None:
        where_fr = "" if ev.ledger else " (aucun registre consulté, et le fichier n'en cite pas)"
        where_en = "" if ev.ledger else " (no ledger consulted, and the file names none)"
        return outcome(
            FAIL,
            f"Aucune campagne de sondage des biais pour le modèle {model_fr}{where_fr}.",
            f"No bias probe campaign for the model {model_en}{where_en}.",
            **seen,
        )
    made, run = _date(ev.origin.created_at), _date(ev.campaign.get("created_at"))
    if made is None or run is None:
        return outcome(
            FAIL,
            "La date de la campagne ou de l'œuvre est illisible.",
            "The date of the campaign or of the artwork cannot be read.",
            **seen,
        )
    # A campaign run after the artwork still documents the model it used.
    age = max(0, (made - run).days)
    seen["age_days"] = age
    limit = params["max_age_days"]
    campaign_id = ev.campaign.get("campaign_id")
    if age <= limit:
        return outcome(
            PASS,
            f"Campagne {campaign_id} pour {model_fr}, faite {age} jour(s) avant l'œuvre "
            f"(limite : {limit}).",
            f"Campaign {campaign_id} for {model_en}, run {age} day(s) before the artwork "
            f"(limit: {limit}).",
            **seen,
        )
    return outcome(
        FAIL,
        f"La dernière campagne pour {model_fr} ({campaign_id}) date de {age} jours avant l'œuvre, "
        f"au-delà de la limite de {limit} jours.",
        f"The latest campaign for {model_en} ({campaign_id}) was run {age} days before the artwork, "
        f"beyond the {limit}-day limit.",
        **seen,
    )


def _declared_text(
    ev: Evidence, key: str, minimum: int, names: tuple[str, str], *, needs_ai: bool
) -> Outcome:
    """A text of the declaration of at least ``minimum`` characters (statement, explanation)."""
    fr_name, en_name = names
    if needs_ai:
        used = ai_used(ev)
        if used is False:
            return _NO_AI
    declared = declaration(ev)
    if declared is None:
        return _needs(f"Il manque {fr_name}.", f"The {en_name} is missing.")
    text = _text(declared.field(key))
    seen = {"field": key, "chars": len(text), "min_chars": minimum}
    if not text:
        return outcome(
            FAIL,
            f"La déclaration ne contient pas {fr_name} ({key}).",
            f"The declaration has no {en_name} ({key}).",
            **seen,
        )
    if len(text) < minimum:
        return outcome(
            FAIL,
            f"{fr_name[0].upper()}{fr_name[1:]} est trop courte : {len(text)} caractères, "
            f"{minimum} attendus.",
            f"The {en_name} is too short: {len(text)} characters, {minimum} expected.",
            **seen,
        )
    return outcome(
        PASS,
        f"{fr_name[0].upper()}{fr_name[1:]} est présente ({len(text)} caractères).",
        f"The {en_name} is present ({len(text)} characters).",
        **seen,
    )


def explanation(params: dict[str, Any], ev: Evidence) -> Outcome:
    return _declared_text(
        ev,
        "explanation",
        params["min_chars"],
        ("l'explication en langage courant", "plain-language explanation"),
        needs_ai=True,
    )


def statement(params: dict[str, Any], ev: Evidence) -> Outcome:
    return _declared_text(
        ev,
        "statement",
        params["min_chars"],
        ("la note d'intention", "artist statement"),
        needs_ai=False,
    )


def techniques(params: dict[str, Any], ev: Evidence) -> Outcome:
    if ai_used(ev) is False:
        return _NO_AI
    declared = declaration(ev)
    if declared is None:
        return _needs(
            "Nommez les techniques qui auraient permis de faire l'image sans IA.",
            "Name the techniques that would have made the image without AI.",
        )
    names = [str(t.name) for t in declared.techniques if t.name]
    minimum = params["min_count"]
    seen = {"techniques": names, "min_count": minimum}
    if len(names) < minimum:
        return outcome(
            FAIL,
            f"La déclaration nomme {len(names)} technique(s) sans IA ; {minimum} attendue(s).",
            f"The declaration names {len(names)} non-AI technique(s); {minimum} expected.",
            **seen,
        )
    return outcome(
        PASS,
        f"Techniques sans IA nommées : {_list(names) or '-'}.",
        f"Non-AI techniques named: {_list(names) or '-'}.",
        **seen,
    )


def energy_recorded(params: dict[str, Any], ev: Evidence) -> Outcome:
    used = ai_used(ev)
    if used is None:
        return _NOTHING
    if not used:
        return _NO_AI
    problems_fr: list[str] = []
    problems_en: list[str] = []
    parts_fr: list[str] = []
    parts_en: list[str] = []
    seen: dict[str, Any] = {}
    if ev.origin is not None:
        session = ev.session
        generations = session.generations if session else ()
        unmeasured = [g for g in generations if g.energy_status != "measured"]
        seen["session"] = session.to_dict() if session else None
        if not generations or unmeasured:
            count = len(unmeasured) or 1
            problems_fr.append(f"{count} génération(s) sans énergie mesurée")
            problems_en.append(f"{count} generation(s) without measured energy")
        elif session is not None and session.source == "ledger":
            aborted_fr = f" et {session.aborted} interrompue(s)" if session.aborted else ""
            aborted_en = f" and {session.aborted} aborted" if session.aborted else ""
            parts_fr.append(
                f"{len(generations)} génération(s) de la séance mesurée(s), dont "
                f"{session.discarded} écartée(s){aborted_fr}"
            )
            parts_en.append(
                f"{len(generations)} generation(s) of the session measured, "
                f"{session.discarded} of them discarded{aborted_en}"
            )
        else:
            parts_fr.append(
                "énergie de cette image mesurée (sans registre, les images écartées n'ont pas "
                "pu être vérifiées)"
            )
            parts_en.append(
                "energy of this image measured (without the ledger, discarded images could not "
                "be checked)"
            )
    tools = declared_tools(ev)
    if ev.origin is None and not tools:
        if declaration(ev) is None:
            return _needs(
                "Pour un outil externe, déclarez combien d'images ont été générées en tout.",
                "For an external tool, declare how many images were generated in all.",
            )
        return outcome(
            FAIL,
            "L'IA a été utilisée mais la déclaration ne décrit aucun outil ni nombre d'images.",
            "AI was used but the declaration describes no tool nor number of images.",
        )
    missing = [str(t.name) for t in tools if not t.generations]
    seen["tools"] = [
        {"name": t.name, "generations": t.generations, "energy_kwh": t.energy_kwh} for t in tools
    ]
    if missing:
        problems_fr.append(f"nombre d'images générées non déclaré pour : {_list(missing)}")
        problems_en.append(f"number of images generated not declared for: {_list(missing)}")
    elif tools:
        count = sum(int(t.generations) for t in tools)
        parts_fr.append(f"{count} image(s) déclarée(s) avec des outils externes (non mesurées)")
        parts_en.append(f"{count} image(s) declared with external tools (not measured)")
    if problems_en:
        return outcome(
            FAIL,
            "Énergie incomplète : " + " ; ".join(problems_fr) + ".",
            "Energy incomplete: " + "; ".join(problems_en) + ".",
            **seen,
        )
    return outcome(
        PASS,
        "Énergie consignée : " + " ; ".join(parts_fr) + ".",
        "Energy recorded: " + "; ".join(parts_en) + ".",
        **seen,
    )


def energy_budget(params: dict[str, Any], ev: Evidence) -> Outcome:
    used = ai_used(ev)
    if used is None:
        return _NOTHING
    if not used:
        return _NO_AI
    budget = float(params["budget_kwh"])
    total = 0.0
    known = False
    notes_fr: list[str] = []
    notes_en: list[str] = []
    seen: dict[str, Any] = {"budget_kwh": budget}
    session = ev.session if ev.origin is not None else None
    if session is not None and any(g.energy_status == "measured" for g in session.generations):
        known = True
        session_kwh = session.measured_kwh
        count = len(session.generations)
        notes_fr.append(f"{count} génération(s) mesurée(s), dont {session.discarded} écartée(s)")
        notes_en.append(f"{count} measured generation(s), {session.discarded} discarded")
        if params["include_loading"] and session.loading_kwh:
            session_kwh += session.loading_kwh
            seen["loading_kwh"] = session.loading_kwh
            notes_fr.append("chargement du modèle compris")
            notes_en.append("model loading included")
        # The session's energy is shared by the images it yielded, so that a session that
        # gave four artworks is not counted four times.
        shares = max(1, session.kept)
        seen.update(session_kwh=session_kwh, images_kept=shares)
        total += session_kwh / shares
        if shares > 1:
            notes_fr.append(
                f"{fmt_energy(session_kwh, 'fr')} pour la séance, partagés entre {shares} images gardées"
            )
            notes_en.append(
                f"{fmt_energy(session_kwh, 'en')} for the session, shared by {shares} kept images"
            )
        if session.source != "ledger":
            notes_fr.append("cette image seulement, sans registre")
            notes_en.append("this image only, without the ledger")
    elif ev.origin is None and not declared_tools(ev) and declaration(ev) is None:
        return _needs(
            "Pour un outil externe, déclarez le nombre d'images générées pour estimer l'énergie.",
            "For an external tool, declare the number of images generated to estimate energy.",
        )
    per_image = float(params["external_kwh_per_image"])
    for tool in declared_tools(ev):
        if tool.energy_kwh is not None:
            known = True
            total += float(tool.energy_kwh)
            notes_fr.append(f"{tool.name} : énergie déclarée")
            notes_en.append(f"{tool.name}: declared energy")
        elif tool.generations:
            known = True
            total += int(tool.generations) * per_image
            notes_fr.append(
                f"{tool.name} : estimée, {tool.generations} images × {fmt_energy(per_image, 'fr')}"
            )
            notes_en.append(
                f"{tool.name}: estimated, {tool.generations} images × {fmt_energy(per_image, 'en')}"
            )
    if not known:
        return outcome(
            NOT_APPLICABLE,
            "Aucune énergie mesurée ou déclarée à comparer au budget (voir la règle sur "
            "l'énergie consignée).",
            "No measured or declared energy to compare with the budget (see the rule on "
            "recorded energy).",
            **seen,
        )
    seen["total_kwh"] = total
    detail_fr, detail_en = punct(";", "fr").join(notes_fr), "; ".join(notes_en)
    if total <= budget:
        return outcome(
            PASS,
            f"{fmt_energy(total, 'fr')} pour un budget de {fmt_energy(budget, 'fr')} ({detail_fr}).",
            f"{fmt_energy(total, 'en')} for a budget of {fmt_energy(budget, 'en')} ({detail_en}).",
            **seen,
        )
    return outcome(
        FAIL,
        f"{fmt_energy(total, 'fr')} dépasse le budget de {fmt_energy(budget, 'fr')} ({detail_fr}).",
        f"{fmt_energy(total, 'en')} exceeds the budget of {fmt_energy(budget, 'en')} ({detail_en}).",
        **seen,
    )


TM_WORDS = {
    "allowed": {"fr": "autorisé", "en": "allowed"},
    "notAllowed": {"fr": "interdit", "en": "not allowed"},
    "constrained": {"fr": "sous conditions", "en": "constrained"},
}


def training_mining(params: dict[str, Any], ev: Evidence) -> Outcome:
    if ev.record is None:
        return outcome(
            FAIL,
            "Le fichier ne porte pas de fiche artcharter : son choix sur l'entraînement et la "
            "fouille ne peut pas être lu.",
            "The file carries no artcharter record: its training and mining choice cannot be read.",
        )
    in_file = ev.record.training_mining
    seen: dict[str, Any] = {"in_file": in_file}
    word = TM_WORDS.get(in_file, {"fr": in_file, "en": in_file})
    accept = params["accept"]
    if accept and in_file not in accept:
        return outcome(
            FAIL,
            f"Le fichier dit « {word['fr']} » ({in_file}) ; l'école demande : {_list(accept)}.",
            f"The file says '{word['en']}' ({in_file}); the school asks for: {_list(accept)}.",
            **seen,
        )
    declared = found.training_mining if (found := declaration(ev)) else None
    seen["declared"] = declared
    if declaration(ev) is None or not declared:
        prefix = _NO_DECLARATION if declaration(ev) is None else ("", "")
        return outcome(
            NEEDS_DECLARATION,
            f"{prefix[0]} Le fichier dit « {word['fr']} » ({in_file}), mais le choix de "
            "l'artiste n'est pas déclaré (training_mining).".strip(),
            f"{prefix[1]} The file says '{word['en']}' ({in_file}), but the artist's choice is "
            "not declared (training_mining).".strip(),
            **seen,
        )
    if declared != in_file:
        return outcome(
            FAIL,
            f"La déclaration dit {declared} mais le fichier porte {in_file}.",
            f"The declaration says {declared} but the file carries {in_file}.",
            **seen,
        )
    return outcome(
        PASS,
        f"Entraînement et fouille : « {word['fr']} », déclaré et porté par le fichier.",
        f"Training and mining: '{word['en']}', declared and carried by the file.",
        **seen,
    )


def local_tool(params: dict[str, Any], ev: Evidence) -> Outcome:
    used = ai_used(ev)
    if used is None:
        return _NOTHING
    if not used:
        return _NO_AI
    if ev.origin is not None and ev.origin.model is not None:
        model_fr, model_en = model_names(ev.origin)
        return outcome(
            PASS,
            f"L'image a été générée sur place avec le modèle {model_fr} (énergie mesurée).",
            f"Generated on site with the model {model_en} (energy measured).",
            model=ev.origin.model.id,
        )
    names = [str(t.name) for t in declared_tools(ev)] or (
        [ev.record.tool] if ev.record and ev.record.tool else []
    )
    return outcome(
        FAIL,
        f"L'image a été faite avec un outil externe ({_list(names) or '?'}), dont l'énergie ne "
        "peut pas être mesurée.",
        f"Made with an external tool ({_list(names) or '?'}), whose energy cannot be measured.",
        tools=names,
    )


def declaration_field(params: dict[str, Any], ev: Evidence) -> Outcome:
    key = params["field"]
    declared = declaration(ev)
    if declared is None:
        return _needs(f"Le champ {key} est demandé.", f"The field {key} is required.")
    value = declared.field(key)
    if isinstance(value, list):
        count, minimum = len(value), params["min_items"]
        seen = {"field": key, "items": count, "min_items": minimum}
        if count < minimum:
            return outcome(
                FAIL,
                f"La déclaration a {count} élément(s) dans {key} ; {minimum} attendu(s).",
                f"The declaration has {count} item(s) in {key}; {minimum} expected.",
                **seen,
            )
        return outcome(
            PASS,
            f"{key} : {count} élément(s).",
            f"{key}: {count} item(s).",
            **seen,
        )
    text = _text(value)
    minimum = params["min_chars"]
    seen = {"field": key, "chars": len(text), "min_chars": minimum}
    if len(text) < max(minimum, 1):
        return outcome(
            FAIL,
            f"Le champ {key} est absent ou trop court ({len(text)} caractères, {minimum} attendus).",
            f"The field {key} is missing or too short ({len(text)} characters, {minimum} expected).",
            **seen,
        )
    return outcome(
        PASS,
        f"Le champ {key} est rempli ({len(text)} caractères).",
        f"The field {key} is filled in ({len(text)} characters).",
        **seen,
    )


EVALUATORS: dict[str, Callable[[dict[str, Any], Evidence], Outcome]] = {
    "credential": credential,
    "signer-trust": signer_trust,
    "source-type": source_type_rule,
    "generation-params": generation_params,
    "ingredients": ingredients,
    "prompt-audit": prompt_audit,
    "bias-campaign": bias_campaign,
    "explanation": explanation,
    "statement": statement,
    "techniques": techniques,
    "energy-recorded": energy_recorded,
    "energy-budget": energy_budget,
    "training-mining": training_mining,
    "local-tool": local_tool,
    "declaration-field": declaration_field,
}
