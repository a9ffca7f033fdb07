"""The charter as data: rules read from TOML, a school's file extending the default, validation.

A charter file has a version, French and English texts, the points it serves and its rules.
Each rule names the kind of evidence it reads (a closed list, ``EVIDENCE_KINDS``, each with
its parameters) so a school can tune parameters, change severities, disable rules or add
rules of its own without writing code. Every problem found in a file is reported with the
line it comes from.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.messages import Message
from artcharter.charter.messages import MESSAGES
from artcharter.charter.tomlfile import (
    InvalidFile,
    Issue,
    Key,
    TomlText,
    dotted,
    load,
    parse,
    read_text,
)
from artcharter.provenance.record import TRAINING_MINING
from artcharter.provenance.verdicts import VERDICTS

SCHEMA = "artcharter.charter/1"
DEFAULT_PATH = Path(__file__).with_name("default_charter.toml")
DEFAULT_NAME = "default"
LANGS = ("fr", "en")
SEVERITIES = ("required", "recommended", "informational")
# The languages a rule may ask a declared text to be in (artcharter.charter.placeholder can
# tell these apart from others).
TEXT_LANGUAGES = ("fr", "en")
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Fields of a declaration a `declaration-field` rule may require (see artcharter.charter.declaration).
DECLARATION_FIELDS = (
    "title",
    "artist",
    "statement",
    "explanation",
    "bias_reflection",
    "techniques",
    "tools",
    "human_inputs",
    "process_images",
    "training_mining",
    "training_constraint",
)


@dataclass(frozen=True)
class Param:
    """One parameter of an evidence kind: its type, default and allowed values."""

    type: str  # "int", "number", "bool", "str" or "strings"
    default: Any = None
    minimum: float | None = None
    choices: tuple[str, ...] = ()
    required: bool = False


# The kinds of evidence a rule can read, with the parameters each accepts. artcharter.charter.evaluate
# has one evaluation function per kind (a test keeps both lists equal).
EVIDENCE_KINDS: dict[str, dict[str, Param]] = {
    "credential": {
        "accept": Param(
            "strings", ["trusted", "trusted-c2pa-list", "valid-untrusted"], choices=VERDICTS
        ),
    },
    "signer-trust": {"issuers": Param("strings", [])},
    "source-type": {},
    "generation-params": {
        "fields": Param("strings", ["seed", "steps", "guidance", "width", "height"]),
        "tool_fields": Param(
            "strings",
            ["name", "version", "date", "prompts"],
            choices=("name", "version", "date", "prompts", "generations"),
        ),
    },
    "ingredients": {},
    "prompt-audit": {
        "min_reflection_chars": Param("int", 80, minimum=0),
        "languages": Param("strings", [], choices=TEXT_LANGUAGES),
    },
    "bias-campaign": {"max_age_days": Param("int", 365, minimum=0)},
    "explanation": {
        "min_chars": Param("int", 150, minimum=0),
        "languages": Param("strings", [], choices=TEXT_LANGUAGES),
    },
    "statement": {
        "min_chars": Param("int", 200, minimum=0),
        "languages": Param("strings", [], choices=TEXT_LANGUAGES),
    },
    "techniques": {"min_count": Param("int", 1, minimum=0)},
    "energy-recorded": {},
    "energy-budget": {
        "budget_kwh": Param("number", 0.1, minimum=0),
        "include_loading": Param("bool", False),
        "external_kwh_per_image": Param("number", 0.0029, minimum=0),
    },
    "training-mining": {"accept": Param("strings", [], choices=TRAINING_MINING)},
    "local-tool": {},
    "declaration-field": {
        "field": Param("str", None, choices=DECLARATION_FIELDS, required=True),
        "min_chars": Param("int", 1, minimum=0),
        "min_items": Param("int", 1, minimum=0),
    },
}


# The kinds of work (artcharter.provenance.media_files.KINDS). Every rule may say which it
# concerns (``params.applies_to``); on any other it is "not applicable to a sound work".
WORK_KINDS = ("image", "video", "sound", "document")
# The bias campaigns read images with CLIP: they say nothing of a sound or a text model.
_APPLIES_TO_DEFAULT = {"bias-campaign": ["image"]}
for _evidence, _spec in EVIDENCE_KINDS.items():
    # None: every kind of work.
    _spec["applies_to"] = Param("strings", _APPLIES_TO_DEFAULT.get(_evidence), choices=WORK_KINDS)


@dataclass(frozen=True)
class Point:
    """A point of the charter (the three points of the model charter, ecology, rights)."""

    id: str
    label: str
    title: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class Rule:
    id: str
    point: str
    severity: str
    evidence: str
    title: dict[str, str]
    text: dict[str, str]
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    source: str = ""  # the file that defined the rule

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "point": self.point,
            "severity": self.severity,
            "evidence": self.evidence,
            "title": dict(self.title),
            "text": dict(self.text),
            "params": dict(self.params),
            "enabled": self.enabled,
            "source": self.source,
        }


@dataclass(frozen=True)
class Charter:
    id: str
    version: str
    title: dict[str, str]
    description: dict[str, str]
    points: dict[str, Point]
    rules: tuple[Rule, ...]
    # The files this charter was built from, the default first: [(id, version, path)].
    lineage: tuple[tuple[str, str, str], ...] = ()

    @property
    def active_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.enabled)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "version": self.version,
            "title": dict(self.title),
            "description": dict(self.description),
            "lineage": [{"id": i, "version": v, "file": f} for i, v, f in self.lineage],
            "points": {
                p.id: {"label": p.label, "title": dict(p.title), "text": dict(p.text)}
                for p in self.points.values()
            },
            "rules": [r.to_dict() for r in self.rules],
        }


# --- loading -------------------------------------------------------------------------------


def load_charter(path: Path | None = None) -> Charter:
    """The effective charter of a file (the default charter when ``path`` is None)."""
    charter, issues = _load(path, ())
    if issues:
        raise InvalidFile(issues)
    assert charter is not None
    return charter


def parse_charter(text: str, name: str = "<charter>", base_dir: Path | None = None) -> Charter:
    """The effective charter of TOML text; ``extends`` paths are relative to ``base_dir``."""
    charter, issues = _build(parse(text, name), base_dir or Path.cwd(), ())
    if issues:
        raise InvalidFile(issues)
    assert charter is not None
    return charter


def validate_charter(path: Path) -> list[Issue]:
    """Every problem in a charter file and the files it extends; empty when it is valid."""
    try:
        _, issues = _load(path, ())
    except InvalidFile as exc:
        return exc.issues
    return issues


def default_charter() -> Charter:
    return load_charter(None)


def project_charter_path(root: Path) -> Path | None:
    """The charter a project names in ``artcharter.toml`` (``[charter] file = "..."``)."""
    config = root / "artcharter.toml"
    if not config.is_file():
        return None
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(MESSAGES("model.unreadable_config", config=config, error=str(exc))) from None
    name = (data.get("charter") or {}).get("file")
    if not name:
        return None
    path = Path(str(name))
    return path if path.is_absolute() else root / path


def _load(path: Path | None, chain: tuple[Path, ...]) -> tuple[Charter | None, list[Issue]]:
    if path is None:
        source = parse(
            read_text(DEFAULT_PATH, MESSAGES("tomlfile.what.default_charter")), DEFAULT_NAME
        )
        return _build(source, DEFAULT_PATH.parent, chain)
    source = load(path, MESSAGES("tomlfile.what.charter"))
    return _build(source, path.parent, (*chain, path.resolve()))


def _build(
    source: TomlText, base_dir: Path, chain: tuple[Path, ...]
) -> tuple[Charter | None, list[Issue]]:
    data = source.data
    issues: list[Issue] = []
    issues += source.unknown_keys((), data, TOP_KEYS)
    base: Charter | None = None
    extends = data.get("extends")
    if extends is not None:
        if not isinstance(extends, str) or not extends:
            issues.append(
                source.issue(("extends",), MESSAGES("model.issue.extends_default_file_path"))
            )
        elif extends == DEFAULT_NAME:
            base, base_issues = _load(None, chain)
            issues += base_issues
        else:
            target = Path(extends)
            target = target if target.is_absolute() else base_dir / target
            if target.resolve() in chain or target.resolve() == DEFAULT_PATH.resolve():
                issues.append(
                    source.issue(
                        ("extends",), MESSAGES("model.issue.extended_loop", extends=extends)
                    )
                )
            elif not target.is_file():
                issues.append(
                    source.issue(
                        ("extends",), MESSAGES("model.issue.extended_charter_found", target=target)
                    )
                )
            else:
                try:
                    base, base_issues = _load(target, chain)
                except BadInput as exc:  # unreadable or not TOML
                    base_issues = getattr(exc, "issues", None) or [
                        source.issue(("extends",), exc.message)
                    ]
                issues += base_issues
    if base is None and extends is not None:
        return None, issues

    ident = _string(source, ("id",), issues, required=base is None)
    version = _string(source, ("version",), issues, required=True)
    title = _texts(source, ("title",), issues, required=base is None)
    description = _texts(source, ("description",), issues, required=False)
    points = dict(base.points) if base else {}
    points_data = data.get("points", {})
    if not isinstance(points_data, dict):
        issues.append(source.issue(("points",), MESSAGES("model.issue.points_table_points_id")))
        points_data = {}
    for point_id, raw in points_data.items():
        point = _point(source, point_id, raw, points.get(point_id), issues)
        if point is not None:
            points[point_id] = point

    rules = {r.id: r for r in base.rules} if base else {}
    rules_data = data.get("rules", {})
    if not isinstance(rules_data, dict):
        issues.append(source.issue(("rules",), MESSAGES("model.issue.rules_table_rules_id")))
        rules_data = {}
    for rule_id, raw in rules_data.items():
        rule = _rule(source, rule_id, raw, rules.get(rule_id), set(points), issues)
        if rule is not None:
            rules[rule_id] = rule
    if not rules:
        issues.append(source.issue(("rules",), MESSAGES("model.issue.charter_has_rules")))
    if issues:
        return None, issues
    # Without issues, a file without a base has given its own id and title.
    ident = ident or (base.id if base else "")
    lineage = (*(base.lineage if base else ()), (ident, version or "", source.name))
    return (
        Charter(
            id=ident,
            version=version or "",
            title=title or (base.title if base else {}),
            description=description or (base.description if base else {}),
            points=points,
            rules=tuple(rules.values()),
            lineage=lineage,
        ),
        issues,
    )


TOP_KEYS = ("schema", "id", "version", "extends", "title", "description", "points", "rules")
POINT_KEYS = ("label", "title", "text")
RULE_KEYS = ("point", "severity", "evidence", "title", "text", "params", "enabled")


def _string(
    source: TomlText, path: tuple[Key, ...], issues: list[Issue], *, required: bool
) -> str | None:
    value: Any = source.data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        if required:
            issues.append(
                source.issue(path[:-1], MESSAGES("model.issue.missing_string", value=dotted(path)))
            )
        return None
    if not isinstance(value, str) or not value.strip():
        issues.append(
            source.issue(path, MESSAGES("model.issue.non_empty_string", value=dotted(path)))
        )
        return None
    return value


def _texts(
    source: TomlText,
    path: tuple[Key, ...],
    issues: list[Issue],
    *,
    required: bool,
    value: Any = None,
    base: dict[str, str] | None = None,
) -> dict[str, str] | None:
    """A {fr, en} table; with ``base`` given, one language alone may be overridden."""
    if value is None:
        value = source.data.get(path[0]) if len(path) == 1 else None
    if value is None:
        if required:
            issues.append(
                source.issue(
                    path[:-1], MESSAGES("model.issue.missing_table_fr_en", value=dotted(path))
                )
            )
        return None
    if not isinstance(value, dict):
        issues.append(
            source.issue(path, MESSAGES("model.issue.table_fr_en_texts", value=dotted(path)))
        )
        return None
    out = dict(base or {})
    for key, text in value.items():
        if key not in LANGS:
            issues.append(
                source.issue(
                    (*path, key),
                    MESSAGES("model.issue.unknown_language_use_fr", value=dotted((*path, key))),
                )
            )
        elif not isinstance(text, str) or not text.strip():
            issues.append(
                source.issue(
                    (*path, key),
                    MESSAGES("model.issue.non_empty_string", value=dotted((*path, key))),
                )
            )
        else:
            out[key] = text.strip()
    missing = [lang for lang in LANGS if lang not in out]
    if missing:
        issues.append(
            source.issue(
                path,
                MESSAGES(
                    "model.issue.needs_text", value=dotted(path), choices=" and ".join(missing)
                ),
            )
        )
        return None
    return out


def _point(
    source: TomlText, point_id: str, raw: Any, base: Point | None, issues: list[Issue]
) -> Point | None:
    path: tuple[Key, ...] = ("points", point_id)
    if not isinstance(raw, dict):
        issues.append(source.issue(path, MESSAGES("model.issue.table", value=dotted(path))))
        return None
    before = len(issues)
    issues += source.unknown_keys(path, raw, POINT_KEYS)
    label = raw.get("label", base.label if base else point_id)
    if not isinstance(label, str):
        issues.append(
            source.issue(
                (*path, "label"), MESSAGES("model.issue.string", value=dotted((*path, "label")))
            )
        )
    title = _texts(
        source,
        (*path, "title"),
        issues,
        required=base is None,
        value=raw.get("title"),
        base=base.title if base else None,
    )
    text = _texts(
        source,
        (*path, "text"),
        issues,
        required=base is None,
        value=raw.get("text"),
        base=base.text if base else None,
    )
    if len(issues) > before:
        return None
    return Point(
        point_id,
        str(label),
        title or (base.title if base else {}),
        text or (base.text if base else {}),
    )


def _rule(
    source: TomlText,
    rule_id: str,
    raw: Any,
    base: Rule | None,
    points: set[str],
    issues: list[Issue],
) -> Rule | None:
    path: tuple[Key, ...] = ("rules", rule_id)
    if not isinstance(raw, dict):
        issues.append(source.issue(path, MESSAGES("model.issue.table", value=dotted(path))))
        return None
    before = len(issues)
    if not RULE_ID.match(rule_id):
        issues.append(
            source.issue(path, MESSAGES("model.issue.rule_id_use_lower", rule_id=rule_id))
        )
    issues += source.unknown_keys(path, raw, RULE_KEYS)
    if base is None:
        for key in ("point", "severity", "evidence", "title", "text"):
            if key not in raw:
                issues.append(
                    source.issue(
                        path,
                        MESSAGES("model.issue.new_rule_missing_rule", rule_id=rule_id, key=key),
                    )
                )
    evidence = raw.get("evidence", base.evidence if base else None)
    if base is not None and "evidence" in raw and raw["evidence"] != base.evidence:
        issues.append(
            source.issue(
                (*path, "evidence"),
                MESSAGES(
                    "model.issue.rule_reads_extended_charter",
                    rule_id=rule_id,
                    evidence=base.evidence,
                ),
            )
        )
    elif evidence is not None and evidence not in EVIDENCE_KINDS:
        issues.append(
            source.issue(
                (*path, "evidence"),
                MESSAGES(
                    "model.issue.unknown_evidence_kind_choose",
                    evidence=evidence,
                    choices=", ".join(EVIDENCE_KINDS),
                ),
            )
        )
    severity = raw.get("severity", base.severity if base else None)
    if severity is not None and severity not in SEVERITIES:
        issues.append(
            source.issue(
                (*path, "severity"),
                MESSAGES(
                    "model.issue.severity_choose_one",
                    severity=severity,
                    choices=", ".join(SEVERITIES),
                ),
            )
        )
    point = raw.get("point", base.point if base else None)
    if point is not None and point not in points:
        issues.append(
            source.issue(
                (*path, "point"),
                MESSAGES(
                    "model.issue.unknown_point_choose_one",
                    point=point,
                    choices=", ".join(sorted(points)),
                ),
            )
        )
    enabled = raw.get("enabled", base.enabled if base else True)
    if not isinstance(enabled, bool):
        issues.append(source.issue((*path, "enabled"), MESSAGES("model.issue.enabled_true_false")))
    title = _texts(
        source,
        (*path, "title"),
        issues,
        required=False,
        value=raw.get("title"),
        base=base.title if base else None,
    )
    text = _texts(
        source,
        (*path, "text"),
        issues,
        required=False,
        value=raw.get("text"),
        base=base.text if base else None,
    )
    params: dict[str, Any] = {}
    if evidence in EVIDENCE_KINDS:
        params = _params(source, path, raw.get("params", {}), evidence, base, issues)
    if len(issues) > before:
        return None
    return Rule(
        id=rule_id,
        point=str(point),
        severity=str(severity),
        evidence=str(evidence),
        title=title or (base.title if base else {}),
        text=text or (base.text if base else {}),
        params=params,
        enabled=bool(enabled),
        # The last file that defined or changed the rule, so `charter show` can tell.
        source=source.name if base is None or raw else base.source,
    )


def _params(
    source: TomlText,
    path: tuple[Key, ...],
    raw: Any,
    evidence: str,
    base: Rule | None,
    issues: list[Issue],
) -> dict[str, Any]:
    spec = EVIDENCE_KINDS[evidence]
    ppath = (*path, "params")
    if not isinstance(raw, dict):
        issues.append(source.issue(ppath, MESSAGES("model.issue.table", value=dotted(ppath))))
        return {}
    params = dict(base.params) if base else {k: p.default for k, p in spec.items()}
    for key, value in raw.items():
        where = (*ppath, key)
        if key not in spec:
            known = ", ".join(spec) or "none"
            issues.append(
                source.issue(
                    where,
                    MESSAGES(
                        "model.issue.evidence_has_parameter_known",
                        evidence=evidence,
                        key=key,
                        known=known,
                    ),
                )
            )
            continue
        problem = _param_problem(spec[key], value)
        if problem:
            issues.append(
                source.issue(
                    where, MESSAGES("model.issue.error", value=dotted(where), problem=problem)
                )
            )
        else:
            params[key] = float(value) if spec[key].type == "number" else value
    for key, param in spec.items():
        if param.required and key not in raw and params.get(key) is None:
            issues.append(
                source.issue(
                    ppath if raw else path,
                    MESSAGES("model.issue.needs", value=dotted(ppath), key=key),
                )
            )
    return params


def _param_problem(param: Param, value: Any) -> Message | None:
    kind = param.type
    if kind == "bool":
        return None if isinstance(value, bool) else MESSAGES("model.issue.param_bool")
    if kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
        return MESSAGES("model.issue.param_int")
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        return MESSAGES("model.issue.param_number")
    if kind == "str" and not isinstance(value, str):
        return MESSAGES("model.issue.param_str")
    if kind == "strings" and (
        not isinstance(value, list) or not all(isinstance(v, str) for v in value)
    ):
        return MESSAGES("model.issue.param_strings")
    if param.minimum is not None and kind in ("int", "number") and value < param.minimum:
        return MESSAGES("model.issue.param_minimum", minimum=param.minimum)
    if param.choices:
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if v not in param.choices]
        if wrong:
            return MESSAGES(
                "model.issue.param_choices",
                wrong=", ".join(map(repr, wrong)),
                choices=", ".join(param.choices),
            )
    return None


def with_params(charter: Charter, rule_id: str, **params: Any) -> Charter:
    """A copy of ``charter`` with some parameters of one rule changed (for Python callers)."""
    rules = tuple(
        replace(r, params={**r.params, **params}) if r.id == rule_id else r for r in charter.rules
    )
    return replace(charter, rules=rules)
