"""Plain arguments coerced without pydantic: start-up of a command that does not need it.

typer (0.2x) coerces every argument through a pydantic ``TypeAdapter``: importing pydantic
and building the adapters took about 0.05 s of the 0.2 s that `artcharter verify one.png`
needs, as much as the verification itself. The commands only take strings, paths,
numbers, flags and lists of them, with no constraint; for those, this module gives typer
a coercion that does what its adapters do for the ordinary values (``Path(text)``,
``int("42")``...). Anything else, a value it does not recognise (``"1e3"``, ``"yes"``, an
empty path) or a constrained parameter (``serve --port``), goes to typer's own coercion,
so errors and edge cases read exactly as typer writes them; tests/test_cli_lazy.py checks
that both give the same values for every parameter of every command.

With a typer that has no such layer (older versions coerce with click's types), nothing
is changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

_INT = re.compile(r"-?[0-9]+")
_FLOAT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


class _Unknown(Exception):
    """A value the light coercion leaves to typer's own."""


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Unknown
    return value


def _path(value: Any) -> Path:
    if type(value) is not str or not value:
        raise _Unknown
    return Path(value)


def _flag(value: Any) -> bool:
    if type(value) is not bool:  # "yes", "0"... from an environment variable: typer's
        raise _Unknown
    return value


def _number(pattern: re.Pattern[str], kind: type) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if type(value) is not str or not pattern.fullmatch(value):
            raise _Unknown
        return kind(value)

    return convert


_LEAVES: dict[Any, Callable[[Any], Any]] = {
    str: _text,
    Path: _path,
    bool: _flag,
    int: _number(_INT, int),
    float: _number(_FLOAT, float),
}


def _converter(annotation: Any) -> Callable[[Any], Any] | None:
    if annotation in _LEAVES:
        return _LEAVES[annotation]
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        leaf = _LEAVES.get(item)
        if leaf is None:
            return None

        def each(value: Any) -> list[Any]:
            if not isinstance(value, list | tuple):
                raise _Unknown
            return [leaf(v) for v in value]

        return each
    return None


def _plain(info: Any) -> bool:
    """No parser, bounds, file handling or path checks: typer's adapter is a plain cast."""
    return (
        info.parser is None
        and info.min is None
        and info.max is None
        and not info.clamp
        and not info.exists
        and not info.resolve_path
        and not info.allow_dash
        and info.path_type is None
        and info.file_okay
        and info.dir_okay
    )


def light_converter(descriptor: Any) -> Callable[[Any], Any] | None:
    """The light coercion of a typer parameter, or None when typer's own is needed."""
    if descriptor.file_annotation is not None or not _plain(descriptor.parameter_info):
        return None
    return _converter(descriptor.annotation)


def install() -> None:
    """Make typer use the light coercion where it applies (once; no-op on older typers)."""
    try:
        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
    except ImportError:
        return
    parameter = core._TyperParameter
    if getattr(parameter, "_artcharter_light", False):
        return

    @dataclass(frozen=True)
    class LightParam(RuntimeParam):  # type: ignore[misc]
        convert: Callable[[Any], Any] = field(default=lambda v: v)
        descriptor: Any = None
        typer_own: list[Any] = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value)
            except _Unknown:
                if not self.typer_own:
                    self.typer_own.append(build_runtime_param(self.descriptor))
                return self.typer_own[0]._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            convert = light_converter(descriptor)
            self._runtime_param = (
                build_runtime_param(descriptor)
                if convert is None
                else LightParam(
                    parameter_info=descriptor.parameter_info,
                    annotation=descriptor.annotation,
                    convert=convert,
                    descriptor=descriptor,
                )
            )
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    parameter._artcharter_light = True
