"""The artist's declaration: a TOML file the artist completes, validated into a typed
``Declaration`` (artcharter.provenance.declaration, schema ``artcharter.declaration/1``).

The declaration goes into ``ArtworkRecord.declaration``: the signed file carries its JSON
form as the ``fr.artcharter.declaration`` assertion and the ledger keeps it in its
``declarations`` table. ``declaration_template`` writes the file to complete, prefilled with
what the file and the ledger already know.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from artcharter.base.errors import BadInput
from artcharter.base.files import write_atomic
from artcharter.base.tomltext import toml_string
from artcharter.charter.messages import MESSAGES
from artcharter.charter.tomlfile import InvalidFile, Issue, Key, TomlText, dotted, load, parse
from artcharter.provenance.declaration import (
    SCHEMA,
    SHARES,
    STAGES,
    Declaration,
    DeclaredAdapter,
    DeclaredTool,
    HumanInput,
    ProcessImage,
    Technique,
)
from artcharter.provenance.record import (
    INGREDIENT_ROLES,
    TRAINING_MINING,
    Adapter,
    ArtworkRecord,
)

if TYPE_CHECKING:
    from artcharter.provenance.ledger import Ledger

__all__ = [
    "SCHEMA",
    "SHARES",
    "STAGES",
    "Declaration",
    "DeclaredAdapter",
    "DeclaredTool",
    "HumanInput",
    "ProcessImage",
    "Technique",
    "declaration_template",
    "load_declaration",
    "merge_choices",
    "parse_declaration",
    "validate_declaration",
    "write_template",
]

TEXT_FIELDS = ("title", "artist", "statement", "explanation", "bias_reflection")
TOP_KEYS = (
    "schema",
    *TEXT_FIELDS,
    "training_mining",
    "training_constraint",
    "ai_share",
    "tools",
    "techniques",
    "human_inputs",
    "process_images",
    "adapters",
)
TOOL_KEYS = ("name", "version", "date", "prompts", "generations", "energy_kwh", "stage", "notes")
TECHNIQUE_KEYS = ("name", "how")
INPUT_KEYS = ("file", "role", "sha256", "description")
PROCESS_KEYS = ("file", "caption")
ADAPTER_KEYS = ("file", "sha256", "training_data", "by_artist")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def load_declaration(path: Path) -> Declaration:
    """Read and validate a declaration file; problems raise InvalidFile with their lines."""
    return Declaration.from_dict(_normalise(load(path, MESSAGES("tomlfile.what.declaration"))))


def parse_declaration(text: str, name: str = "<declaration>") -> Declaration:
    return Declaration.from_dict(_normalise(parse(text, name)))


class Choices(NamedTuple):
    title: str | None
    training_mining: str
    training_constraint: str | None


def merge_choices(
    declaration: Declaration | None,
    title: str | None,
    training_mining: str | None,
    default: str = "notAllowed",
    training_constraint: str | None = None,
) -> Choices:
    """The title, training/mining choice and its constraint to sign with: the command's
    options, else the declaration's, else ``default``; a contradiction between them is
    refused rather than silently signed."""
    declared = declaration or Declaration()
    for param, given, written in (
        ("training_mining", training_mining, declared.training_mining),
        ("training_constraint", training_constraint, declared.training_constraint),
    ):
        if given and written and given != written:
            raise BadInput(
                MESSAGES(
                    "declaration.choice_contradicts",
                    key=param,
                    value=given,
                    choice=written,
                    param=param,
                )
            )
    return Choices(
        title or declared.title,
        training_mining or declared.training_mining or default,
        training_constraint or declared.training_constraint,
    )


def validate_declaration(path: Path) -> list[Issue]:
    """Every problem in a declaration file; empty when it is valid."""
    try:
        load_declaration(path)
    except InvalidFile as exc:
        return exc.issues
    return []


def _normalise(source: TomlText) -> dict[str, Any]:
    """The declaration's JSON form (Declaration.to_dict), or InvalidFile with every problem."""
    data = source.data
    issues: list[Issue] = []
    for key in data:
        if key not in TOP_KEYS:
            issues.append(
                source.issue(
                    (key,),
                    MESSAGES(
                        "declaration.issue.unknown_key_expected_one",
                        key=key,
                        choices=", ".join(TOP_KEYS),
                    ),
                )
            )
    if "schema" in data and data["schema"] != SCHEMA:
        issues.append(
            source.issue(("schema",), MESSAGES("declaration.issue.schema", schema=SCHEMA))
        )
    out: dict[str, Any] = {"schema": SCHEMA}
    for key in TEXT_FIELDS:
        out[key] = _text(source, (key,), data.get(key), issues)

    choice = data.get("training_mining")
    if choice is not None and choice not in TRAINING_MINING and choice != "":
        issues.append(
            source.issue(
                ("training_mining",),
                MESSAGES(
                    "declaration.issue.training_mining_choose_one",
                    choice=choice,
                    choices=", ".join(TRAINING_MINING),
                ),
            )
        )
    out["training_mining"] = choice or None
    constraint = _text(source, ("training_constraint",), data.get("training_constraint"), issues)
    if constraint and choice and choice != "constrained":
        issues.append(
            source.issue(
                ("training_constraint",),
                MESSAGES("declaration.issue.constraint_without_constrained", choice=choice),
            )
        )
    out["training_constraint"] = constraint

    share = data.get("ai_share", {})
    out["ai_share"] = {}
    if not isinstance(share, dict):
        issues.append(
            source.issue(("ai_share",), MESSAGES("declaration.issue.ai_share_table_stages"))
        )
    else:
        for stage, value in share.items():
            if stage not in STAGES:
                issues.append(
                    source.issue(
                        ("ai_share", stage),
                        MESSAGES(
                            "declaration.issue.unknown_stage_stages_are",
                            stage=stage,
                            choices=", ".join(STAGES),
                        ),
                    )
                )
            elif value not in SHARES:
                issues.append(
                    source.issue(
                        ("ai_share", stage),
                        MESSAGES(
                            "declaration.issue.ai_share_choose_one",
                            stage=stage,
                            value=value,
                            choices=", ".join(SHARES),
                        ),
                    )
                )
            else:
                out["ai_share"][stage] = value

    out["tools"] = [
        _tool(source, ("tools", i), item, issues)
        for i, item in enumerate(_tables(source, "tools", data, issues))
    ]
    out["techniques"] = _techniques(source, data.get("techniques", []), issues)
    out["human_inputs"] = [
        _input(source, ("human_inputs", i), item, issues)
        for i, item in enumerate(_tables(source, "human_inputs", data, issues))
    ]
    out["process_images"] = [
        _process(source, ("process_images", i), item, issues)
        for i, item in enumerate(_tables(source, "process_images", data, issues))
    ]
    adapters = [
        _adapter(source, ("adapters", i), item, issues)
        for i, item in enumerate(_tables(source, "adapters", data, issues))
    ]
    if adapters:
        out["adapters"] = adapters
    if issues:
        raise InvalidFile(issues)
    return out


def _adapter(
    source: TomlText, path: tuple[Key, ...], item: dict[str, Any], issues: list[Issue]
) -> dict[str, Any]:
    """An adapter's declared training: named by its SHA-256, which the record holds."""
    issues += source.unknown_keys(path, item, ADAPTER_KEYS)
    sha = item.get("sha256")
    if not isinstance(sha, str) or not _SHA256.match(sha.lower()):
        issues.append(
            source.issue(
                (*path, "sha256"),
                MESSAGES("declaration.issue.hex_digits", value=dotted((*path, "sha256"))),
            )
        )
        sha = ""
    by_artist = item.get("by_artist")
    if not isinstance(by_artist, bool | None):
        issues.append(
            source.issue(
                (*path, "by_artist"),
                MESSAGES("declaration.issue.true_false", value=dotted((*path, "by_artist"))),
            )
        )
        by_artist = None
    return {
        "file": _text(source, (*path, "file"), item.get("file"), issues),
        "sha256": sha.lower(),
        "training_data": _text(source, (*path, "training_data"), item.get("training_data"), issues),
        "by_artist": by_artist,
    }


def _text(source: TomlText, path: tuple[Key, ...], value: Any, issues: list[Issue]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        issues.append(
            source.issue(path, MESSAGES("declaration.issue.text_quotes", value=dotted(path)))
        )
        return None
    return value.strip() or None


def _tables(
    source: TomlText, key: str, data: dict[str, Any], issues: list[Issue]
) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        issues.append(source.issue((key,), MESSAGES("declaration.issue.list_tables", key=key)))
        return []
    return value


def _tool(
    source: TomlText, path: tuple[Key, ...], item: dict[str, Any], issues: list[Issue]
) -> dict[str, Any]:
    issues += source.unknown_keys(path, item, TOOL_KEYS)
    name = _text(source, (*path, "name"), item.get("name"), issues)
    if not name:
        issues.append(
            source.issue(
                path, MESSAGES("declaration.issue.needs_name_tool_used", value=dotted(path))
            )
        )
    date = item.get("date")
    if isinstance(date, dt.datetime):
        date = date.date().isoformat() if date.tzinfo is None else date.isoformat()
    elif isinstance(date, dt.date):
        date = date.isoformat()
    elif isinstance(date, str) and date.strip():
        try:
            dt.date.fromisoformat(date.strip()[:10])
            date = date.strip()
        except ValueError:
            issues.append(
                source.issue(
                    (*path, "date"),
                    MESSAGES("declaration.issue.date", value=dotted((*path, "date"))),
                )
            )
    elif date in (None, ""):
        date = None
    else:
        issues.append(
            source.issue(
                (*path, "date"), MESSAGES("declaration.issue.date", value=dotted((*path, "date")))
            )
        )
    prompts = item.get("prompts", [])
    if isinstance(prompts, str):
        prompts = [prompts]
    if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
        issues.append(
            source.issue((*path, "prompts"), MESSAGES("declaration.issue.prompts_list_texts"))
        )
        prompts = []
    generations = item.get("generations")
    if generations is not None and (
        isinstance(generations, bool) or not isinstance(generations, int) or generations < 0
    ):
        issues.append(
            source.issue(
                (*path, "generations"),
                MESSAGES(
                    "declaration.issue.whole_number_images_more",
                    value=dotted((*path, "generations")),
                ),
            )
        )
        generations = None
    energy = item.get("energy_kwh")
    if energy is not None and (
        isinstance(energy, bool) or not isinstance(energy, int | float) or energy < 0
    ):
        issues.append(
            source.issue(
                (*path, "energy_kwh"),
                MESSAGES("declaration.issue.number_kwh", value=dotted((*path, "energy_kwh"))),
            )
        )
        energy = None
    stage = item.get("stage")
    if stage not in (None, "") and stage not in STAGES:
        issues.append(
            source.issue(
                (*path, "stage"),
                MESSAGES(
                    "declaration.issue.stage_choose_one", stage=stage, choices=", ".join(STAGES)
                ),
            )
        )
    return {
        "name": name,
        "version": _text(source, (*path, "version"), _as_text(item.get("version")), issues),
        "date": date,
        "prompts": [p.strip() for p in prompts if p.strip()],
        # 0 is the template's "not filled in": a tool that was used made at least one image.
        "generations": generations or None,
        "energy_kwh": float(energy) if energy is not None else None,
        "stage": stage or None,
        "notes": _text(source, (*path, "notes"), item.get("notes"), issues),
    }


def _as_text(value: Any) -> Any:
    # A version is often typed as a number (6.1); keep it as the text the artist wrote.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _techniques(source: TomlText, value: Any, issues: list[Issue]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        issues.append(source.issue(("techniques",), MESSAGES("declaration.issue.techniques_list")))
        return []
    out = []
    for i, item in enumerate(value):
        path: tuple[Key, ...] = ("techniques", i)
        if isinstance(item, str):
            if item.strip():
                out.append({"name": item.strip(), "how": None})
        elif isinstance(item, dict):
            issues += source.unknown_keys(path, item, TECHNIQUE_KEYS)
            name = _text(source, (*path, "name"), item.get("name"), issues)
            how = _text(source, (*path, "how"), item.get("how"), issues)
            if name:
                out.append({"name": name, "how": how})
            elif how:
                issues.append(
                    source.issue(path, MESSAGES("declaration.issue.needs_name", value=dotted(path)))
                )
        else:
            issues.append(
                source.issue(path, MESSAGES("declaration.issue.text_table", value=dotted(path)))
            )
    return out


def _input(
    source: TomlText, path: tuple[Key, ...], item: dict[str, Any], issues: list[Issue]
) -> dict[str, Any]:
    issues += source.unknown_keys(path, item, INPUT_KEYS)
    file = _text(source, (*path, "file"), item.get("file"), issues)
    if not file:
        issues.append(
            source.issue(path, MESSAGES("declaration.issue.needs_file_name", value=dotted(path)))
        )
    role = item.get("role") or "other"
    if role not in INGREDIENT_ROLES:
        issues.append(
            source.issue(
                (*path, "role"),
                MESSAGES(
                    "declaration.issue.role_choose_one",
                    role=role,
                    choices=", ".join(INGREDIENT_ROLES),
                ),
            )
        )
    sha = item.get("sha256")
    if sha not in (None, "") and (not isinstance(sha, str) or not _SHA256.match(sha.lower())):
        issues.append(
            source.issue(
                (*path, "sha256"),
                MESSAGES("declaration.issue.hex_digits", value=dotted((*path, "sha256"))),
            )
        )
        sha = None
    return {
        "file": file,
        "role": role,
        "sha256": sha.lower() if isinstance(sha, str) and sha else None,
        "description": _text(source, (*path, "description"), item.get("description"), issues),
    }


def _process(
    source: TomlText, path: tuple[Key, ...], item: dict[str, Any], issues: list[Issue]
) -> dict[str, Any]:
    issues += source.unknown_keys(path, item, PROCESS_KEYS)
    file = _text(source, (*path, "file"), item.get("file"), issues)
    if not file:
        issues.append(
            source.issue(path, MESSAGES("declaration.issue.needs_file_name", value=dotted(path)))
        )
    return {"file": file, "caption": _text(source, (*path, "caption"), item.get("caption"), issues)}


# --- template --------------------------------------------------------------------------------


# A signed artwork gets its declaration with `sign-declaration`, which keeps everything its
# credentials say. An image without them is signed with `label`, which needs the IPTC
# source type: the record's when the ledger knows the image, else TYPE, a placeholder the
# artist replaces (a guessed type would be signed as the artist's word).


def sign_command(
    record: ArtworkRecord | None,
    path: str,
    lang: str = "en",
    *,
    image: str = "IMAGE",
    signed: bool = False,
) -> list[str]:
    """The command that signs the image with its declaration ``path``: `sign-declaration`
    for a ``signed`` image, else `label`, with a line saying which source type to choose
    when it is left to the artist."""
    if signed:
        named = Path(image)
        output = (
            str(named.with_name(f"{named.stem}-declared{named.suffix}"))
            if image != "IMAGE"
            else MESSAGES.template("sign.out", lang)
        )
        return [
            MESSAGES.text("sign.declaration_command", lang, image=image, path=path, output=output)
        ]
    source_type = record.source_type if record is not None and record.source_type else None
    command = MESSAGES.text("sign.command", lang, source_type=source_type or "TYPE", path=path)
    if source_type:
        return [command]
    return [command, *MESSAGES.template("sign.type", lang).split("\n")]


def _guess_share(record: ArtworkRecord | None) -> dict[str, str]:
    share = dict.fromkeys(STAGES, "none")
    if record is None:
        return share
    if record.ai_share == "generated":
        share["rendering"] = "generated"
    elif record.ai_share in ("partly-generated", "enhanced"):
        share["rendering"] = "assisted"
    return share


def _long_text(value: str | None) -> list[str]:
    """A text field as TOML lines after ``key =``: a readable multi-line literal string when
    the text allows one (no triple quote inside, no control character), else a basic string."""
    text = value or ""
    if not text:
        return ['"""', '"""']
    literal_ok = "'''" not in text and all(
        char in "\n\t" or (ord(char) >= 0x20 and ord(char) != 0x7F) for char in text
    )
    if literal_ok:
        return ["'''", *text.split("\n"), "'''"]
    return [toml_string(text)]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return toml_string(str(value))


def _date(value: Any) -> str:
    # A plain date is written as a TOML date, as the artist would type it.
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return toml_string(str(value))


def declaration_template(
    record: ArtworkRecord | None = None,
    *,
    title: str | None = None,
    artist: str | None = None,
    lang: str = "en",
    made_from: str | None = None,
    image: str = "IMAGE",
    signed: bool = False,
    adapters: dict[str, tuple[str | None, bool | None]] | None = None,
) -> str:
    """The TOML declaration to complete, prefilled from the artwork's record when known;
    its head says how to sign it (``sign_command``). ``adapters``: the artist's answers
    (training data, trained by the artist) for the adapters the record lists without
    training data (``undeclared_adapters``), by SHA-256.

    A declaration the record already carries (a signed file declared before) is the
    starting point; a private prompt is left out, since the template may be shared.
    """

    def t(key: str) -> str:
        return MESSAGES.template(f"template.{key}", lang)

    previous = (record.declaration if record else None) or Declaration()
    title = title or previous.title or (record.title if record else None) or ""
    artist = (
        artist
        or previous.artist
        or (record.author.name if record and record.author else None)
        or ""
    )
    choice = previous.training_mining or (record.training_mining if record else None)
    constraint = (
        previous.training_constraint or (record.training_constraint if record else None) or ""
    )
    sign, *hint = sign_command(record, t("file"), lang, image=image, signed=signed)
    lines = [f"# {t('head')}", f"#   {sign}", *(f"# {line}" for line in hint)]
    if made_from:
        lines.append(f"# {t('made_from')} {made_from}")
    lines += [
        "",
        f'schema = "{SCHEMA}"',
        f"# {t('title')}",
        f"title = {toml_string(title)}",
        f"# {t('artist')}",
        f"artist = {toml_string(artist)}",
    ]
    for key, help_key in (
        ("statement", "statement"),
        ("explanation", "explanation"),
        ("bias_reflection", "bias"),
    ):
        text_lines = _long_text(getattr(previous, key))
        lines += [f"# {t(help_key)}", f"{key} = {text_lines[0]}", *text_lines[1:]]
    techniques = [x.to_dict() for x in previous.techniques]
    lines += [
        f"# {t('tm')}",
        f"training_mining = {toml_string(choice or 'notAllowed')}",
        f"# {t('constraint')}",
        f"training_constraint = {toml_string(constraint)}",
        f"# {t('techniques')}",
        "techniques = ["
        + ", ".join(
            "{ name = "
            + toml_string(str(x["name"]))
            + ", how = "
            + toml_string(str(x["how"]))
            + " }"
            if x.get("how")
            else toml_string(str(x["name"]))
            for x in techniques
        )
        + "]",
        "",
        f"# {t('share')}",
        "[ai_share]",
    ]
    share = {**_guess_share(record), **previous.ai_share}
    lines += [f"{stage} = {toml_string(share[stage])}" for stage in STAGES]
    lines += ["", f"# {t('tools')}"]
    tools = [x.to_dict() for x in previous.tools]
    if record is not None and record.kind == "generated":
        lines += [f"# {t('generated')}", ""]
    if not tools and record is not None and record.kind != "generated" and record.tool:
        prompts = [] if record.prompt_private or not record.prompt else [record.prompt]
        tools = [
            {
                "name": record.tool,
                "version": "",
                "date": record.created_at[:10],
                "prompts": prompts,
                "generations": 0,
                "stage": "rendering",
            }
        ]
    for tool in tools:
        lines.append("[[tools]]")
        for key in TOOL_KEYS:
            value = tool.get(key)
            if key == "date" and value:
                lines.append(f"date = {_date(value)}")
            elif key in ("prompts", "generations", "version") or value not in (None, "", []):
                default = {"prompts": [], "generations": 0, "version": ""}.get(key)
                lines.append(f"{key} = {_value(value if value is not None else default)}")
        lines.append("")
    if not tools and not (record is not None and record.kind == "generated"):
        lines += [
            f"# {t('tool_example')}",
            "# [[tools]]",
            '# name = "Midjourney"',
            '# version = "6.1"',
            f"# date = {dt.date.today().isoformat()}",
            '# prompts = ["..."]',
            "# generations = 24",
            '# stage = "rendering"',
            "",
        ]
    lines += [f"# {t('inputs')}"]
    inputs = [x.to_dict() for x in previous.human_inputs] or [
        {"file": i.title, "role": i.role, "sha256": i.sha256}
        for i in (record.ingredients if record else [])
        # An adapter is an ingredient of the model, not a human input: under [[adapters]].
        if i.role in INGREDIENT_ROLES
    ]
    for item in inputs:
        lines.append("[[human_inputs]]")
        lines += [f"{k} = {toml_string(str(item[k]))}" for k in INPUT_KEYS if item.get(k)]
        lines.append("")
    if not inputs:
        lines += ["# [[human_inputs]]", '# file = "croquis.jpg"', '# role = "sketch"', ""]
    lines += _adapter_lines(record, previous, adapters or {}, t("adapters"))
    lines.append(f"# {t('process')}")
    process = [x.to_dict() for x in previous.process_images]
    for item in process:
        lines.append("[[process_images]]")
        lines += [f"{k} = {toml_string(str(item[k]))}" for k in PROCESS_KEYS if item.get(k)]
        lines.append("")
    if not process:
        lines += ["# [[process_images]]", '# file = "etape-1.jpg"', '# caption = ""']
    return "\n".join(lines).rstrip("\n") + "\n"


def undeclared_adapters(record: ArtworkRecord | None) -> list[Adapter]:
    """The adapters (LoRA, embeddings) the work's generation used whose training data
    neither their own TOML nor a declaration signed before says."""
    if record is None or record.model is None:
        return []
    previous = record.declaration.adapters if record.declaration else ()
    told = {a.sha256 for a in previous if a.training_data}
    return [a for a in record.model.adapters if not a.training_data and a.sha256 not in told]


def _adapter_lines(
    record: ArtworkRecord | None,
    previous: Declaration,
    answers: dict[str, tuple[str | None, bool | None]],
    comment: str,
) -> list[str]:
    """The ``[[adapters]]`` tables: those declared before, then one per adapter still
    undeclared, with the artist's answer when there is one (else to complete)."""
    entries = [a.to_dict() for a in previous.adapters]
    for adapter in undeclared_adapters(record):
        training, by_artist = answers.get(adapter.sha256, (None, None))
        entries.append(
            {
                "file": adapter.file,
                "sha256": adapter.sha256,
                "training_data": training or "",
                "by_artist": True if by_artist is None else by_artist,
            }
        )
    if not entries:
        return []
    lines = [f"# {comment}"]
    for entry in entries:
        lines.append("[[adapters]]")
        for key in ADAPTER_KEYS:
            value = entry.get(key)
            if value is not None:
                lines.append(f"{key} = {_value(value)}")
        lines.append("")
    return lines


# --- the template of an image (I/O) ----------------------------------------------------------


def record_for_image(
    image: Path, ledger: Ledger | None = None
) -> tuple[ArtworkRecord | None, bool]:
    """What is known of ``image``: its Content Credentials' record, else the ledger's (an
    image edited in place after signing lost its credentials, not its name); and whether
    the record came from valid credentials (the image can then take `sign-declaration`)."""
    from artcharter.provenance.verify import verify_file

    verification = verify_file(image)
    if verification.verdict == "unreadable":
        # The verifier's own error is English text; our fallback is a message.
        raise BadInput(verification.error or MESSAGES("declaration.unreadable_image", image=image))
    record = ArtworkRecord.from_dict(verification.record) if verification.record else None
    signed = record is not None and verification.vouched
    if record is None and ledger is not None:
        row = ledger.find_artwork(verification.sha256 or "") or ledger.find_artwork(str(image))
        record = ledger.record_of(row) if row is not None else None
    return record, signed


def template_for_image(
    image: Path,
    record: ArtworkRecord | None,
    *,
    artist: str | None = None,
    lang: str = "en",
    signed: bool = False,
    adapters: dict[str, tuple[str | None, bool | None]] | None = None,
) -> str:
    """The template for ``image``, prefilled from its ``record_for_image``."""
    return declaration_template(
        record,
        adapters=adapters,
        artist=None if record else artist,
        lang=lang,
        image=image.name,
        signed=signed,
        made_from=(
            MESSAGES.text("template.image_of", lang, image=image.name, artwork_id=record.artwork_id)
            if record
            else image.name
        ),
    )


def write_template(
    image: Path,
    output: Path | None = None,
    *,
    record: ArtworkRecord | None = None,
    artist: str | None = None,
    lang: str = "en",
    signed: bool = False,
    force: bool = False,
    adapters: dict[str, tuple[str | None, bool | None]] | None = None,
) -> Path:
    """Write the template next to the image (IMAGE.declaration.toml) or at ``output``."""
    target = output or image.with_name(f"{image.stem}.declaration.toml")
    if target.exists() and not force:
        raise BadInput(
            MESSAGES("declaration.exists", target=target, param="force", param_output="output")
        )
    text = template_for_image(
        image, record, artist=artist, lang=lang, signed=signed, adapters=adapters
    )
    try:
        write_atomic(target, text)
    except OSError as exc:
        raise BadInput(
            MESSAGES("declaration.cannot_write", target=target, reason=exc.strerror)
        ) from None
    return target
