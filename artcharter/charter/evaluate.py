"""Rule evaluation: Evidence + Charter -> one verdict per rule, with its reason as a message.

Pure functions: no file, no ledger, no clock other than the dates inside the evidence. Each
evidence kind of artcharter.charter.model has one function here; it returns a status among

- ``pass``: the rule is met;
- ``fail``: the rule is not met by what the file and the declaration say;
- ``needs-declaration``: only the artist's declaration (missing, or missing that part) can
  settle it;
- ``not-applicable``: the rule does not concern this artwork (no AI used, no prompt...);
- ``cannot-check``: the rule concerns it but what it needs is missing here (the ledger, the
  prompt audit): the evidence names what is missing (``missing``), and it never counts as a
  pass, so that a file copied away from its ledger cannot pass where it would fail,

the reason as a message of artcharter.charter.messages (a key and its fields, never a
sentence: the edge renders it in the reader's language), and the evidence it read. An
artwork passes the charter when every enabled required rule passes or does not apply.

Texts (statement, explanation, bias reflection, techniques) are judged on content, not
length alone: artcharter.charter.placeholder turns filler away with its reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.messages import ByLang, Joined, Message, PerLang
from artcharter.base.numbers import fmt_energy
from artcharter.charter.declaration import STAGES, Declaration, DeclaredTool, HumanInput
from artcharter.charter.evidence import Evidence
from artcharter.charter.messages import MESSAGES
from artcharter.charter.model import Charter, Rule
from artcharter.charter.placeholder import Placeholder, placeholder, placeholder_name
from artcharter.provenance import verdicts
from artcharter.provenance.record import SOURCE_TYPES, ArtworkRecord

PASS = "pass"
FAIL = "fail"
NEEDS_DECLARATION = "needs-declaration"
NOT_APPLICABLE = "not-applicable"
CANNOT_CHECK = "cannot-check"
STATUSES = (PASS, FAIL, NEEDS_DECLARATION, NOT_APPLICABLE, CANNOT_CHECK)
# What a rule may miss to be checked here (the ``missing`` of a cannot-check verdict).
MISSING = ("ledger", "prompt-audit")
# Each status's title by language ({"fr": ..., "en": ...}), rendered from the catalogue.
STATUS_TITLES = {status: ByLang(MESSAGES(f"status.{status}")) for status in STATUSES}


@dataclass(frozen=True)
class RuleVerdict:
    rule_id: str
    point: str
    severity: str
    status: str
    message: Message
    evidence: dict[str, Any] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Passed or did not apply: what a required rule needs (never ``cannot-check``)."""
        return self.status in (PASS, NOT_APPLICABLE)

    @property
    def missing(self) -> tuple[str, ...]:
        """What this rule missed to be checked here (``MISSING``); empty unless cannot-check."""
        return tuple(self.evidence.get("missing", ())) if self.status == CANNOT_CHECK else ()

    @property
    def reason(self) -> ByLang:
        """The reason in each language: ``verdict.reason["fr"]``."""
        return ByLang(self.message)

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
            "reason_message": self.message.to_dict(),
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Outcome:
    status: str
    message: Message
    evidence: dict[str, Any]


def outcome(status: str, message: Message, **evidence: Any) -> Outcome:
    return Outcome(status, message, evidence)


def evaluate(charter: Charter, evidence: Evidence) -> list[RuleVerdict]:
    """One verdict per enabled rule, in the charter's order."""
    return [evaluate_rule(rule, evidence) for rule in charter.active_rules]


def evaluate_rule(rule: Rule, evidence: Evidence) -> RuleVerdict:
    kinds = rule.params.get("applies_to") or ()
    if kinds and evidence.work_kind not in kinds:
        result = outcome(
            NOT_APPLICABLE,
            MESSAGES(f"rule.not_for_{evidence.work_kind}"),
            work_kind=evidence.work_kind,
        )
    else:
        result = EVALUATORS[rule.evidence](rule.params, evidence)
    return RuleVerdict(
        rule.id,
        rule.point,
        rule.severity,
        result.status,
        result.message,
        result.evidence,
        rule.title,
    )


def passed(rule_verdicts: list[RuleVerdict]) -> bool:
    """Every required rule passed or did not apply (a rule that could not be checked here
    is not a pass)."""
    return all(v.ok for v in rule_verdicts if v.severity == "required")


def unchecked(rule_verdicts: list[RuleVerdict]) -> list[RuleVerdict]:
    """The rules that could not be checked here, in order."""
    return [v for v in rule_verdicts if v.status == CANNOT_CHECK]


def unchecked_summary(rule_verdicts: list[RuleVerdict]) -> Message | None:
    """One line saying how many rules (of which required) could not be checked here and
    what was missing; None when every rule could be checked."""
    found = unchecked(rule_verdicts)
    if not found:
        return None
    missing = list(dict.fromkeys(m for v in found for m in v.missing))
    return MESSAGES.counted(
        "unchecked.summary",
        len(found),
        required=sum(1 for v in found if v.severity == "required"),
        rules=_list([v.rule_id for v in found]),
        missing=_all(MESSAGES("sep.and"), [MESSAGES(f"missing.{m}") for m in missing]),
    )


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


def model_name(origin: ArtworkRecord) -> Message | str:
    """The model's name; a demo model says so wherever it shows."""
    model = origin.model
    if model is None:
        return "?"
    return MESSAGES("model.demo", model=model.id) if model.is_demo else model.id


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _kwh(value: float) -> PerLang:
    """An energy written per language by the one energy formatter (the report's too)."""
    return PerLang(value, fmt_energy)


def _list(items: list[str]) -> str:
    """Names (fields, files, tools) as they are written, in any language."""
    return ", ".join(items)


def _all(separator: Message, items: list[Message | str]) -> Joined:
    return Joined(separator, tuple(items))


_NOTHING = outcome(NEEDS_DECLARATION, MESSAGES("rule.nothing"))
_SEMICOLON = MESSAGES("sep.semicolon")
_NO_AI = outcome(NOT_APPLICABLE, MESSAGES("rule.no_ai"))


def _cannot(message: Message, missing: list[str], **evidence: Any) -> Outcome:
    """Cannot be checked here: ``missing`` (codes of ``MISSING``) is not available."""
    return outcome(CANNOT_CHECK, message, missing=missing, **evidence)


def _filler(found: Placeholder) -> Message:
    """Why a text is a placeholder, in words."""
    return MESSAGES(f"placeholder.{found.reason}", **found.fields)


def _languages(params: dict[str, Any]) -> tuple[str, ...]:
    return tuple(params.get("languages") or ())


def _needs(detail: Message, **evidence: Any) -> Outcome:
    """Needs a declaration, and the artist attached none."""
    return outcome(NEEDS_DECLARATION, MESSAGES("rule.no_declaration", detail=detail), **evidence)


def ai_guard(ev: Evidence, *, settle_unknown: bool = True) -> Outcome | None:
    """The outcome of a rule about AI's part before it looks further: not applicable when
    no AI was used, a declaration needed when nothing says (unless ``settle_unknown`` is
    off: the rule then goes on); None when AI was used."""
    used = ai_used(ev)
    if used is None:
        return _NOTHING if settle_unknown else None
    return None if used else _NO_AI


# --- one function per evidence kind -------------------------------------------------------------


def credential(params: dict[str, Any], ev: Evidence) -> Outcome:
    seen = {"verdict": ev.verdict, "failure_codes": list(ev.failure_codes)}
    title = verdicts.title_message(ev.verdict)
    if ev.verdict in params["accept"]:
        return outcome(PASS, MESSAGES("credential.pass", verdict=title), **seen)
    explanation = verdicts.explanation_message(ev.verdict)
    return outcome(
        FAIL, MESSAGES("credential.fail", verdict=title, explanation=explanation), **seen
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
                MESSAGES("signer.not_accepted", signer=name, issuer=issuer, issuers=_list(issuers)),
                **seen,
            )
        return outcome(PASS, MESSAGES("signer.trusted", signer=name, issuer=issuer), **seen)
    if ev.verdict == verdicts.VALID_UNTRUSTED:
        return outcome(FAIL, MESSAGES("signer.untrusted", signer=name, issuer=issuer), **seen)
    if ev.verdict == verdicts.TRUSTED_C2PA_LIST:
        # The second tier vouches for a product (a camera, an editor), not for a student:
        # a student's own work needs the school's tier.
        return outcome(FAIL, MESSAGES("signer.listed_only", signer=name, issuer=issuer), **seen)
    # No signature holds: the name the file gives is nobody's word, not evidence.
    return outcome(FAIL, MESSAGES("signer.none"), verdict=ev.verdict)


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


def _share(share: str) -> Message:
    """What a source type says of the image: "generated by AI", "without AI"..."""
    return MESSAGES(f"share.{share}")


def source_type_rule(params: dict[str, Any], ev: Evidence) -> Outcome:
    kind = source_type(ev)
    if kind is None:
        return outcome(FAIL, MESSAGES("source_type.none"))
    image_share = SOURCE_TYPES.get(kind, "unknown")
    seen: dict[str, Any] = {"source_type": kind, "image_share": image_share}
    if image_share == "unknown":
        return outcome(FAIL, MESSAGES("source_type.unknown", kind=kind), **seen)
    if ev.origin is not None and image_share == "none":
        return outcome(FAIL, MESSAGES("source_type.says_no_ai", kind=kind), **seen)
    share = declared_share(ev)
    seen["declared_share"] = share
    if declaration(ev) is None:
        return _needs(MESSAGES("source_type.needs_share", kind=kind), **seen)
    missing = [s for s in STAGES if s not in share]
    if missing:
        return outcome(
            NEEDS_DECLARATION,
            MESSAGES("source_type.missing_stages", stages=_list(missing)),
            **seen,
        )
    expected = _expected_shares(share)
    seen["expected_shares"] = list(expected)
    stages = ", ".join(f"{s} = {share[s]}" for s in STAGES)
    if image_share in expected:
        return outcome(
            PASS,
            MESSAGES("source_type.matches", kind=kind, share=_share(image_share), stages=stages),
            **seen,
        )
    return outcome(
        FAIL,
        MESSAGES(
            "source_type.mismatch",
            kind=kind,
            share=_share(image_share),
            stages=stages,
            expected=_all(MESSAGES("sep.or"), [_share(s) for s in expected]),
        ),
        **seen,
    )


def generation_params(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev):
        return settled
    problems: list[Message] = []
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
            problems.append(MESSAGES("generation.not_recorded", fields=_list(missing)))
    tools = declared_tools(ev)
    seen["tools"] = []
    for index, tool in enumerate(tools, 1):
        missing = [f for f in params["tool_fields"] if not getattr(tool, f, None)]
        name = tool.name or f"#{index}"
        seen["tools"].append({"name": name, "missing": missing})
        if missing:
            problems.append(MESSAGES("generation.tool_lacks", tool=name, fields=_list(missing)))
    if ev.origin is None and not tools:
        tool_name = ev.record.tool if ev.record else None
        named = MESSAGES("generation.tool_named", tool=tool_name) if tool_name else ""
        if declaration(ev) is None:
            return _needs(MESSAGES("generation.describe_tools", named=named), **seen)
        return outcome(FAIL, MESSAGES("generation.no_tool", named=named), **seen)
    # Each stage the declaration says used AI must be covered: an artcharter generation
    # covers everything but post-production; a tool covers its stage, or all without one.
    covered = set(STAGES) - {"post-production"} if ev.origin is not None else set()
    for tool in tools:
        covered |= {tool.stage} if tool.stage in STAGES else set(STAGES)
    uncovered = [s for s, v in declared_share(ev).items() if v != "none" and s not in covered]
    if uncovered:
        problems.append(MESSAGES("generation.stage_uncovered", stages=_list(uncovered)))
    if problems:
        return outcome(
            FAIL,
            MESSAGES("generation.incomplete", problems=_all(MESSAGES("sep.semicolon"), problems)),
            **seen,
        )
    parts: list[Message] = []
    if ev.origin is not None:
        parts.append(MESSAGES("generation.by_artcharter", model=model_name(ev.origin)))
    if tools:
        names = _list([str(t.name) for t in tools])
        parts.append(MESSAGES("generation.by_tools", tools=names))
    return outcome(
        PASS, MESSAGES("generation.recorded", parts=_all(MESSAGES("sep.and"), parts)), **seen
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


def _ingredient_evidence(ev: Evidence) -> list[Message]:
    """What each ingredient's own credentials vouch for: a listed signer counts as
    evidence for that ingredient (never for the work); a broken one is named."""
    found: list[Message] = []
    for ingredient in ev.ingredients:
        verdict, title = ingredient.get("verdict"), str(ingredient.get("title") or "?")
        signer = str(ingredient.get("signer") or "?")
        if verdict == verdicts.TRUSTED:
            found.append(MESSAGES("ingredients.evidence_school", title=title, signer=signer))
        elif verdict == verdicts.TRUSTED_C2PA_LIST:
            organisation = (ingredient.get("trusted_by") or {}).get("organisation") or "?"
            found.append(
                MESSAGES(
                    "ingredients.evidence_listed",
                    title=title,
                    signer=signer,
                    organisation=organisation,
                )
            )
        elif verdict in (verdicts.TAMPERED, verdicts.INVALID, verdicts.UNREADABLE):
            found.append(
                MESSAGES(
                    "ingredients.evidence_broken",
                    title=title,
                    verdict=verdicts.title_message(verdict),
                )
            )
    return found


def ingredients(params: dict[str, Any], ev: Evidence) -> Outcome:
    result = _ingredients(params, ev)
    evidence = _ingredient_evidence(ev)
    if not evidence or result.status != PASS:
        return result
    message = MESSAGES(
        "ingredients.with_evidence", outcome=result.message, evidence=_all(_SEMICOLON, evidence)
    )
    return Outcome(result.status, message, result.evidence)


def _ingredients(params: dict[str, Any], ev: Evidence) -> Outcome:
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
            return outcome(FAIL, MESSAGES("ingredients.missing", files=_list(missing)), **seen)
        return outcome(
            PASS, MESSAGES("ingredients.declared", files=_list(seen["declared"])), **seen
        )
    if attached:
        return outcome(
            PASS,
            MESSAGES.counted(
                "ingredients.attached", len(attached), files=_list(seen["ingredients"])
            ),
            **seen,
        )
    if kind.startswith("composite"):
        return outcome(FAIL, MESSAGES("ingredients.composite_without", kind=kind), **seen)
    if ev.record is None and declaration(ev) is None:
        return _NOTHING
    if declaration(ev) is not None:
        return outcome(NOT_APPLICABLE, MESSAGES("ingredients.none_declared"), **seen)
    return _needs(MESSAGES("ingredients.declare"), **seen)


def prompt_audit(params: dict[str, Any], ev: Evidence) -> Outcome:
    audit = ev.prompt_audit
    seen: dict[str, Any] = {"prompts": len(ev.prompts), "audit_available": audit.available}
    if not ev.prompts:
        if ev.private_prompt:
            return _cannot(MESSAGES("prompt.private"), ["ledger"], private_prompt=True, **seen)
        used = ai_used(ev)
        if used is None:
            return _NOTHING
        if used and declaration(ev) is None:
            return _needs(MESSAGES("prompt.give"), **seen)
        return outcome(NOT_APPLICABLE, MESSAGES("prompt.none"), **seen)
    if not audit.available:
        return _cannot(
            MESSAGES("prompt.audit_unavailable", note=audit.note), ["prompt-audit"], **seen
        )
    shown = [f for f in audit.flagged if not f.get("private")]
    terms = list(dict.fromkeys(str(f.get("text") or f.get("term")) for f in shown))
    hidden = len(audit.flagged) - len(shown)  # in a private prompt: named only in the ledger
    seen["flagged"] = [dict(f) for f in audit.flagged]
    if not terms and not hidden:
        return outcome(PASS, MESSAGES.counted("prompt.clean", len(ev.prompts)), **seen)
    flagged: str | Joined = _list(terms)
    if hidden:
        flagged = _all(
            MESSAGES("sep.comma"), [*terms, MESSAGES.counted("prompt.private_terms", hidden)]
        )
    reflection = _text(found.bias_reflection if (found := declaration(ev)) else None)
    seen["reflection_chars"] = len(reflection)
    if declaration(ev) is None:
        return _needs(MESSAGES("prompt.flagged_answer", terms=flagged), **seen)
    if not reflection:
        return outcome(
            NEEDS_DECLARATION, MESSAGES("prompt.flagged_no_reflection", terms=flagged), **seen
        )
    minimum = params["min_reflection_chars"]
    if len(reflection) < minimum:
        return outcome(
            FAIL,
            MESSAGES(
                "prompt.reflection_short", terms=flagged, chars=len(reflection), minimum=minimum
            ),
            **seen,
        )
    if found_filler := placeholder(reflection, languages=_languages(params)):
        seen["placeholder"] = found_filler.reason
        return outcome(
            FAIL,
            MESSAGES("prompt.reflection_placeholder", terms=flagged, why=_filler(found_filler)),
            **seen,
        )
    return outcome(PASS, MESSAGES("prompt.answered", terms=flagged), **seen)


def _date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def bias_campaign(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev):
        return settled
    if ev.origin is None or ev.origin.model is None:
        return outcome(NOT_APPLICABLE, MESSAGES("bias.external"))
    model = ev.origin.model.id
    shown = model_name(ev.origin)
    seen: dict[str, Any] = {"model": model, "campaign": ev.campaign}
    if ev.campaign is None:
        if not ev.ledger:
            return _cannot(MESSAGES("bias.no_ledger", model=shown), ["ledger"], **seen)
        return outcome(FAIL, MESSAGES("bias.no_campaign", model=shown, where=""), **seen)
    made, run = _date(ev.origin.created_at), _date(ev.campaign.get("created_at"))
    if made is None or run is None:
        return outcome(FAIL, MESSAGES("bias.unreadable_date"), **seen)
    # A campaign run after the artwork still documents the model it used.
    age = max(0, (made - run).days)
    seen["age_days"] = age
    limit = params["max_age_days"]
    campaign_id = ev.campaign.get("campaign_id")
    return outcome(
        PASS if age <= limit else FAIL,
        MESSAGES(
            "bias.recent" if age <= limit else "bias.too_old",
            campaign=campaign_id,
            model=shown,
            age=age,
            limit=limit,
        ),
        **seen,
    )


def _declared_text(
    ev: Evidence, key: str, minimum: int, *, needs_ai: bool, languages: tuple[str, ...] = ()
) -> Outcome:
    """A text of the declaration of at least ``minimum`` characters that is not a
    placeholder, in one of ``languages`` when given (statement, explanation)."""
    explaining = key == "explanation"  # else the artist statement
    if needs_ai and (settled := ai_guard(ev, settle_unknown=False)):
        return settled
    declared = declaration(ev)
    if declared is None:
        return _needs(MESSAGES("explanation.missing" if explaining else "statement.missing"))
    text = _text(declared.field(key))
    seen = {"field": key, "chars": len(text), "min_chars": minimum}
    if not text:
        return outcome(
            FAIL,
            MESSAGES("explanation.absent" if explaining else "statement.absent", field=key),
            **seen,
        )
    if len(text) < minimum:
        return outcome(
            FAIL,
            MESSAGES(
                "explanation.short" if explaining else "statement.short",
                chars=len(text),
                minimum=minimum,
            ),
            **seen,
        )
    if found := placeholder(text, languages=languages):
        seen["placeholder"] = found.reason
        return outcome(
            FAIL,
            MESSAGES(
                "explanation.placeholder" if explaining else "statement.placeholder",
                why=_filler(found),
            ),
            **seen,
        )
    return outcome(
        PASS,
        MESSAGES("explanation.present" if explaining else "statement.present", chars=len(text)),
        **seen,
    )


def explanation(params: dict[str, Any], ev: Evidence) -> Outcome:
    return _declared_text(
        ev, "explanation", params["min_chars"], needs_ai=True, languages=_languages(params)
    )


def statement(params: dict[str, Any], ev: Evidence) -> Outcome:
    return _declared_text(
        ev, "statement", params["min_chars"], needs_ai=False, languages=_languages(params)
    )


def techniques(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev, settle_unknown=False):
        return settled
    declared = declaration(ev)
    if declared is None:
        return _needs(MESSAGES("techniques.name_them"))
    named = [str(t.name) for t in declared.techniques if t.name]
    fillers = {name: found for name in named if (found := placeholder_name(name))}
    names = [name for name in named if name not in fillers]
    minimum = params["min_count"]
    seen: dict[str, Any] = {"techniques": names, "min_count": minimum}
    if fillers and len(names) < minimum:
        seen["placeholders"] = list(fillers)
        first = next(iter(fillers.values()))
        return outcome(
            FAIL,
            MESSAGES(
                "techniques.placeholder",
                names=_list(list(fillers)),
                why=_filler(first),
                count=len(names),
                minimum=minimum,
            ),
            **seen,
        )
    if len(names) < minimum:
        return outcome(
            FAIL, MESSAGES.counted("techniques.too_few", len(names), minimum=minimum), **seen
        )
    return outcome(PASS, MESSAGES("techniques.named", names=_list(names) or "-"), **seen)


def energy_recorded(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev):
        return settled
    problems: list[Message] = []
    parts: list[Message] = []
    seen: dict[str, Any] = {}
    missing_ledger = False
    if ev.origin is not None:
        session = ev.session
        generations = session.generations if session else ()
        unmeasured = [g for g in generations if g.energy_status != "measured"]
        seen["session"] = session.to_dict() if session else None
        if not generations or unmeasured:
            problems.append(MESSAGES.counted("energy.unmeasured", len(unmeasured) or 1))
        elif session is not None and session.source == "ledger":
            aborted = MESSAGES.counted("energy.aborted", session.aborted) if session.aborted else ""
            parts.append(
                MESSAGES.counted(
                    "energy.session",
                    len(generations),
                    discarded=MESSAGES.counted("of_which_discarded", session.discarded),
                    aborted=aborted,
                )
            )
        else:
            # The file alone says nothing of the discarded or interrupted generations.
            missing_ledger = True
    tools = declared_tools(ev)
    if ev.origin is None and not tools:
        if declaration(ev) is None:
            return _needs(MESSAGES("energy.declare_count"))
        return outcome(FAIL, MESSAGES("energy.no_tool"))
    missing = [str(t.name) for t in tools if not t.generations]
    seen["tools"] = [
        {"name": t.name, "generations": t.generations, "energy_kwh": t.energy_kwh} for t in tools
    ]
    if missing:
        problems.append(MESSAGES("energy.count_undeclared", tools=_list(missing)))
    elif tools:
        count = sum(int(t.generations) for t in tools)
        parts.append(MESSAGES.counted("energy.external", count))
    if problems:
        return outcome(
            FAIL,
            MESSAGES("energy.incomplete", problems=_all(MESSAGES("sep.semicolon"), problems)),
            **seen,
        )
    if missing_ledger:
        return _cannot(MESSAGES("energy.image_only"), ["ledger"], **seen)
    return outcome(
        PASS, MESSAGES("energy.recorded", parts=_all(MESSAGES("sep.semicolon"), parts)), **seen
    )


def energy_budget(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev):
        return settled
    budget = float(params["budget_kwh"])
    total = 0.0
    known = False
    notes: list[Message] = []
    seen: dict[str, Any] = {"budget_kwh": budget}
    session = ev.session if ev.origin is not None else None
    if session is not None and any(g.energy_status == "measured" for g in session.generations):
        known = True
        session_kwh = session.measured_kwh
        count = len(session.generations)
        discarded = MESSAGES.counted("of_which_discarded", session.discarded)
        notes.append(MESSAGES.counted("budget.measured", count, discarded=discarded))
        if params["include_loading"] and session.loading_kwh:
            session_kwh += session.loading_kwh
            seen["loading_kwh"] = session.loading_kwh
            notes.append(MESSAGES("budget.loading"))
        # The session's energy is shared by the images it yielded, so that a session that
        # gave four artworks is not counted four times.
        shares = max(1, session.kept)
        seen.update(session_kwh=session_kwh, images_kept=shares)
        total += session_kwh / shares
        if shares > 1:
            notes.append(MESSAGES("budget.shared", energy=_kwh(session_kwh), images=shares))
        if session.source != "ledger":
            notes.append(MESSAGES("budget.image_only"))
    # The per-image figure measures image generation: a video, a sound or a text made
    # with an online tool gets no estimate from it, only its declared energy counts.
    other_kind = (
        MESSAGES(f"budget.kind.{ev.work_kind}")
        if f"budget.kind.{ev.work_kind}" in MESSAGES
        else None
    )
    if ev.origin is None and not declared_tools(ev) and declaration(ev) is None:
        if other_kind is not None:
            return _needs(MESSAGES("budget.declare_energy_tool", kind=other_kind))
        return _needs(MESSAGES("budget.declare_count"))
    per_image = float(params["external_kwh_per_image"])
    unestimated: list[str] = []
    for tool in declared_tools(ev):
        if tool.energy_kwh is not None:
            known = True
            total += float(tool.energy_kwh)
            notes.append(MESSAGES("budget.tool_declared", tool=tool.name))
        elif tool.generations and other_kind is not None:
            unestimated.append(str(tool.name))
            notes.append(MESSAGES("budget.tool_not_estimated", tool=tool.name, kind=other_kind))
        elif tool.generations:
            known = True
            total += int(tool.generations) * per_image
            notes.append(
                MESSAGES(
                    "budget.tool_estimated",
                    tool=tool.name,
                    images=tool.generations,
                    per_image=_kwh(per_image),
                )
            )
    if unestimated and (not known or total <= budget):
        # Within the budget without a tool's energy proves nothing.
        message = MESSAGES("budget.declare_energy", tools=", ".join(unestimated), kind=other_kind)
        return outcome(NEEDS_DECLARATION, message, **seen)
    if not known:
        return outcome(NOT_APPLICABLE, MESSAGES("budget.unknown"), **seen)
    seen["total_kwh"] = total
    if total <= budget and session is not None and session.source != "ledger":
        # Within the budget on this image alone proves nothing of the discarded ones.
        return _cannot(
            MESSAGES(
                "budget.within_image_only",
                total=_kwh(total),
                budget=_kwh(budget),
                notes=_all(MESSAGES("sep.semicolon"), notes),
            ),
            ["ledger"],
            **seen,
        )
    return outcome(
        PASS if total <= budget else FAIL,
        MESSAGES(
            "budget.within" if total <= budget else "budget.over",
            total=_kwh(total),
            budget=_kwh(budget),
            notes=_all(MESSAGES("sep.semicolon"), notes),
        ),
        **seen,
    )


# The values of the training-and-mining choice that have words of their own.
_TM_VALUES = ("allowed", "notAllowed", "constrained")


def training_mining(params: dict[str, Any], ev: Evidence) -> Outcome:
    if ev.record is None:
        return outcome(FAIL, MESSAGES("training.no_record"))
    in_file = ev.record.training_mining
    seen: dict[str, Any] = {"in_file": in_file}
    word = MESSAGES(f"tm.{in_file}") if in_file in _TM_VALUES else in_file
    accept = params["accept"]
    if accept and in_file not in accept:
        return outcome(
            FAIL,
            MESSAGES("training.refused", word=word, value=in_file, accepted=_list(accept)),
            **seen,
        )
    declared = found.training_mining if (found := declaration(ev)) else None
    seen["declared"] = declared
    if declaration(ev) is None or not declared:
        undeclared = MESSAGES("training.undeclared", word=word, value=in_file)
        if declaration(ev) is None:
            return _needs(undeclared, **seen)
        return outcome(NEEDS_DECLARATION, undeclared, **seen)
    if declared != in_file:
        return outcome(FAIL, MESSAGES("training.differs", declared=declared, value=in_file), **seen)
    return outcome(PASS, MESSAGES("training.matches", word=word), **seen)


def local_tool(params: dict[str, Any], ev: Evidence) -> Outcome:
    if settled := ai_guard(ev):
        return settled
    if ev.origin is not None and ev.origin.model is not None:
        return outcome(
            PASS,
            MESSAGES("local.on_site", model=model_name(ev.origin)),
            model=ev.origin.model.id,
        )
    names = [str(t.name) for t in declared_tools(ev)] or (
        [ev.record.tool] if ev.record and ev.record.tool else []
    )
    return outcome(FAIL, MESSAGES("local.external", tools=_list(names) or "?"), tools=names)


def declaration_field(params: dict[str, Any], ev: Evidence) -> Outcome:
    key = params["field"]
    declared = declaration(ev)
    if declared is None:
        return _needs(MESSAGES("field.required", field=key))
    value = declared.field(key)
    if isinstance(value, list):
        count, minimum = len(value), params["min_items"]
        seen = {"field": key, "items": count, "min_items": minimum}
        if count < minimum:
            return outcome(
                FAIL, MESSAGES.counted("field.too_few", count, field=key, minimum=minimum), **seen
            )
        return outcome(PASS, MESSAGES.counted("field.items", count, field=key), **seen)
    text = _text(value)
    minimum = params["min_chars"]
    seen = {"field": key, "chars": len(text), "min_chars": minimum}
    if len(text) < max(minimum, 1):
        return outcome(
            FAIL, MESSAGES("field.short", field=key, chars=len(text), minimum=minimum), **seen
        )
    short = len(text.split()) <= 3
    if found := (placeholder_name(text) if short else placeholder(text, min_words=1)):
        seen["placeholder"] = found.reason
        return outcome(FAIL, MESSAGES("field.placeholder", field=key, why=_filler(found)), **seen)
    return outcome(PASS, MESSAGES("field.filled", field=key, chars=len(text)), **seen)


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
