# SPDX-License-Identifier: EUPL-1.2
"""An openDesk / Univention portal as a catalog source: its feeds mapped into services.

``navigation.json`` is localised by the server, so it is fetched twice (``de-DE`` and
``en-US``) and the two are joined by identifier; ``portal.json`` carries every
language itself. Each link and icon must pass the URL rules; an unsafe entry is
dropped with a problem. Ids come from the entry's ``identifier`` (or the first part
of its LDAP ``dn``), sanitised to the catalog's id pattern and made unique stably.

The launcher reads the portal like an anonymous browser would: it never holds the
portal's shared secret (which would let it act as any user). A portal that wants a
sign-in answers 401/403 or redirects to its login, and that is reported as such.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from workplace.config.locate import PathPart, format_path
from workplace.config.settings import ConfigProblem
from workplace.config.urls import UnsafeUrlError, check_url

LANGUAGES = {"de": "de-DE", "en": "en-US"}
PORTAL_LOCALES = {"de": "de_DE", "en": "en_US"}
MAX_TEXT = 200
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_LOGIN_HINTS = ("/univention/oidc", "/univention/saml", "/univention/login", "/login")


def navigation_url(base_url: str, language: str) -> str:
    """``navigation.json`` under the portal ``base_url`` for ``de-DE`` or ``en-US``."""
    root = base_url if base_url.endswith("/") else base_url + "/"
    parts = urlsplit(root)
    portal_root = f"{parts.scheme}://{parts.netloc}"
    return (
        urljoin(root, "navigation.json")
        + f"?base={quote(portal_root, safe='')}&language={quote(language)}"
    )


def portal_url(base_url: str) -> str:
    root = base_url if base_url.endswith("/") else base_url + "/"
    return urljoin(root, "portal.json")


def looks_like_login(url: str, content_type: str) -> bool:
    """True when the portal answered with a login page instead of its JSON."""
    path = urlsplit(url).path.lower()
    if any(hint in path for hint in _LOGIN_HINTS):
        return True
    return "html" in content_type.lower()


def sanitise_id(raw: str) -> str:
    """A catalog id for ``raw``: lower case, other characters as '-', at most 64 characters."""
    text = raw.strip().lower()
    text = re.sub(r"[^a-z0-9_.-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-_.")
    text = text[:64].rstrip("-_.")
    if not text or not _ID_PATTERN.match(text):
        return "entry-" + _digest(raw)
    return text


def id_from_dn(dn: str) -> str:
    """``cn=groupwareMail,cn=entry,...`` -> ``groupwareMail`` (the first value)."""
    first = dn.split(",", 1)[0]
    return first.split("=", 1)[1] if "=" in first else first


def short_name(raw: str) -> str:
    """An LDAP dn's first value (``cn=admin,cn=category,...`` -> ``admin``), else ``raw``."""
    if re.match(r"^[A-Za-z][A-Za-z0-9-]*=[^,]+,", raw.strip()):
        return id_from_dn(raw.strip())
    return raw


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]


@dataclass
class _Builder:
    """Collects categories and services and the problems met on the way."""

    source: str
    portal_root: str
    categories: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    problems: list[ConfigProblem] = field(default_factory=list)
    _ids: dict[str, str] = field(default_factory=dict)  # catalog id -> original identifier
    _links: dict[str, str] = field(default_factory=dict)  # original identifier -> url
    _category_ids: dict[str, str] = field(default_factory=dict)

    def problem(self, path: Sequence[PathPart], message: str) -> None:
        self.problems.append(ConfigProblem(self.source, None, format_path(path), message,
                                           "warning"))

    def unique_id(self, original: str) -> str:
        ident = sanitise_id(short_name(original))
        owner = self._ids.get(ident)
        if owner is not None and owner != original:
            ident = f"{ident[:55].rstrip('-_.')}-{_digest(original)}"
        self._ids[ident] = original
        return ident

    def url(self, value: Any, path: Sequence[PathPart], what: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"{what} is missing")
            return None
        try:
            return check_url(urljoin(self.portal_root + "/", value.strip()))
        except UnsafeUrlError as exc:
            self.problem(path, f"{what} {_short(value)} is refused: {exc}")
            return None

    def category(self, original: str, names: Mapping[str, str]) -> str:
        known = self._category_ids.get(original)
        if known is not None:
            return known
        ident = sanitise_id(short_name(original))
        if ident in self._category_ids.values():
            ident = f"{ident[:55].rstrip('-_.')}-{_digest(original)}"
        self._category_ids[original] = ident
        self.categories.append({"id": ident, "name": _names(names, original)})
        return ident

    def add(
        self,
        original: str,
        path: Sequence[PathPart],
        *,
        names: Mapping[str, str],
        descriptions: Mapping[str, str],
        link: Any,
        icon: Any,
        keywords: Iterable[str],
        category: str,
    ) -> None:
        url = self.url(link, (*path, "link"), "the link")
        if url is None:
            self.problem(path, f"entry {original!r} is left out")
            return
        seen = self._links.get(original)
        if seen is not None:
            if seen != url:
                self.problem(
                    path,
                    f"duplicate identifier {original!r} with another link; the first is kept",
                )
            return  # the same entry in a second category: shown once, in the first
        self._links[original] = url
        service: dict[str, Any] = {
            "id": self.unique_id(original),
            "name": _names(names, original),
            "category": category,
            "url": url,
            "keywords": sorted({k[:MAX_TEXT] for k in keywords if k.strip()}),
        }
        description = _names(descriptions, "")
        if description["de"] or description["en"]:
            service["description"] = description
        if icon:
            icon_url = self.url(icon, (*path, "icon_url"), "the icon")
            if icon_url is not None:
                service["icon"] = icon_url
        self.services.append(service)

    def document(self) -> dict[str, Any]:
        return {"version": 0, "categories": self.categories, "services": self.services}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _text(value: Any) -> str:
    return value.strip()[:MAX_TEXT] if isinstance(value, str) else ""


def _names(names: Mapping[str, str], fallback: str) -> dict[str, str]:
    de, en = _text(names.get("de")), _text(names.get("en"))
    return {"de": de or en or fallback[:MAX_TEXT], "en": en or de or fallback[:MAX_TEXT]}


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [w for v in value if isinstance(v, str) for w in v.split()]
    if isinstance(value, Mapping):
        return [w for v in value.values() if isinstance(v, str) for w in v.split()]
    return []


@dataclass(frozen=True)
class Mapped:
    """A portal feed as a manifest document (``version`` 0) plus the problems found."""

    document: dict[str, Any]
    problems: tuple[ConfigProblem, ...]

    @property
    def empty(self) -> bool:
        return not self.document["services"]


# --------------------------------------------------------------------------- navigation.json


def map_navigation(
    feeds: Mapping[str, Any], source: str, portal_base: str
) -> Mapped:
    """Join the ``de`` and ``en`` navigation.json documents into one catalog document.

    Problems are reported once, for the first language that has a usable document.
    """
    builder = _Builder(source, _root(portal_base))
    order: list[tuple[str, str, list[PathPart]]] = []  # (category id, entry id, path)
    cats: dict[str, dict[str, str]] = {}
    entries: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    usable = [
        lang for lang in ("de", "en")
        if isinstance(feeds.get(lang), Mapping) and isinstance(feeds[lang].get("categories"), list)
    ]
    if not usable:
        builder.problem(("categories",), "the navigation feed has no list 'categories'")
    for lang in usable:
        report = lang == usable[0]

        def problem(path: Sequence[PathPart], message: str, report: bool = report) -> None:
            if report:
                builder.problem(path, message)

        for ci, category in enumerate(feeds[lang]["categories"]):
            if not isinstance(category, Mapping):
                problem(("categories", ci), "a category must be an object; left out")
                continue
            cid = category.get("identifier")
            if not isinstance(cid, str) or not cid.strip():
                problem(("categories", ci, "identifier"), "missing; category left out")
                continue
            cats.setdefault(cid, {})[lang] = _text(category.get("display_name"))
            items = category.get("entries")
            seen: set[str] = set()
            for ei, entry in enumerate(items if isinstance(items, list) else []):
                path: list[PathPart] = ["categories", ci, "entries", ei]
                if not isinstance(entry, Mapping):
                    problem(path, "an entry must be an object; left out")
                    continue
                eid = entry.get("identifier")
                if not isinstance(eid, str) or not eid.strip():
                    problem((*path, "identifier"), "missing; entry left out")
                    continue
                key = (cid, eid)
                if eid in seen:
                    if entry.get("link") != entries[key][lang].get("link"):
                        problem(
                            path,
                            f"duplicate identifier {eid!r} with another link; the first is kept",
                        )
                    continue
                seen.add(eid)
                if key not in entries:
                    order.append((cid, eid, path))
                    entries[key] = {}
                entries[key][lang] = dict(entry)
    for cid, eid, path in order:
        per_lang = entries[(cid, eid)]
        first = per_lang.get("de") or per_lang["en"]
        names = {lang: _text(e.get("display_name")) for lang, e in per_lang.items()}
        if not any(names.values()):
            builder.problem((*path, "display_name"), "missing; the identifier is shown")
        category = builder.category(cid, cats.get(cid, {}))
        builder.add(
            eid,
            path,
            names=names,
            descriptions={},
            link=first.get("link"),
            icon=first.get("icon_url"),
            keywords=_keywords(first.get("keywords")),
            category=category,
        )
    _drop_empty_categories(builder)
    return Mapped(builder.document(), tuple(builder.problems))


# --------------------------------------------------------------------------- portal.json


def map_portal(doc: Any, source: str, portal_base: str) -> Mapped:
    """Map ``portal.json`` (per-locale names, links with locales, folders) into services."""
    builder = _Builder(source, _root(portal_base))
    if not isinstance(doc, Mapping):
        builder.problem((), "portal.json must be an object")
        return Mapped(builder.document(), tuple(builder.problems))
    entries = {
        e["dn"]: (i, e)
        for i, e in enumerate(_list(doc.get("entries")))
        if isinstance(e, Mapping) and isinstance(e.get("dn"), str)
    }
    folders = {
        f["dn"]: f
        for f in _list(doc.get("folders"))
        if isinstance(f, Mapping) and isinstance(f.get("dn"), str)
    }
    for i, entry in enumerate(_list(doc.get("entries"))):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("dn"), str):
            builder.problem(("entries", i, "dn"), "missing; entry left out")
    for ci, category in enumerate(_list(doc.get("categories"))):
        if not isinstance(category, Mapping) or not isinstance(category.get("dn"), str):
            builder.problem(("categories", ci, "dn"), "missing; category left out")
            continue
        cdn = category["dn"]
        cid = builder.category(cdn, _locale_texts(category.get("display_name")))
        for ref in _flatten(_list(category.get("entries")), folders):
            found = entries.get(ref)
            if found is None:
                builder.problem(("categories", ci, "entries"), f"unknown entry {_short(ref)}")
                continue
            index, entry = found
            builder.add(
                entry["dn"],
                ("entries", index),
                names=_locale_texts(entry.get("name")),
                descriptions=_locale_texts(entry.get("description")),
                link=_pick_link(entry.get("links"), builder.portal_root),
                icon=entry.get("icon_url") or entry.get("logo_name"),
                keywords=_keywords(entry.get("keywords")),
                category=cid,
            )
    _drop_empty_categories(builder)
    return Mapped(builder.document(), tuple(builder.problems))


def _root(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _flatten(refs: list[Any], folders: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for ref in refs:
        if not isinstance(ref, str):
            continue
        folder = folders.get(ref)
        if folder is not None:  # folders are one level deep in the portal
            out.extend(r for r in _list(folder.get("entries")) if isinstance(r, str))
        else:
            out.append(ref)
    return out


def _locale_texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"de": value, "en": value}
    if not isinstance(value, Mapping):
        return {}
    found: dict[str, str] = {}
    for lang, locale in PORTAL_LOCALES.items():
        text = value.get(locale) or value.get(locale.replace("_", "-")) or value.get(lang)
        if isinstance(text, str):
            found[lang] = text
    return found


def _pick_link(links: Any, root: str) -> Any:
    """A safe link first; then like the portal: German, a host name over an IP, https."""
    candidates: list[tuple[tuple[int, int, int, int, int], str]] = []
    for index, link in enumerate(_list(links)):
        value = link.get("value") if isinstance(link, Mapping) else link
        if not isinstance(value, str):
            continue
        locale = link.get("locale", "") if isinstance(link, Mapping) else ""
        host = urlsplit(value).hostname or ""
        try:
            check_url(urljoin(root + "/", value.strip()))
            unsafe = 0
        except UnsafeUrlError:
            unsafe = 1
        rank = (
            unsafe,
            0 if locale in ("de_DE", "de-DE", "de") else 1 if locale in ("", "en_US") else 2,
            1 if re.fullmatch(r"[0-9.:\[\]]+", host) else 0,
            0 if value.lower().startswith("https:") else 1,
            index,
        )
        candidates.append((rank, value))
    if not candidates:
        return None
    return min(candidates)[1]


def _drop_empty_categories(builder: _Builder) -> None:
    used = {s["category"] for s in builder.services}
    builder.categories = [c for c in builder.categories if c["id"] in used]
