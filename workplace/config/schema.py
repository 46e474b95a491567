# SPDX-License-Identifier: EUPL-1.2
"""The one declared schema of what an organisation (tenant) and a user configure.

Every field has a type, a default and a description in English (``description``)
and German (``x-description-de`` in the JSON Schema). The JSON Schema and IT's
policy reference are generated from these classes; nothing else checks types.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from workplace.config.plain import (
    IntegrationsMethods,
    LocalizedTextMethods,
    NativeAppMethods,
    RemoteCatalogMethods,
)
from workplace.config.urls import check_url


def described(default: Any, en: str, de: str, **kwargs: Any) -> Any:
    """A pydantic Field carrying the English and German description."""
    extra = kwargs.pop("json_schema_extra", {}) or {}
    extra["x-description-de"] = de
    if callable(default):
        return Field(default_factory=default, description=en, json_schema_extra=extra, **kwargs)
    return Field(default, description=en, json_schema_extra=extra, **kwargs)


def _safe_url(value: str) -> str:
    return check_url(value)


SafeUrl = Annotated[str, AfterValidator(_safe_url)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
ClockTime = Annotated[str, StringConstraints(pattern=r"^$|^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class Strict(BaseModel):
    """Base for every configuration section: unknown keys are errors, values are frozen."""

    # defer_build: the validators are built on the first validation, so a warm start
    # (workplace.config.warm) that only rebuilds known-good values never pays for them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class LocalizedText(LocalizedTextMethods, Strict):
    """A text in German and English. A plain string in a file sets both."""

    de: str = described("", "German text.", "Deutscher Text.")
    en: str = described("", "English text.", "Englischer Text.")

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"de": value, "en": value}
        return value


class Support(Strict):
    phone: str = described("", "Helpdesk phone number.", "Telefonnummer des Service-Desks.")
    mail: str = described(
        "",
        "Helpdesk e-mail address.",
        "E-Mail-Adresse des Service-Desks.",
        pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$",
    )
    url: SafeUrl | None = described(
        None, "Helpdesk web page (https).", "Webseite des Service-Desks (https)."
    )


class Organisation(Strict):
    name: LocalizedText = described(
        lambda: LocalizedText(de="Arbeitsplatz", en="Workplace"),
        "Full name of the organisation, shown in the window title and header.",
        "Vollständiger Name der Organisation, angezeigt in Titel und Kopfzeile.",
    )
    short_name: str = described(
        "", "Short name or abbreviation.", "Kurzname oder Abkürzung.", max_length=40
    )
    logo: str = described(
        "",
        "Logo: the name of a bundled icon, an https URL or an absolute file path.",
        "Logo: Name eines mitgelieferten Symbols, eine https-URL oder ein absoluter Dateipfad.",
    )
    accent_colour: Colour = described(
        "#0b5cad", "Accent colour as #RRGGBB.", "Akzentfarbe als #RRGGBB."
    )
    support: Support = described(
        Support, "How users reach the helpdesk.", "Wie Nutzende den Service-Desk erreichen."
    )

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        if value.startswith(("http:", "https:")) or "://" in value:
            return check_url(value)
        return value


class IdentityProvider(Strict):
    issuer: SafeUrl | None = described(
        None,
        "OpenID Connect issuer URL; empty means no sign-in.",
        "Issuer-URL des OpenID-Connect-Anbieters; leer bedeutet: keine Anmeldung.",
    )
    client_id: str = described(
        "arbeitsplatz",
        "Client id of the launcher's public (PKCE) client.",
        "Client-ID des öffentlichen (PKCE-)Clients für den Arbeitsplatz.",
    )
    scopes: list[NonEmpty] = described(
        lambda: ["openid", "profile", "email", "offline_access"],
        "Scopes requested at sign-in.",
        "Bei der Anmeldung angeforderte Scopes.",
    )
    extra_auth_params: dict[str, str] = described(
        dict,
        'Extra authorization request parameters, e.g. prompt = "consent".',
        'Zusätzliche Parameter der Autorisierungsanfrage, z. B. prompt = "consent".',
    )
    redirect_path: str = described(
        "/callback",
        "Path of the loopback redirect URI registered for the client.",
        "Pfad der für den Client registrierten Loopback-Redirect-URI.",
        pattern=r"^/[A-Za-z0-9/_.-]*$",
    )

    @field_validator("scopes")
    @classmethod
    def _needs_openid(cls, value: list[str]) -> list[str]:
        if value and "openid" not in value:
            raise ValueError("scopes must contain 'openid'")
        return value

    @field_validator("extra_auth_params")
    @classmethod
    def _no_protocol_params(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = {
            "client_id",
            "redirect_uri",
            "response_type",
            "scope",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method",
        }
        clash = sorted(reserved & value.keys())
        if clash:
            raise ValueError(f"these parameters are set by the launcher itself: {', '.join(clash)}")
        return value


class Category(Strict):
    id: Identifier = described(..., "Category id.", "Kennung der Kategorie.")
    name: LocalizedText = described(..., "Category name.", "Name der Kategorie.")


class Service(Strict):
    id: Identifier = described(..., "Unique service id.", "Eindeutige Kennung des Dienstes.")
    name: LocalizedText = described(..., "Service name.", "Name des Dienstes.")
    description: LocalizedText = described(LocalizedText, "Short description.", "Kurzbeschreibung.")
    category: Identifier = described(
        "other", "Id of the category it belongs to.", "Kennung der Kategorie."
    )
    icon: str = described(
        "",
        "A bundled icon name (e.g. mail, files) or an https URL.",
        "Name eines mitgelieferten Symbols (z. B. mail, files) oder eine https-URL.",
    )
    keywords: list[NonEmpty] = described(
        list, "Extra search words, any language.", "Zusätzliche Suchbegriffe, jede Sprache."
    )
    url: SafeUrl = described(..., "Web address (https).", "Webadresse (https).")
    native_app: Identifier | None = described(
        None,
        "Id of a native application from the local IT configuration.",
        "Kennung einer nativen Anwendung aus der lokalen IT-Konfiguration.",
    )
    health_url: SafeUrl | None = described(
        None, "URL probed for the service status.", "URL, über die der Status geprüft wird."
    )
    zone: Literal["anywhere", "intranet"] = described(
        "anywhere",
        "Where the service can be reached: anywhere, or only in the intranet/VPN.",
        "Wo der Dienst erreichbar ist: überall oder nur im Intranet/VPN.",
    )
    low_bandwidth_url: SafeUrl | None = described(
        None,
        "Alternative URL for slow or metered links.",
        "Alternative URL für langsame oder getaktete Verbindungen.",
    )

    @field_validator("icon")
    @classmethod
    def _icon(cls, value: str) -> str:
        if "://" in value or value.startswith(("http:", "https:")):
            return check_url(value)
        if value and not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value):
            raise ValueError("icon must be a bundled icon name (a-z, 0-9, -, _) or an https URL")
        return value


class NativeCommand(Strict):
    exec: NonEmpty = described(
        ..., "Absolute path of the executable.", "Absoluter Pfad der ausführbaren Datei."
    )
    args: list[str] = described(list, "Arguments, no shell.", "Argumente, ohne Shell.")


class NativeApp(NativeAppMethods, Strict):
    linux: NativeCommand | None = described(None, "Command on Linux.", "Befehl unter Linux.")
    windows: NativeCommand | None = described(None, "Command on Windows.", "Befehl unter Windows.")
    macos: NativeCommand | None = described(None, "Command on macOS.", "Befehl unter macOS.")

    @field_validator("linux", "macos")
    @classmethod
    def _posix_absolute(cls, value: NativeCommand | None) -> NativeCommand | None:
        if value is not None and not PurePosixPath(value.exec).is_absolute():
            raise ValueError("exec must be an absolute path, e.g. /usr/bin/app; no PATH lookup")
        return value

    @field_validator("windows")
    @classmethod
    def _windows_absolute(cls, value: NativeCommand | None) -> NativeCommand | None:
        if value is not None:
            path = PureWindowsPath(value.exec)
            if not path.is_absolute() or value.exec.startswith(("\\\\", "//")):
                raise ValueError(
                    "exec must be an absolute local path, e.g. C:\\Program Files\\App\\app.exe"
                )
        return value


class RemoteCatalogSettings(RemoteCatalogMethods, Strict):
    """Where a central catalog comes from: an IT manifest or an openDesk/Univention portal."""

    manifest_url: SafeUrl | None = described(
        None,
        "URL of the central catalog manifest (JSON, https). Its services are added to the "
        "configured ones; a configured service wins on the same id.",
        "URL des zentralen Katalog-Manifests (JSON, https). Seine Dienste ergänzen die "
        "konfigurierten; bei gleicher Kennung gilt der konfigurierte Dienst.",
    )
    manifest_public_key: str = described(
        "",
        "Public key that must have signed the manifest (a JWK, a JWK set or a PEM public key; "
        "a PEM key may also be given on one line, as a Group Policy text field needs). "
        "The detached signature is read from the manifest URL plus '.jws'. When set, unsigned "
        "or badly signed manifests are refused.",
        "Öffentlicher Schlüssel, mit dem das Manifest signiert sein muss (JWK, JWK-Set oder "
        "PEM; ein PEM-Schlüssel darf auch in einer Zeile stehen, wie es ein Textfeld der "
        "Gruppenrichtlinie verlangt). Die abgetrennte Signatur wird von der Manifest-URL "
        "plus '.jws' gelesen. Ist er gesetzt, werden unsignierte oder falsch signierte "
        "Manifeste abgelehnt.",
        max_length=65536,
    )
    univention_portal_url: SafeUrl | None = described(
        None,
        "Base URL of an openDesk/Univention portal, e.g. https://portal.example.org/univention/"
        "portal/; its navigation feed becomes the central catalog. Only entries visible without "
        "sign-in are shown: the launcher never holds the portal's shared secret.",
        "Basis-URL eines openDesk-/Univention-Portals, z. B. https://portal.example.org/"
        "univention/portal/; sein Navigations-Feed wird zum zentralen Katalog. Es erscheinen "
        "nur Einträge, die ohne Anmeldung sichtbar sind: der Arbeitsplatz kennt das geteilte "
        "Geheimnis des Portals nie.",
    )
    univention_feed: Literal["navigation", "portal"] = described(
        "navigation",
        "Which portal document to read: navigation (navigation.json, fetched in German and "
        "English) or portal (portal.json, with all languages).",
        "Welches Portal-Dokument gelesen wird: navigation (navigation.json, auf Deutsch und "
        "Englisch abgerufen) oder portal (portal.json, mit allen Sprachen).",
    )
    refresh_minutes: int = described(
        60,
        "Minutes between catalog refreshes (each client adds ±20 % jitter).",
        "Minuten zwischen zwei Aktualisierungen des Katalogs (jeder Client streut um ±20 %).",
        ge=5,
        le=7 * 24 * 60,
    )

    @model_validator(mode="after")
    def _one_source(self) -> RemoteCatalogSettings:
        if self.manifest_url and self.univention_portal_url:
            raise ValueError("set either manifest_url or univention_portal_url, not both")
        if self.manifest_public_key.strip() and not self.manifest_url:
            raise ValueError("manifest_public_key needs manifest_url")
        return self


def _probe_url(value: str) -> str:
    """A connectivity-check URL: plain http is the point of it (portals intercept http)."""
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme.lower() == "http" and parts.hostname:
        checked = check_url("https" + value[len(parts.scheme) :])
        return "http" + checked[len("https") :]
    return check_url(value)


ProbeUrl = Annotated[str, AfterValidator(_probe_url)]


def _proxy_url(value: str) -> str:
    """A manual proxy: http(s)://host:port, without credentials (config files are readable)."""
    if not value:
        return value
    parts = urlsplit(value if "://" in value else f"http://{value}")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("a proxy is http://host:port or https://host:port")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            "credentials in the proxy address are not allowed: configuration files are "
            "readable; use the system proxy settings for an authenticating proxy"
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"the proxy port is not valid: {exc}") from None
    if port is None:
        raise ValueError("the proxy address needs a port, e.g. http://proxy.example.org:3128")
    if parts.path not in ("", "/") or parts.query:
        raise ValueError("a proxy address has no path or query")
    return f"{parts.scheme.lower()}://{parts.netloc}"


ProxyUrl = Annotated[str, AfterValidator(_proxy_url)]


class NetworkSettings(Strict):
    """How the launcher finds out where it is (office, home, VPN, mobile) and whom to trust."""

    intranet_probe_url: SafeUrl | None = described(
        None,
        "An https URL that only answers inside the agency network or over the VPN, e.g. "
        "https://intranet.example.org/health. When it answers, the launcher is in the office "
        "or on the VPN; empty means the launcher cannot tell, and intranet services are "
        "always probed.",
        "Eine https-URL, die nur im Behördennetz oder über das VPN antwortet, z. B. "
        "https://intranet.example.org/health. Antwortet sie, ist der Arbeitsplatz im Büro "
        "oder im VPN; leer heißt: das ist nicht feststellbar, Intranet-Dienste werden "
        "immer geprüft.",
    )
    captive_portal_check_url: ProbeUrl = described(
        "",
        "A plain http URL that answers 204 (or the text in captive_portal_check_body) on the "
        "open internet, e.g. one on your own web server. A hotel or train login page "
        "answers differently, and the launcher offers to open it. Empty switches the check "
        "off (the operating system's own check is still used where Qt reports it).",
        "Eine unverschlüsselte http-URL, die im offenen Internet 204 antwortet (oder den "
        "Text aus captive_portal_check_body), z. B. auf einem eigenen Webserver. Eine "
        "Anmeldeseite im Hotel oder Zug antwortet anders, und der Arbeitsplatz bietet an, "
        "sie zu öffnen. Leer schaltet die Prüfung ab (die des Betriebssystems gilt weiter, "
        "wo Qt sie meldet).",
    )
    captive_portal_check_body: str = described(
        "",
        "Expected body of a 200 answer from captive_portal_check_url; empty means the URL "
        "answers 204 No Content.",
        "Erwarteter Inhalt einer 200-Antwort von captive_portal_check_url; leer heißt: die "
        "URL antwortet 204 No Content.",
        max_length=1024,
    )
    extra_ca_bundle: str = described(
        "",
        "Absolute path of a PEM file with the agency's own certificate authorities, trusted "
        "in addition to the operating system's trust store (IT only).",
        "Absoluter Pfad einer PEM-Datei mit den eigenen Zertifizierungsstellen der Behörde, "
        "denen zusätzlich zum Zertifikatsspeicher des Betriebssystems vertraut wird (nur IT).",
    )
    vpn_interfaces: list[NonEmpty] = described(
        lambda: ["tun*", "wg*", "ppp*", "tap*", "ipsec*", "vpn*"],
        "Name patterns of network interfaces that mean a VPN is up (Linux: /sys/class/net).",
        "Namensmuster von Netzwerkschnittstellen, die ein aktives VPN bedeuten (Linux: "
        "/sys/class/net).",
    )
    probe_budget_seconds: int = described(
        5,
        "Seconds one round of service status probes may take in total; services that have "
        "not answered by then count as unreachable.",
        "Sekunden, die eine Runde der Statusprüfungen insgesamt dauern darf; Dienste, die "
        "bis dahin nicht geantwortet haben, gelten als nicht erreichbar.",
        ge=1,
        le=60,
    )
    slow_threshold_ms: int = described(
        1500,
        "A service answering slower than this many milliseconds is shown as slow.",
        "Ein Dienst, der langsamer als so viele Millisekunden antwortet, gilt als langsam.",
        ge=50,
        le=60000,
    )

    @field_validator("extra_ca_bundle")
    @classmethod
    def _absolute(cls, value: str) -> str:
        absolute = PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute()
        if value and not absolute:
            raise ValueError("extra_ca_bundle must be an absolute path to a PEM file")
        return value


# --------------------------------------------------------------------------- links
# Where mailto:, matrix:, tel: and meeting links go (workplace/links, docs/deployment.md
# "Links"). A block of its own, apart from the other sections, to keep merges simple.

COMPOSE_SAMPLES = {
    "to": "erika@example.org",
    "cc": "max@example.org",
    "bcc": "amt@example.org",
    "subject": "Betreff",
    "body": "Text",
    "mailto": "mailto:erika@example.org?subject=Betreff",
}
"""The placeholders of ``links.mail_compose_url``, each with a sample value."""
MEETING_SAMPLES = {"url": "https://meet.example.org/raum", "path": "/raum"}
TEL_SAMPLES = {"number": "+49301234567"}


def _compose_template(value: str) -> str:
    from workplace.config.urltemplate import check_template

    return check_template(value, COMPOSE_SAMPLES, required=("to", "mailto"))


def _meeting_template(value: str) -> str:
    from workplace.config.urltemplate import check_meeting_template

    return check_meeting_template(value, MEETING_SAMPLES)


def _tel_template(value: str) -> str:
    from workplace.config.urltemplate import check_template

    return check_template(value, TEL_SAMPLES, required=("number",), softphone=True)


class LinkSettings(Strict):
    """Where e-mail, chat, meeting and phone links open (the launcher as their handler)."""

    mail_compose_url: Annotated[str, AfterValidator(_compose_template)] = described(
        "",
        "The webmail's compose view for mailto: links, with the placeholders {to}, {cc}, "
        "{bcc}, {subject} and {body}, or {mailto} (the whole mailto: link), each "
        "percent-encoded, e.g. https://webmail.example.org/compose?to={to}&subject={subject}"
        "&body={body}. Empty: e-mail links are refused with a message (unless "
        "mail_native_app is set).",
        "Die Verfassen-Ansicht der Webmail für mailto:-Links, mit den Platzhaltern {to}, "
        "{cc}, {bcc}, {subject} und {body} oder {mailto} (der ganze mailto:-Link), jeweils "
        "prozentkodiert, z. B. https://webmail.example.org/compose?to={to}&subject="
        "{subject}&body={body}. Leer: E-Mail-Links werden mit einer Meldung abgelehnt "
        "(außer mail_native_app ist gesetzt).",
    )
    mail_native_app: Identifier | None = described(
        None,
        "Send mailto: links to this native mail program instead (an id from native_apps "
        "of the local configuration; it receives a cleaned mailto: link as its last "
        "argument).",
        "mailto:-Links stattdessen an dieses native E-Mail-Programm geben (eine Kennung aus "
        "native_apps der lokalen Konfiguration; es bekommt einen bereinigten mailto:-Link "
        "als letztes Argument).",
    )
    chat_service: Identifier = described(
        "chat",
        "Id of the chat service (Element): matrix: links and, inside the launcher, "
        "https://matrix.to links open there at the room or person.",
        "Kennung des Chat-Dienstes (Element): matrix:-Links und, innerhalb des "
        "Arbeitsplatzes, https://matrix.to-Links öffnen dort im Raum oder bei der Person.",
    )
    video_service: Identifier = described(
        "video",
        "Id of the video conference service: links to its host open as that service "
        "(data saver, intranet warning).",
        "Kennung des Videokonferenz-Dienstes: Links auf seinen Host öffnen wie dieser "
        "Dienst (Sparmodus, Intranet-Warnung).",
    )
    meeting_low_bandwidth_url: Annotated[str, AfterValidator(_meeting_template)] = described(
        "",
        "With the data saver on, a meeting link opens this address instead: either the "
        "meeting link with a fragment added, written {url}#…, e.g. "
        "{url}#config.startAudioOnly=true (Jitsi), or an address of the video service with "
        "{url} (the meeting link) or {path} (its path and query) percent-encoded, e.g. "
        "https://meet.example.org/audio-only?room={path}. Empty: the meeting link as is.",
        "Bei eingeschaltetem Sparmodus öffnet ein Besprechungslink stattdessen diese "
        "Adresse: entweder der Besprechungslink mit angehängtem Fragment, geschrieben "
        "{url}#…, z. B. {url}#config.startAudioOnly=true (Jitsi), oder eine Adresse des "
        "Videokonferenz-Dienstes mit {url} (der Besprechungslink) oder {path} (sein Pfad "
        "mit Abfrage) prozentkodiert, z. B. https://meet.example.org/audio-only?room={path}. "
        "Leer: der Besprechungslink selbst.",
    )
    tel_url: Annotated[str, AfterValidator(_tel_template)] = described(
        "",
        "Where tel: links go, with the placeholder {number}: the video service's dial-in "
        "page (https://…{number}…) or a softphone's scheme (sip:{number}, sips:{number}, "
        "callto:{number}). Empty: phone links are refused with a message (unless "
        "tel_native_app is set).",
        "Wohin tel:-Links gehen, mit dem Platzhalter {number}: die Einwahlseite der "
        "Videokonferenz (https://…{number}…) oder das Schema eines Softphones "
        "(sip:{number}, sips:{number}, callto:{number}). Leer: Telefon-Links werden mit "
        "einer Meldung abgelehnt (außer tel_native_app ist gesetzt).",
    )
    tel_native_app: Identifier | None = described(
        None,
        "Send tel: links to this native softphone instead (an id from native_apps of the "
        "local configuration; it receives the number as tel:+49… as its last argument).",
        "tel:-Links stattdessen an dieses native Softphone geben (eine Kennung aus "
        "native_apps der lokalen Konfiguration; es bekommt die Nummer als tel:+49… als "
        "letztes Argument).",
    )

    @model_validator(mode="after")
    def _one_target_each(self) -> LinkSettings:
        if self.mail_compose_url and self.mail_native_app:
            raise ValueError("set either mail_compose_url or mail_native_app, not both")
        if self.tel_url and self.tel_native_app:
            raise ValueError("set either tel_url or tel_native_app, not both")
        return self


TokenWay = Literal["launcher", "resource"]


class IntegrationBase(Strict):
    """What every integration has: on or off, its tile, how it gets its token, how often."""

    enabled: bool = described(
        False, "Switch this integration on.", "Diese Anbindung einschalten."
    )
    service: Identifier = described(
        "mail",
        "Id of the tile that shows what this integration finds (its badge).",
        "Kennung der Kachel, die anzeigt, was diese Anbindung findet (ihre Plakette).",
    )
    token: TokenWay = described(
        "launcher",
        "How the token for this service is got: launcher (the launcher's own access token, "
        "which must carry the audience and scopes below: Keycloak audience mappers) or "
        "resource (a token for the resource indicator below, RFC 8707, where the identity "
        "provider supports it).",
        "Wie das Token für diesen Dienst beschafft wird: launcher (das eigene Zugriffstoken "
        "des Arbeitsplatzes, das die Zielgruppe und Scopes unten tragen muss: Audience-Mapper "
        "in Keycloak) oder resource (ein Token für den Resource Indicator unten, RFC 8707, wo "
        "der Identitätsanbieter das unterstützt).",
    )
    resource: str = described(
        "",
        "Resource indicator (an absolute URI) for token = resource, e.g. the API's base URL.",
        "Resource Indicator (eine absolute URI) für token = resource, z. B. die Basis-URL "
        "der Schnittstelle.",
        max_length=2000,
    )
    audience: str = described(
        "",
        "The audience (aud) the service checks in the token, e.g. opendesk-oxappsuite; "
        "empty: not checked.",
        "Die Zielgruppe (aud), die der Dienst im Token prüft, z. B. opendesk-oxappsuite; "
        "leer: wird nicht geprüft.",
        max_length=200,
    )
    scopes: list[NonEmpty] = described(
        list,
        "Scopes the service needs; they are also asked for at sign-in. A scope the provider "
        "does not grant means: not available for this user.",
        "Scopes, die der Dienst braucht; sie werden auch bei der Anmeldung angefordert. Ein "
        "Scope, den der Anbieter nicht gewährt, heißt: für diese Person nicht verfügbar.",
    )
    claims: list[NonEmpty] = described(
        list,
        "Claims the token must carry for the service, e.g. opendesk_objectid, context.",
        "Claims, die das Token für den Dienst tragen muss, z. B. opendesk_objectid, context.",
    )
    minutes_office: int = described(
        2, "Minutes between two checks in the office.", "Minuten zwischen zwei Abfragen im Büro.",
        ge=1, le=24 * 60,
    )
    minutes_home: int = described(
        5, "Minutes between two checks at home.", "Minuten zwischen zwei Abfragen im Homeoffice.",
        ge=1, le=24 * 60,
    )
    minutes_mobile: int = described(
        15,
        "Minutes between two checks on a metered (mobile) link; data saver stretches every "
        "interval fourfold.",
        "Minuten zwischen zwei Abfragen bei getakteter (mobiler) Verbindung; der Sparmodus "
        "streckt jedes Intervall auf das Vierfache.",
        ge=1, le=24 * 60,
    )

    @field_validator("resource")
    @classmethod
    def _absolute_uri(cls, value: str) -> str:
        if value and (not urlsplit(value).scheme or "#" in value):
            raise ValueError("a resource indicator is an absolute URI without a fragment")
        return value

    @model_validator(mode="after")
    def _resource_named(self) -> IntegrationBase:
        if self.enabled and self.token == "resource" and not self.resource:  # noqa: S105
            raise ValueError("token = resource needs a resource indicator (resource)")
        return self


class MailIntegration(IntegrationBase):
    """Unread mail: the OX App Suite HTTP API, or IMAP where IT exposes it."""

    backend: Literal["ox", "imap"] = described(
        "ox",
        "Where the unread count comes from: ox (the OX App Suite HTTP API) or imap.",
        "Woher die Zahl ungelesener E-Mails kommt: ox (die HTTP-Schnittstelle der OX App "
        "Suite) oder imap.",
    )
    api_url: SafeUrl | None = described(
        None,
        "OX App Suite API base URL, e.g. https://webmail.example.org/appsuite/api.",
        "Basis-URL der OX-App-Suite-Schnittstelle, z. B. https://webmail.example.org/appsuite/api.",
    )
    imap_host: str = described(
        "", "IMAP server (TLS only), e.g. imap.example.org.",
        "IMAP-Server (nur TLS), z. B. imap.example.org.", max_length=253,
        pattern=r"^$|^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$",
    )
    imap_port: int = described(993, "IMAP port (implicit TLS).", "IMAP-Port (implizites TLS).",
                               ge=1, le=65535)
    imap_mechanism: Literal["oauthbearer", "xoauth2"] = described(
        "oauthbearer",
        "SASL mechanism for the token: oauthbearer (RFC 7628) or xoauth2.",
        "SASL-Verfahren für das Token: oauthbearer (RFC 7628) oder xoauth2.",
    )
    imap_login_claim: str = described(
        "email",
        "Token claim (or profile field) holding the IMAP user name Dovecot expects.",
        "Claim des Tokens (oder Profilfeld) mit dem IMAP-Benutzernamen, den Dovecot erwartet.",
        max_length=100,
    )
    imap_idle: bool = described(
        True,
        "Keep one IMAP connection open (IDLE) where the connection profile allows a held "
        "connection, so new mail shows at once.",
        "Eine IMAP-Verbindung offen halten (IDLE), wo das Verbindungsprofil das erlaubt, "
        "damit neue E-Mails sofort erscheinen.",
    )

    @model_validator(mode="after")
    def _backend_named(self) -> MailIntegration:
        if self.enabled and self.backend == "ox" and not self.api_url:
            raise ValueError("backend = ox needs api_url")
        if self.enabled and self.backend == "imap" and not self.imap_host:
            raise ValueError("backend = imap needs imap_host")
        return self


class CalendarIntegration(IntegrationBase):
    """The next meeting: OX's calendar API (Chronos), or CalDAV."""

    service: Identifier = described(
        "calendar",
        "Id of the tile that shows the next meeting.",
        "Kennung der Kachel, die den nächsten Termin zeigt.",
    )
    backend: Literal["ox", "caldav"] = described(
        "ox",
        "Where the meetings come from: ox (the OX calendar API, Chronos) or caldav.",
        "Woher die Termine kommen: ox (die Kalender-Schnittstelle der OX App Suite, Chronos) "
        "oder caldav.",
    )
    api_url: SafeUrl | None = described(
        None,
        "OX App Suite API base URL, e.g. https://webmail.example.org/appsuite/api.",
        "Basis-URL der OX-App-Suite-Schnittstelle, z. B. https://webmail.example.org/appsuite/api.",
    )
    caldav_url: SafeUrl | None = described(
        None,
        "URL of the user's CalDAV calendar collection; {user} is replaced by the user's "
        "e-mail address.",
        "URL der CalDAV-Kalendersammlung; {user} wird durch die E-Mail-Adresse ersetzt.",
    )
    caldav_auth: Literal["bearer", "app_password"] = described(
        "bearer",
        "How CalDAV signs in: bearer (the token) or app_password (an application password "
        "the user enters once; kept in the keyring).",
        "Wie CalDAV sich anmeldet: bearer (das Token) oder app_password (ein "
        "Anwendungspasswort, das die Person einmal eingibt; im Schlüsselbund verwahrt).",
    )
    lookahead_hours: int = described(
        24, "How far ahead to look for the next meeting (hours).",
        "Wie weit im Voraus nach dem nächsten Termin gesucht wird (Stunden).", ge=1, le=24 * 14,
    )

    @model_validator(mode="after")
    def _backend_named(self) -> CalendarIntegration:
        if self.enabled and self.backend == "ox" and not self.api_url:
            raise ValueError("backend = ox needs api_url")
        if self.enabled and self.backend == "caldav" and not self.caldav_url:
            raise ValueError("backend = caldav needs caldav_url")
        return self


class ChatIntegration(IntegrationBase):
    """Chat mentions and unread rooms: the Matrix homeserver (Synapse)."""

    service: Identifier = described(
        "chat", "Id of the chat tile.", "Kennung der Chat-Kachel."
    )
    homeserver_url: SafeUrl | None = described(
        None,
        "The Matrix homeserver's client API base URL, e.g. https://matrix.example.org.",
        "Basis-URL der Client-Schnittstelle des Matrix-Servers, z. B. "
        "https://matrix.example.org.",
    )
    login: Literal["sso", "jwt"] = described(
        "sso",
        "How the launcher gets its Matrix token: sso (the homeserver's single sign-on in "
        "the system browser, silent with the identity provider's session) or jwt (the "
        "homeserver's JWT login with the launcher's token, no browser; needs Synapse's "
        "jwt_config).",
        "Wie der Arbeitsplatz sein Matrix-Token erhält: sso (Einmalanmeldung des "
        "Matrix-Servers im Browser, ohne Rückfrage dank der Sitzung beim "
        "Identitätsanbieter) oder jwt (JWT-Anmeldung des Matrix-Servers mit dem Token des "
        "Arbeitsplatzes, ohne Browser; braucht jwt_config in Synapse).",
    )
    sso_idp: str = described(
        "",
        "The homeserver's identity provider id (Synapse's oidc_providers idp_id, e.g. "
        "oidc-keycloak); empty: the homeserver's default.",
        "Kennung des Identitätsanbieters beim Matrix-Server (idp_id in Synapses "
        "oidc_providers, z. B. oidc-keycloak); leer: die Voreinstellung des Servers.",
        max_length=200, pattern=r"^[A-Za-z0-9._~-]*$",
    )
    long_poll: bool = described(
        True,
        "Keep one long-polling /sync open where the connection profile allows a held "
        "connection, so new messages show at once.",
        "Eine lang wartende /sync-Anfrage offen halten, wo das Verbindungsprofil das "
        "erlaubt, damit neue Nachrichten sofort erscheinen.",
    )

    @model_validator(mode="after")
    def _homeserver_named(self) -> ChatIntegration:
        if self.enabled and not self.homeserver_url:
            raise ValueError("chat needs homeserver_url")
        return self


class FilesIntegration(IntegrationBase):
    """File notifications and recent documents: Nextcloud."""

    service: Identifier = described(
        "files", "Id of the files tile.", "Kennung der Dateien-Kachel."
    )
    base_url: SafeUrl | None = described(
        None,
        "Nextcloud's base URL, e.g. https://files.example.org (the OCS API and WebDAV are "
        "below it).",
        "Basis-URL von Nextcloud, z. B. https://files.example.org (die OCS-Schnittstelle "
        "und WebDAV liegen darunter).",
    )
    notifications: bool = described(
        True,
        "Read Nextcloud's notifications (badge and desktop notifications).",
        "Die Benachrichtigungen von Nextcloud lesen (Plakette und Desktop-Hinweise).",
    )
    recent_documents: bool = described(
        True,
        "List the ten files the user changed last (\"Zuletzt bearbeitet\").",
        "Die zehn zuletzt geänderten Dateien auflisten (\"Zuletzt bearbeitet\").",
    )
    open_url: str = described(
        "{base}/index.php/f/{fileid}",
        "How a recent document opens in the web office: a URL template with {base} "
        "(base_url), {fileid} and {path}.",
        "Wie ein zuletzt bearbeitetes Dokument im Web-Office geöffnet wird: eine "
        "URL-Vorlage mit {base} (base_url), {fileid} und {path}.",
        max_length=2000, pattern=r"^(\{base\}|https://)",
    )

    @model_validator(mode="after")
    def _base_named(self) -> FilesIntegration:
        if self.enabled and not self.base_url:
            raise ValueError("files needs base_url")
        return self


class PortalIntegration(IntegrationBase):
    """Announcements of the Nubus portal's notifications API."""

    service: Identifier = described(
        "portal", "Id of the portal tile.", "Kennung der Portal-Kachel."
    )
    api_url: SafeUrl | None = described(
        None,
        "The notifications API's base URL, e.g. https://portal.example.org/univention/"
        "portal/notifications-api (v1/notifications/ is below it).",
        "Basis-URL der Benachrichtigungs-Schnittstelle, z. B. https://portal.example.org/"
        "univention/portal/notifications-api (v1/notifications/ liegt darunter).",
    )
    event_stream: bool = described(
        True,
        "Keep the API's event stream open where the connection profile allows a held "
        "connection, so an announcement shows at once.",
        "Den Ereignisstrom der Schnittstelle offen halten, wo das Verbindungsprofil das "
        "erlaubt, damit eine Ankündigung sofort erscheint.",
    )

    @model_validator(mode="after")
    def _api_named(self) -> PortalIntegration:
        if self.enabled and not self.api_url:
            raise ValueError("portal needs api_url")
        return self


class Integrations(IntegrationsMethods, Strict):
    """What is waiting for the user, from the services' own APIs (one sign-in)."""

    mail: MailIntegration = described(
        MailIntegration, "Unread mail on the mail tile.",
        "Ungelesene E-Mails auf der E-Mail-Kachel.",
    )
    calendar: CalendarIntegration = described(
        CalendarIntegration, "The next meeting.", "Der nächste Termin."
    )
    chat: ChatIntegration = described(
        ChatIntegration, "Unread chat rooms and mentions.",
        "Ungelesene Chaträume und Erwähnungen.",
    )
    files: FilesIntegration = described(
        FilesIntegration, "File notifications and recent documents.",
        "Benachrichtigungen und zuletzt bearbeitete Dokumente der Dateiablage.",
    )
    portal: PortalIntegration = described(
        PortalIntegration, "The portal's announcements.", "Ankündigungen des Portals."
    )
    meeting_titles: bool = described(
        True,
        "Meeting reminders name the meeting (from the user's own calendar). Off: they say "
        "\"Meeting\" and the time only, for places where a notification may appear over a "
        "shared screen. Mail notifications never show a subject or sender.",
        "Terminerinnerungen nennen den Titel des Termins (aus dem eigenen Kalender). Aus: nur "
        "„Termin“ und die Uhrzeit, für Orte, an denen eine Benachrichtigung über einem "
        "geteilten Bildschirm erscheinen kann. E-Mail-Benachrichtigungen zeigen nie Betreff "
        "oder Absender.",
    )
    previews: bool = described(
        False,
        "Desktop notifications of file notifications and portal announcements show their "
        "titles. Off (the default): only how many are new, because a notification may "
        "appear over a shared screen. Chat and mail notifications never show content.",
        "Desktop-Benachrichtigungen zu Dateibenachrichtigungen und Portal-Ankündigungen "
        "zeigen deren Titel. Aus (Standard): nur, wie viele neu sind, weil eine "
        "Benachrichtigung über einem geteilten Bildschirm erscheinen kann. Chat- und "
        "E-Mail-Benachrichtigungen zeigen nie Inhalte.",
    )


Language = Literal["system", "de", "en"]
Theme = Literal["system", "light", "dark"]
LowBandwidth = Literal["auto", "on", "off"]
ProxyMode = Literal["system", "pac", "manual", "none"]


class Preferences(Strict):
    """What a user may change. IT can preset any of these and lock them."""

    version: int = described(
        1, "Format version of the preferences file.", "Formatversion der Einstellungsdatei."
    )
    language: Language = described(
        "system",
        "Language of the window: system, de or en.",
        "Sprache des Fensters: system, de oder en.",
    )
    theme: Theme = described(
        "system", "Colour scheme: system, light or dark.", "Farbschema: system, light oder dark."
    )
    high_contrast: bool = described(False, "High-contrast colours.", "Farben mit hohem Kontrast.")
    favourites: list[Identifier] = described(
        list, "Ids of the pinned services.", "Kennungen der angehefteten Dienste."
    )
    close_to_tray: bool = described(
        True,
        "Closing the window keeps the launcher in the tray.",
        "Schließen des Fensters lässt den Arbeitsplatz im Infobereich weiterlaufen.",
    )
    start_at_login: bool = described(
        False, "Start the launcher at login.", "Den Arbeitsplatz bei der Anmeldung starten."
    )
    notifications: bool = described(
        True, "Notify on status changes.", "Bei Statusänderungen benachrichtigen."
    )
    notifications_metered: bool = described(
        False,
        "Also notify on status changes while on a metered (mobile) link.",
        "Auch bei getakteten (mobilen) Verbindungen bei Statusänderungen benachrichtigen.",
    )
    low_bandwidth: LowBandwidth = described(
        "auto",
        "Low-bandwidth mode: auto (on while the link is metered), on or off. It stretches "
        "background refreshes, probes health URLs only, skips icon downloads and opens "
        "services with their low-bandwidth URL where one is set.",
        "Sparmodus für langsame Verbindungen: auto (an, solange die Verbindung getaktet ist), "
        "on oder off. Er streckt Aktualisierungen im Hintergrund, prüft nur Status-URLs, lädt "
        "keine Symbole und öffnet Dienste mit ihrer Spar-URL, wo eine gesetzt ist.",
    )
    status_minutes_office: int = described(
        5,
        "Minutes between service status rounds in the office.",
        "Minuten zwischen zwei Statusprüfungen im Büro.",
        ge=1,
        le=24 * 60,
    )
    status_minutes_home: int = described(
        10,
        "Minutes between service status rounds at home (with or without VPN).",
        "Minuten zwischen zwei Statusprüfungen im Homeoffice (mit oder ohne VPN).",
        ge=1,
        le=24 * 60,
    )
    status_minutes_mobile: int = described(
        30,
        "Minutes between service status rounds on a metered (mobile) link.",
        "Minuten zwischen zwei Statusprüfungen bei getakteter (mobiler) Verbindung.",
        ge=1,
        le=24 * 60,
    )
    proxy_mode: ProxyMode = described(
        "system",
        "Proxy: system (the proxy environment variables if set, else the system's settings: "
        "GNOME or KDE on Linux, the OS settings on Windows and macOS), pac (a proxy "
        "auto-config file), manual, or none (always direct).",
        "Proxy: system (die Proxy-Umgebungsvariablen, falls gesetzt, sonst die Einstellungen "
        "des Systems: GNOME oder KDE unter Linux, die des Betriebssystems unter Windows und "
        "macOS), pac (eine Proxy-Autokonfigurationsdatei), manual (manuell) oder none "
        "(immer direkt).",
    )
    proxy_pac_url: ProbeUrl = described(
        "",
        "URL of the proxy auto-config (PAC) file, for proxy_mode pac.",
        "URL der Proxy-Autokonfigurationsdatei (PAC), für proxy_mode pac.",
    )
    proxy_http: ProxyUrl = described(
        "",
        "Proxy for http URLs, e.g. http://proxy.example.org:3128 (proxy_mode manual).",
        "Proxy für http-URLs, z. B. http://proxy.example.org:3128 (proxy_mode manual).",
    )
    proxy_https: ProxyUrl = described(
        "",
        "Proxy for https URLs (proxy_mode manual); empty uses proxy_http.",
        "Proxy für https-URLs (proxy_mode manual); leer nutzt proxy_http.",
    )
    meeting_reminder_minutes: int = described(
        5,
        "Minutes before a meeting that the reminder comes (0: no reminder).",
        "Minuten vor einem Termin, zu denen die Erinnerung kommt (0: keine Erinnerung).",
        ge=0,
        le=24 * 60,
    )
    mail_notifications: bool = described(
        True,
        "A desktop notification when new mail arrives (the number only, never a subject or "
        "sender).",
        "Eine Benachrichtigung, wenn neue E-Mails eintreffen (nur die Anzahl, nie Betreff "
        "oder Absender).",
    )
    do_not_disturb: bool = described(
        False,
        "Do not disturb: no desktop notifications about mail and meetings; what comes "
        "meanwhile is told in one summary afterwards.",
        "Nicht stören: keine Benachrichtigungen zu E-Mails und Terminen; was in der Zeit "
        "eintrifft, kommt danach in einer Zusammenfassung.",
    )
    quiet_hours_start: ClockTime = described(
        "",
        "Start of the daily quiet hours (HH:MM, local time), e.g. 18:00; empty: none. "
        "During them, do not disturb is on.",
        "Beginn der täglichen Ruhezeit (HH:MM, Ortszeit), z. B. 18:00; leer: keine. "
        "Während der Ruhezeit ist „Nicht stören“ an.",
    )
    quiet_hours_end: ClockTime = described(
        "",
        "End of the daily quiet hours (HH:MM, local time), e.g. 07:30; may be the next "
        "morning.",
        "Ende der täglichen Ruhezeit (HH:MM, Ortszeit), z. B. 07:30; darf am nächsten "
        "Morgen liegen.",
    )
    proxy_exclusions: list[NonEmpty] = described(
        lambda: ["localhost", "127.0.0.0/8", "::1"],
        "Hosts reached without the manual proxy: a name (also matches its subdomains), "
        ".domain, *.domain, an IP address or network (10.0.0.0/8), host:port, <local> "
        "(names without a dot) or * (everything).",
        "Hosts, die ohne den manuellen Proxy erreicht werden: ein Name (gilt auch für "
        "Subdomains), .domain, *.domain, eine IP-Adresse oder ein Netz (10.0.0.0/8), "
        "host:port, <local> (Namen ohne Punkt) oder * (alles).",
    )
    mail_links: bool = described(
        False,
        "Open e-mail links (mailto:) with the launcher: it becomes this user's default for "
        "them (Linux: xdg-mime; on Windows and macOS the user or IT picks the default).",
        "E-Mail-Links (mailto:) mit dem Arbeitsplatz öffnen: er wird für diese Person das "
        "Standardprogramm dafür (Linux: xdg-mime; unter Windows und macOS wählt die Person "
        "oder die IT das Standardprogramm).",
    )


PREFERENCE_KEYS: tuple[str, ...] = tuple(k for k in Preferences.model_fields if k != "version")


class Policy(Strict):
    locked: list[str] = described(
        list,
        "Preference keys the user cannot change.",
        "Einstellungen, die Nutzende nicht ändern können.",
    )
    reason: LocalizedText = described(
        LocalizedText,
        "Why settings are locked, shown next to them.",
        "Warum Einstellungen gesperrt sind; wird daneben angezeigt.",
    )

    @field_validator("locked")
    @classmethod
    def _known_keys(cls, value: list[str]) -> list[str]:
        unknown = [k for k in value if k not in PREFERENCE_KEYS]
        if unknown:
            raise ValueError(
                f"unknown preference(s) {', '.join(unknown)}; "
                f"lockable are: {', '.join(PREFERENCE_KEYS)}"
            )
        return value


class Tenant(Strict):
    """Everything an IT configuration file may contain."""

    organisation: Organisation = described(
        Organisation, "Name, logo and helpdesk.", "Name, Logo und Service-Desk."
    )
    identity_provider: IdentityProvider = described(
        IdentityProvider,
        "The OpenID Connect provider used for sign-in.",
        "Der OpenID-Connect-Anbieter für die Anmeldung.",
    )
    categories: list[Category] = described(
        list, "Categories in display order.", "Kategorien in Anzeigereihenfolge."
    )
    services: list[Service] = described(
        list, "The services shown as tiles.", "Die als Kacheln angezeigten Dienste."
    )
    native_apps: dict[Identifier, NativeApp] = described(
        dict,
        "Native applications, local IT configuration only.",
        "Native Anwendungen, nur in der lokalen IT-Konfiguration.",
    )
    preferences: dict[str, Any] = described(
        dict,
        "Preset values for user preferences.",
        "Voreinstellungen für Nutzereinstellungen.",
    )
    policy: Policy = described(Policy, "Locked preferences.", "Gesperrte Einstellungen.")
    catalog: RemoteCatalogSettings = described(
        RemoteCatalogSettings,
        "The central catalog: a remote manifest or an openDesk/Univention portal.",
        "Der zentrale Katalog: ein entferntes Manifest oder ein openDesk-/Univention-Portal.",
    )
    network: NetworkSettings = described(
        NetworkSettings,
        "Connection profile detection, service status probes and extra trusted CAs.",
        "Erkennung des Verbindungsprofils, Statusprüfungen der Dienste und zusätzliche CAs.",
    )
    links: LinkSettings = described(
        LinkSettings,
        "Where e-mail, chat, meeting and phone links open.",
        "Wo E-Mail-, Chat-, Besprechungs- und Telefon-Links geöffnet werden.",
    )
    integrations: Integrations = described(
        Integrations,
        "Unread mail, the next meeting, chat, file notifications, recent documents and "
        "portal announcements, from the services' own APIs with the sign-in's token.",
        "Ungelesene E-Mails, der nächste Termin, Chat, Benachrichtigungen der Dateiablage, "
        "zuletzt bearbeitete Dokumente und Ankündigungen des Portals, aus den "
        "Schnittstellen der Dienste mit dem Token der Anmeldung.",
    )

    # Preset preferences are validated key by key against Preferences by the loader
    # (workplace.config.validate), which can name the file and line of each one. Duplicate
    # ids and undeclared categories are checked there too, at the path of the duplicate.


def _schema_generator() -> type:
    from pydantic.json_schema import GenerateJsonSchema

    class WithFactoryDefaults(GenerateJsonSchema):
        """Also spells out defaults made by a factory (lists, nested sections), which
        pydantic leaves out, so IT's editors show every field's default."""

        def default_schema(self, schema: Any) -> Any:
            factory = schema.get("default_factory")
            if factory is not None and not schema.get("default_factory_takes_data"):
                schema = {k: v for k, v in schema.items() if k != "default_factory"}
                schema["default"] = factory()
            return super().default_schema(schema)

    return WithFactoryDefaults


def tenant_json_schema() -> dict[str, Any]:
    """The JSON Schema of an IT configuration file, with preset preferences spelled out."""
    generator = _schema_generator()
    schema = Tenant.model_json_schema(schema_generator=generator)
    prefs = Preferences.model_json_schema(schema_generator=generator)
    props = {k: v for k, v in prefs["properties"].items() if k != "version"}
    preset = schema["properties"]["preferences"]
    preset.pop("additionalProperties", None)
    preset["properties"] = props
    preset["additionalProperties"] = False
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Arbeitsplatz IT configuration"
    return schema
