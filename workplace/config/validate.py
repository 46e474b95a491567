# SPDX-License-Identifier: EUPL-1.2
"""Validate raw configuration data against the schema and explain each problem at its path."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workplace.config.locate import PathPart, format_path
from workplace.config.schema import PREFERENCE_KEYS, Preferences, Tenant
from workplace.config.settings import ConfigProblem

Where = Callable[[Sequence[PathPart]], tuple[str, int | None]]
"""Tells for a key path which file it came from and on which line."""

OTHER_CATEGORY = "other"

_IDENTIFIER_PATTERN = "^[a-z0-9][a-z0-9_.-]{0,63}$"


def validate_tenant(
    data: Mapping[str, Any], where: Where
) -> tuple[Tenant | None, list[ConfigProblem]]:
    """The tenant, or None if ``data`` has errors; plus every problem (errors and warnings)."""
    tenant, problems, _errors = _validate(data, where, lambda parts: tuple(parts))
    return tenant, problems


Entry = tuple[str, int | str]
"""One entry of a list IT may fill from several files: ``("services", 3)``,
``("categories", 0)`` or ``("native_apps", "office")``."""


def validate_tenant_leaving_out(
    data: Mapping[str, Any], where: Where
) -> tuple[Tenant | None, list[ConfigProblem], list[Entry]]:
    """Like :func:`validate_tenant`, but when every error lies inside a service, category
    or native-app entry, those entries are left out and the rest is used.

    A typo in one service of one ``conf.d`` file must not cost the organisation its
    whole configuration (on a fresh install: the built-in defaults). The errors are
    still reported at their file and line, saying the entry is left out. Returns the
    tenant (or None), the problems and the entries that were left out.
    """
    tenant, problems, errors = _validate(data, where, lambda parts: tuple(parts))
    if tenant is not None:
        return tenant, problems, []
    entries = [_entry(parts) for parts in errors]
    if not entries or any(entry is None for entry in entries):
        return None, problems, []  # an error outside any entry: nothing to salvage
    dropped = sorted({e for e in entries if e is not None}, key=lambda e: (e[0], str(e[1])))
    pruned, remap = _without(data, dropped)
    kept, later, still = _validate(pruned, where, remap)
    if kept is None or still:
        return None, problems, []
    left_out = [  # the errors of the first pass; its warnings come again from the second
        ConfigProblem(
            p.file,
            p.line,
            p.path,
            f"{p.message}; this entry is left out",
            p.severity,
            f"{p.message_de}; dieser Eintrag wird ausgelassen" if p.message_de else "",
        )
        for p in problems
        if p.is_error
    ]
    merged = sorted([*left_out, *later], key=lambda p: (p.file, p.line or 0))
    return kept, merged, dropped


def _entry(parts: Sequence[PathPart]) -> Entry | None:
    if len(parts) >= 2 and parts[0] in ("services", "categories") and isinstance(parts[1], int):
        return (str(parts[0]), parts[1])
    if len(parts) >= 2 and parts[0] == "native_apps" and isinstance(parts[1], str):
        return ("native_apps", parts[1])
    return None


def _without(
    data: Mapping[str, Any], dropped: Sequence[Entry]
) -> tuple[dict[str, Any], Callable[[Sequence[PathPart]], tuple[PathPart, ...]]]:
    """``data`` without the entries, and a map from new key paths to the original ones."""
    pruned = dict(data)
    kept_index: dict[str, list[int]] = {}
    for section in ("services", "categories"):
        gone = {index for name, index in dropped if name == section}
        items = data.get(section)
        if gone and isinstance(items, list):
            kept_index[section] = [i for i in range(len(items)) if i not in gone]
            pruned[section] = [items[i] for i in kept_index[section]]
    apps = {key for name, key in dropped if name == "native_apps"}
    if apps and isinstance(data.get("native_apps"), Mapping):
        pruned["native_apps"] = {k: v for k, v in data["native_apps"].items() if k not in apps}

    def remap(parts: Sequence[PathPart]) -> tuple[PathPart, ...]:
        if len(parts) >= 2 and parts[0] in kept_index and isinstance(parts[1], int):
            return (parts[0], kept_index[str(parts[0])][parts[1]], *parts[2:])
        return tuple(parts)

    return pruned, remap


def _validate(
    data: Mapping[str, Any], where: Where,
    remap: Callable[[Sequence[PathPart]], tuple[PathPart, ...]],
) -> tuple[Tenant | None, list[ConfigProblem], list[tuple[PathPart, ...]]]:
    """Validate; problems are located with ``where`` after ``remap`` (see :func:`_without`).
    Also returns the key path of every error, as found in ``data``."""
    problems: list[ConfigProblem] = []
    errors: list[tuple[PathPart, ...]] = []

    def add(
        parts: Sequence[PathPart], message: str, severity: str = "error", message_de: str = ""
    ) -> None:
        original = remap(parts)
        file, line = where(original)
        problems.append(
            ConfigProblem(file, line, format_path(original), message, severity, message_de)
        )
        if severity == "error":
            errors.append(tuple(parts))

    tenant: Tenant | None = None
    try:
        tenant = Tenant.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            parts, message = explain(error, Tenant)
            add(parts, message, message_de=german(error))
    check_duplicates(data, add)
    presets = data.get("preferences")
    if isinstance(presets, Mapping):
        for parts, message in validate_preferences(presets):
            add(("preferences", *parts), message)
    if tenant is not None:
        _check_references(tenant, add)
    problems.sort(key=lambda p: (p.file, p.line or 0))
    if any(p.is_error for p in problems):
        return None, problems, errors
    return tenant, problems, errors


def validate_preferences(values: Mapping[str, Any]) -> list[tuple[tuple[PathPart, ...], str]]:
    """Check preference values one key at a time, so one bad key does not spoil the others."""
    found: list[tuple[tuple[PathPart, ...], str]] = []
    for key, value in values.items():
        if key not in PREFERENCE_KEYS:
            found.append(((key,), _unknown_key(key, PREFERENCE_KEYS)))
            continue
        try:
            Preferences.model_validate({key: value})
        except ValidationError as exc:
            for error in exc.errors():
                found.append(explain(error, Preferences))
    return found


def check_duplicates(data: Mapping[str, Any], add: Callable[..., None]) -> None:
    """Report every service or category id used twice, at the second use."""
    for section, what in (("services", "service"), ("categories", "category")):
        items = data.get(section)
        if not isinstance(items, list):
            continue
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                continue
            ident = item["id"].strip()
            if ident in first:
                add(
                    (section, index, "id"),
                    f"duplicate {what} id {ident!r}; first used at {section}[{first[ident]}]",
                )
            else:
                first[ident] = index


def _check_references(tenant: Tenant, add: Callable[..., None]) -> None:
    declared = {c.id for c in tenant.categories} | {OTHER_CATEGORY}
    for index, service in enumerate(tenant.services):
        if service.category not in declared:
            add(
                ("services", index, "category"),
                f"category {service.category!r} is not declared in [[categories]]; "
                f"the service is shown under {OTHER_CATEGORY!r}",
                "warning",
            )
        if service.native_app is not None and service.native_app not in tenant.native_apps:
            add(
                ("services", index, "native_app"),
                f"native application {service.native_app!r} is not defined in [native_apps] "
                "of the local configuration; the web address is opened instead",
                "warning",
            )
    for key in ("mail_native_app", "tel_native_app"):
        app = getattr(tenant.links, key)
        if app is not None and app not in tenant.native_apps:
            add(
                ("links", key),
                f"native application {app!r} is not defined in [native_apps] of the local "
                "configuration; these links are refused with a message",
                "warning",
                f"die native Anwendung {app!r} ist nicht in [native_apps] der lokalen "
                "Konfiguration definiert; diese Links werden mit einer Meldung abgelehnt",
            )


# --------------------------------------------------------------------------- messages


def german(error: ErrorDetails) -> str:
    """The German message of a validator's error that has one (e.g. the URL rules)."""
    cause = error.get("ctx", {}).get("error")
    message = getattr(cause, "message_de", "")
    return message if isinstance(message, str) else ""


def explain(error: ErrorDetails, model: type[BaseModel]) -> tuple[tuple[PathPart, ...], str]:
    """A pydantic error as (key path, plain message)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return loc, f"{_describe(value)} is not a valid key: {_pattern_hint(error) or error['msg']}"
    if kind == "extra_forbidden":
        return loc, _unknown_key(str(loc[-1]), _field_names(model, loc[:-1]))
    if kind == "missing":
        return loc, f"required key {loc[-1]!r} is missing"
    if kind == "value_error":
        return loc, error["msg"].removeprefix("Value error, ")
    hint = _pattern_hint(error)
    if hint:
        return loc, f"{hint} (got {_describe(value)})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if _is_localized(model, loc):
            return loc, (
                f"must be a text or a table with de and en, e.g. "
                f'{{ de = "…", en = "…" }} (got {_describe(value)})'
            )
        return loc, f"must be a table of keys (got {_describe(value)})"
    return loc, f"{_lower_first(error['msg'])} (got {_describe(value)})"


def _pattern_hint(error: ErrorDetails) -> str | None:
    if error["type"] != "string_pattern_mismatch":
        return None
    pattern = (error.get("ctx") or {}).get("pattern")
    if pattern == _IDENTIFIER_PATTERN:
        return (
            "must be an id: lowercase letters a-z, digits, '.', '_' or '-', "
            "starting with a letter or digit, at most 64 characters"
        )
    if pattern == r"^#[0-9a-fA-F]{6}$":
        return "must be a colour written #RRGGBB, e.g. #0b5cad"
    if pattern == r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$":
        return "must be an e-mail address like servicedesk@example.org"
    return f"does not have the expected form ({pattern})"


def _lower_first(text: str) -> str:
    for prefix, plain in (("Input should be", "must be"), ("String should", "must")):
        if text.startswith(prefix):
            return plain + text[len(prefix) :]
    return text[:1].lower() + text[1:]


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(key: str, known: Iterable[str]) -> str:
    known = list(known)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    message = f"unknown key {key!r}"
    if close:
        return f"{message}; did you mean {close[0]!r}?"
    if known:
        return f"{message}; known keys are: {', '.join(known)}"
    return message


def _model_at(model: type[BaseModel], loc: Sequence[PathPart]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not _is_model(current):
            current = _inner_model(current)
            if isinstance(part, int):
                continue
        if not _is_model(current):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field.annotation
    current = current if _is_model(current) else _inner_model(current)
    return current if _is_model(current) else None


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model class inside list[M], dict[str, M], M | None; else the annotation itself."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in reversed(args):
            if _is_model(arg):
                return arg
    return annotation


def _field_names(model: type[BaseModel], loc: Sequence[PathPart]) -> list[str]:
    found = _model_at(model, loc)
    return list(found.model_fields) if found is not None else []


def _is_localized(model: type[BaseModel], loc: Sequence[PathPart]) -> bool:
    found = _model_at(model, loc)
    return found is not None and found.__name__ == "LocalizedText"
