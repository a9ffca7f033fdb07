"""The project's config file, read: ``artcharter.toml``, the ledger and ``keys/``.

The low-level reader behind :class:`artcharter.project.Project`, which adds the charter,
the trust anchors, the protected names and the ledger connection.

Found by ``--project`` or ``ARTCHARTER_PROJECT``, else by walking up from the current
folder to the first ``artcharter.toml``; without one, the current folder stands in so that
a jury can verify loose files. ``--ledger`` or ``ARTCHARTER_LEDGER`` overrides the ledger.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import write_atomic
from artcharter.base.messages import locale_lang
from artcharter.base.tomltext import toml_string
from artcharter.provenance.messages import MESSAGES

# The roots a school replaced, kept in its keys folder (``keys.keep_previous_root``). Here, not in
# keys.py: reading the project's trust anchors must not import cryptography.
PREVIOUS_ROOTS_DIR = "previous-roots"


def previous_roots(keys_dir: Path) -> list[Path]:
    """Roots this school replaced: still trust anchors for the work they signed."""
    return sorted((keys_dir / PREVIOUS_ROOTS_DIR).glob("*.pem"))


CONFIG_NAME = "artcharter.toml"
DEFAULT_LEDGER = "artcharter.db"
DEFAULT_KEYS = "keys"
DEFAULT_COUNTRY = "FRA"
# The school's protected names for the prompt audit, one per line, in the project folder.
PROTECTED_NAMES_FILE = "protected-names.txt"

CONFIG_TEMPLATE = """\
# artcharter project: one per class, studio or exhibition.
[project]
name = {name}
# Language of reports and messages: "fr" or "en".
lang = {lang}
# ISO 3166 alpha-3 country whose electricity mix converts kWh to CO2 (codecarbon, offline).
country = {country}
ledger = "{ledger}"
keys = "{keys}"

[artist]
# Default signing identity: an artist issued with `artcharter keys issue`.
name = ""

[generate]
# Model used by `artcharter generate` when --model is not given.
model = ""

[desk]
# The address of the school's jury desk (`artcharter serve`), e.g. "https://jury.ecole.fr":
# the QR code of each cartel opens the artwork's page there.
url = ""

[signing]
# The school's RFC 3161 time-stamp authority (`artcharter tsa serve`): a time-stamped file
# stays valid after the artist's certificate expires. Empty: files are not time-stamped.
tsa_url = ""

[trust]
# Where the jury desk (`artcharter serve`) fetches the C2PA trust list and TSA trust list
# when it starts. Empty: never (the lists shipped with artcharter, or those installed with
# `artcharter trust update`, are used; verification itself never goes on the network).
list_url = ""
tsa_list_url = ""
"""


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    name: str
    lang: str
    country: str
    ledger_path: Path
    keys_dir: Path
    artist: str
    model: str
    has_config: bool
    # The school's RFC 3161 time-stamp authority (``[signing] tsa_url``); empty: none.
    tsa_url: str = ""
    # A school desk that answers soft-binding lookups (``[recovery] lookup_url``).
    lookup_url: str = ""
    # The school's jury desk, where a cartel's QR code leads (``[desk] url``).
    desk_url: str = ""
    # Where the desk fetches the C2PA trust lists (``[trust] list_url``, ``tsa_list_url``);
    # empty: never.
    trust_list_url: str = ""
    tsa_list_url: str = ""

    @property
    def school_root(self) -> Path:
        return self.keys_dir / "school-root.pem"

    @property
    def revocation_list(self) -> Path:
        return self.keys_dir / "school-root.crl"

    @property
    def previous_roots(self) -> list[Path]:
        return previous_roots(self.keys_dir)


def find_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def load_config(project: Path | None = None, ledger: Path | None = None) -> ProjectConfig:
    """The project in effect for a command, with the overrides applied."""
    env_project = os.environ.get("ARTCHARTER_PROJECT")
    if project is None and env_project:
        project = Path(env_project)
    if project is not None:
        if not project.is_dir():
            raise SetupError(MESSAGES("project.no_folder", project=project))
        root: Path | None = project
    else:
        root = find_root(Path.cwd())
    config: dict = {}
    has_config = False
    if root is not None and (root / CONFIG_NAME).is_file():
        import tomllib  # only where there is a file to read: `--help` starts without it

        config_path = root / CONFIG_NAME
        try:
            config = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise BadInput(
                MESSAGES("project.unreadable", config_path=config_path, error=str(exc))
            ) from None
        except RecursionError:  # tomllib recurses into nested arrays and inline tables
            raise BadInput(MESSAGES("project.too_deep", config_path=config_path)) from None
        has_config = True
    root = (root or Path.cwd()).resolve()
    value = _values(config, root / CONFIG_NAME)
    env_ledger = os.environ.get("ARTCHARTER_LEDGER")
    ledger_path = ledger or (
        Path(env_ledger) if env_ledger else root / value("project", "ledger", DEFAULT_LEDGER)
    )
    lang = value("project", "lang", "") or locale_lang()
    return ProjectConfig(
        root=root,
        name=value("project", "name", root.name),
        lang=lang if lang in ("fr", "en") else "en",
        country=value("project", "country", DEFAULT_COUNTRY).upper(),
        ledger_path=ledger_path,
        keys_dir=root / value("project", "keys", DEFAULT_KEYS),
        artist=value("artist", "name", ""),
        model=value("generate", "model", ""),
        has_config=has_config,
        tsa_url=os.environ.get("ARTCHARTER_TSA_URL") or value("signing", "tsa_url", ""),
        lookup_url=value("recovery", "lookup_url", ""),
        desk_url=value("desk", "url", ""),
        trust_list_url=value("trust", "list_url", ""),
        tsa_list_url=value("trust", "tsa_list_url", ""),
    )


def _values(config: dict[str, Any], path: Path) -> Callable[[str, str, str], str]:
    """A reader of ``[section] key`` text values that names the line to fix when a value
    has the wrong type (a person edits this file by hand)."""

    def value(section: str, key: str, default: str) -> str:
        table = config.get(section, {})
        if not isinstance(table, dict):
            raise BadInput(MESSAGES("project.not_a_table", path=path, section=section))
        found = table.get(key, default)
        if not isinstance(found, str):
            raise BadInput(MESSAGES("project.not_text", path=path, section=section, key=key))
        return found

    return value


def init_project(
    root: Path, name: str, *, lang: str = "fr", country: str = DEFAULT_COUNTRY
) -> Path:
    """Create ``artcharter.toml`` and the ledger in ``root``; return the config path."""
    if lang not in ("fr", "en"):
        raise BadInput(MESSAGES("project.unknown_language", lang=lang))
    if len(country) != 3 or not country.isalpha():
        raise BadInput(MESSAGES("project.bad_country", country=country))
    root.mkdir(parents=True, exist_ok=True)
    config_path = root / CONFIG_NAME
    if config_path.exists():
        raise BadInput(MESSAGES("project.exists", config_path=config_path))
    text = CONFIG_TEMPLATE.format(
        name=toml_string(name or root.resolve().name),
        lang=toml_string(lang),
        country=toml_string(country.upper()),
        ledger=DEFAULT_LEDGER,
        keys=DEFAULT_KEYS,
    )
    write_atomic(config_path, text)
    return config_path


def set_config_value(root: Path, section: str, key: str, value: str) -> None:
    """Set ``[section] key = "value"`` in the project's config, keeping its comments."""
    path = root / CONFIG_NAME
    lines = path.read_text(encoding="utf-8").splitlines()
    current, out, done = None, [], False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            if current == section and not done:
                out.append(f"{key} = {toml_string(value)}")
                done = True
            current = stripped[1:-1].strip()
        elif current == section and stripped.split("=", 1)[0].strip() == key and not done:
            line = f"{key} = {toml_string(value)}"
            done = True
        out.append(line)
    if not done:
        if current != section:
            out.append(f"[{section}]")
        out.append(f"{key} = {toml_string(value)}")
    write_atomic(path, "\n".join(out) + "\n")
