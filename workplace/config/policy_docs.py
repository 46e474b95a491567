# SPDX-License-Identifier: EUPL-1.2
"""Generates IT's policy reference, the ADMX/ADML templates and the MSI policy fragment.

All of them come from :func:`workplace.config.platform_policy.policy_settings`, which
is derived from the schema, so they cannot drift apart. Run after a schema change:

    python -m workplace.config.policy_docs --write    # regenerate the committed files
    python -m workplace.config.policy_docs --check    # exit 1 if any is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from workplace import __version__
from workplace.config.platform_policy import (
    MACOS_DOMAIN,
    NOT_A_POLICY,
    RECOMMENDED,
    REGISTRY_KEY,
    PolicySetting,
    policy_settings,
)

ROOT = Path(__file__).resolve().parent.parent.parent
ADMX_NAMESPACE = "Arbeitsplatz.Policies.Workplace"
PD_NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
ADMX_NAME = "Arbeitsplatz"
SUPPORTED = "SUPPORTED_WORKPLACE_0_1"
LANGUAGES = {"en-US": "en", "de-DE": "de"}

SECTION_NAMES: Mapping[str, tuple[str, str]] = {
    "organisation": ("Organisation", "Organisation"),
    "identity_provider": ("Identity provider (sign-in)", "Identitätsanbieter (Anmeldung)"),
    "catalog": ("Central catalog", "Zentraler Katalog"),
    "network": ("Network (office, home, on the move)", "Netzwerk (Büro, Homeoffice, mobil)"),
    "links": (
        "Links (e-mail, chat, meetings, phone)", "Links (E-Mail, Chat, Besprechungen, Telefon)"
    ),
    "integrations": ("What is waiting (mail, meetings, chat, files, portal)",
                     "Was wartet (E-Mail, Termine, Chat, Dateien, Portal)"),
    "policy": ("Locked settings", "Gesperrte Einstellungen"),
    "preferences": ("Preferences (locked)", "Einstellungen (gesperrt)"),
}
"""Category names per top-level section; a new section falls back to its key."""

TEXT: Mapping[str, tuple[str, str]] = {
    "root": ("Arbeitsplatz", "Arbeitsplatz"),
    "recommended": (
        "Arbeitsplatz – preset preferences (users can change them)",
        "Arbeitsplatz – voreingestellte Einstellungen (änderbar)",
    ),
    "supported": ("Arbeitsplatz 0.1 or later", "Arbeitsplatz 0.1 oder neuer"),
    "description": (
        "Settings of the Arbeitsplatz launcher",
        "Einstellungen des Startprogramms Arbeitsplatz",
    ),
    "mandatory_note": (
        "Set as a policy, this value overrides the organisation file; a preference is "
        "also locked, and the user sees it read-only.",
        "Als Richtlinie gesetzt, überschreibt dieser Wert die Organisationsdatei; eine "
        "Einstellung wird außerdem gesperrt und ist für Nutzende nur lesbar.",
    ),
    "recommended_note": (
        "Preset only: the user can change this preference.",
        "Nur Voreinstellung: Nutzende können diese Einstellung ändern.",
    ),
    "list_label": ("Entries (one per line):", "Einträge (einer pro Zeile):"),
    "map_label": ("Name and value:", "Name und Wert:"),
    "value_label": ("Value:", "Wert:"),
    "enabled_means": (
        "Enabled sets it on, Disabled sets it off.",
        "Aktiviert schaltet es ein, Deaktiviert schaltet es aus.",
    ),
}


def _t(key: str, lang: str) -> str:
    en, de = TEXT[key]
    return de if lang == "de" else en


def _section(setting: PolicySetting, lang: str) -> str:
    en, de = SECTION_NAMES.get(setting.path[0], (setting.path[0], setting.path[0]))
    return de if lang == "de" else en


def _category_id(section: str) -> str:
    return "Cat_" + "".join(w.capitalize() for w in section.split("_"))


def _describe(setting: PolicySetting, lang: str) -> str:
    return setting.description_de if lang == "de" else setting.description_en


def _default_text(setting: PolicySetting) -> str:
    value = setting.default
    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --------------------------------------------------------------------------- ADMX / ADML


def _policy_xml(
    setting: PolicySetting, name: str, key: str, category: str, lines: list[str]
) -> None:
    attrs = (
        f'name="{name}" class="Both" displayName="$(string.{name})" '
        f'explainText="$(string.{name}_Explain)" key="{escape(key)}"'
    )
    if setting.kind == "boolean":
        lines.append(f'    <policy {attrs} valueName="{setting.name}">')
    else:
        lines.append(f'    <policy {attrs} presentation="$(presentation.{name})">')
    lines.append(f'      <parentCategory ref="{category}" />')
    lines.append(f'      <supportedOn ref="{SUPPORTED}" />')
    if setting.kind == "boolean":
        lines.append('      <enabledValue><decimal value="1" /></enabledValue>')
        lines.append('      <disabledValue><decimal value="0" /></disabledValue>')
        lines.append("    </policy>")
        return
    lines.append("      <elements>")
    element_id = setting.name
    if setting.kind == "text":
        lines.append(
            f'        <text id="{element_id}" valueName="{setting.name}" maxLength="2048" '
            'required="true" />'
        )
    elif setting.kind == "decimal":
        lines.append(
            f'        <decimal id="{element_id}" valueName="{setting.name}" minValue="0" '
            'maxValue="2147483647" required="true" />'
        )
    elif setting.kind == "enum":
        lines.append(f'        <enum id="{element_id}" valueName="{setting.name}" required="true">')
        for choice in setting.choices:
            lines.append(
                f'          <item displayName="$(string.{setting.name}_{choice})">'
                f"<value><string>{escape(choice)}</string></value></item>"
            )
        lines.append("        </enum>")
    elif setting.kind == "list":
        lines.append(
            f'        <list id="{element_id}" key="{escape(key)}\\{setting.name}" valuePrefix="" />'
        )
    else:  # map
        lines.append(
            f'        <list id="{element_id}" key="{escape(key)}\\{setting.name}" '
            'explicitValue="true" />'
        )
    lines.append("      </elements>")
    lines.append("    </policy>")


def _admx_policies(settings: Iterable[PolicySetting]) -> list[tuple[PolicySetting, str, str, str]]:
    """(setting, policy name, registry key, category) for every ADMX policy."""
    result = []
    for setting in settings:
        result.append((setting, setting.name, REGISTRY_KEY, _category_id(setting.path[0])))
    for setting in settings:
        if setting.preference:
            result.append(
                (
                    setting,
                    f"{setting.name}_Recommended",
                    f"{REGISTRY_KEY}\\{RECOMMENDED}",
                    "Cat_Recommended",
                )
            )
    return result


def admx(settings: tuple[PolicySetting, ...]) -> str:
    sections = list(dict.fromkeys(s.path[0] for s in settings))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Generated by python -m workplace.config.policy_docs from the schema; "
        "do not edit. -->",
        f'<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" '
        f'schemaVersion="1.0" xmlns="{PD_NS}">',
        "  <policyNamespaces>",
        f'    <target prefix="arbeitsplatz" namespace="{ADMX_NAMESPACE}" />',
        '    <using prefix="windows" namespace="Microsoft.Policies.Windows" />',
        "  </policyNamespaces>",
        '  <resources minRequiredRevision="1.0" />',
        "  <supportedOn>",
        "    <definitions>",
        f'      <definition name="{SUPPORTED}" displayName="$(string.{SUPPORTED})" />',
        "    </definitions>",
        "  </supportedOn>",
        "  <categories>",
        '    <category name="Cat_Arbeitsplatz" displayName="$(string.Cat_Arbeitsplatz)" />',
    ]
    for section in sections:
        cat = _category_id(section)
        lines.append(f'    <category name="{cat}" displayName="$(string.{cat})">')
        lines.append('      <parentCategory ref="Cat_Arbeitsplatz" />')
        lines.append("    </category>")
    lines.append('    <category name="Cat_Recommended" displayName="$(string.Cat_Recommended)" />')
    lines.append("  </categories>")
    lines.append("  <policies>")
    for setting, name, key, category in _admx_policies(settings):
        _policy_xml(setting, name, key, category, lines)
    lines.append("  </policies>")
    lines.append("</policyDefinitions>")
    return "\n".join(lines) + "\n"


def _presentation(setting: PolicySetting, name: str, lang: str) -> str:
    label = escape(setting.dotted)
    if setting.kind == "text":
        return (
            f'      <presentation id="{name}"><textBox refId="{setting.name}">'
            f"<label>{label}</label></textBox></presentation>"
        )
    if setting.kind == "decimal":
        return (
            f'      <presentation id="{name}"><decimalTextBox refId="{setting.name}">'
            f"{label}</decimalTextBox></presentation>"
        )
    if setting.kind == "enum":
        choices = setting.choices
        default = choices.index(setting.default) if setting.default in choices else 0
        return (
            f'      <presentation id="{name}"><dropdownList refId="{setting.name}" '
            f'noSort="true" defaultItem="{default}">{label}</dropdownList></presentation>'
        )
    text = _t("list_label" if setting.kind == "list" else "map_label", lang)
    return (
        f'      <presentation id="{name}"><listBox refId="{setting.name}">'
        f"{escape(text)}</listBox></presentation>"
    )


def adml(settings: tuple[PolicySetting, ...], culture: str) -> str:
    lang = LANGUAGES[culture]
    strings: list[tuple[str, str]] = [
        (SUPPORTED, _t("supported", lang)),
        ("Cat_Arbeitsplatz", _t("root", lang)),
        ("Cat_Recommended", _t("recommended", lang)),
    ]
    for section in dict.fromkeys(s.path[0] for s in settings):
        first = next(s for s in settings if s.path[0] == section)
        strings.append((_category_id(section), _section(first, lang)))
    presentations: list[str] = []
    for setting, name, _key, category in _admx_policies(settings):
        recommended = category == "Cat_Recommended"
        strings.append((name, f"{setting.dotted}: {_describe(setting, lang)}"[:255]))
        explain = [_describe(setting, lang), ""]
        explain.append(_t("recommended_note" if recommended else "mandatory_note", lang))
        if setting.kind == "boolean":
            explain.append(_t("enabled_means", lang))
        explain.append("")
        explain.append(f"{setting.dotted} = {_default_text(setting)}  (default / Standard)")
        strings.append((f"{name}_Explain", "\n".join(explain)))
        if not recommended:
            for choice in setting.choices:
                strings.append((f"{setting.name}_{choice}", choice))
        if setting.kind != "boolean":
            presentations.append(_presentation(setting, name, lang))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Generated by python -m workplace.config.policy_docs from the schema; "
        "do not edit. -->",
        f'<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" '
        f'schemaVersion="1.0" xmlns="{PD_NS}">',
        f"  <displayName>{escape(_t('root', lang))}</displayName>",
        f"  <description>{escape(_t('description', lang))}</description>",
        "  <resources>",
        "    <stringTable>",
    ]
    lines.extend(f'      <string id="{sid}">{escape(text)}</string>' for sid, text in strings)
    lines.append("    </stringTable>")
    lines.append("    <presentationTable>")
    lines.extend(presentations)
    lines.append("    </presentationTable>")
    lines.append("  </resources>")
    lines.append("</policyDefinitionResources>")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- MSI fragment


def msi_property(setting: PolicySetting, recommended: bool = False) -> str:
    """The public MSI property that writes this policy, e.g. ``POLICY_IDENTITY_PROVIDER_ISSUER``."""
    prefix = "PRESET_" if recommended else "POLICY_"
    parts = setting.path[1:] if setting.preference else setting.path
    return prefix + "_".join(parts).upper()


def msi_settings(settings: Iterable[PolicySetting]) -> list[tuple[PolicySetting, bool]]:
    """Policies an MSI property can set: single values (lists and maps need Group Policy)."""
    single = [s for s in settings if s.kind not in ("list", "map")]
    return [(s, False) for s in single] + [(s, True) for s in single if s.preference]


def wix_fragment(settings: tuple[PolicySetting, ...]) -> str:
    """WiX v3 (what wixl builds): one conditional registry component per MSI property."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Generated by python -m workplace.config.policy_docs from the schema; "
        "do not edit. -->",
        "<!-- One public property per single-valued policy: msiexec ... "
        "POLICY_LANGUAGE=de writes HKLM\\" + REGISTRY_KEY + "\\Language (locked);",
        "     PRESET_LANGUAGE=de writes it under \\Recommended (changeable). -->",
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        "  <Fragment>",
    ]
    for setting, recommended in msi_settings(settings):
        lines.append(f'    <Property Id="{msi_property(setting, recommended)}" Secure="yes" />')
    lines.append('    <ComponentGroup Id="PolicyRegistry" Directory="INSTALLDIR">')
    for setting, recommended in msi_settings(settings):
        prop = msi_property(setting, recommended)
        key = f"{REGISTRY_KEY}\\{RECOMMENDED}" if recommended else REGISTRY_KEY
        kind = "integer" if setting.kind in ("boolean", "decimal") else "string"
        lines.append(f'      <Component Id="Policy_{prop}" Guid="*" Win64="yes">')
        # Also true on removal: a component whose condition is false then is left behind
        # (Wine's msiexec does so), and a stale locked value would outlive the package.
        lines.append(f'        <Condition>{prop} OR REMOVE="ALL"</Condition>')
        lines.append(
            f'        <RegistryValue Root="HKLM" Key="{escape(key)}" Name="{setting.name}" '
            f'Type="{kind}" Value="[{prop}]" KeyPath="yes" />'
        )
        lines.append("      </Component>")
    lines.append("    </ComponentGroup>")
    lines.append("  </Fragment>")
    lines.append("</Wix>")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _registry_type(setting: PolicySetting) -> str:
    return {
        "text": "REG_SZ",
        "enum": "REG_SZ",
        "boolean": "REG_DWORD 0/1",
        "decimal": "REG_DWORD",
        "list": f"subkey `{setting.name}`, REG_SZ `1`, `2`, …",
        "map": f"subkey `{setting.name}`, REG_SZ name = value",
    }[setting.kind]


def _plist_type(setting: PolicySetting) -> str:
    return {
        "text": "string",
        "enum": "string",
        "boolean": "bool",
        "decimal": "integer",
        "list": "array of string",
        "map": "dict of string",
    }[setting.kind]


def markdown(settings: tuple[PolicySetting, ...]) -> str:
    out = [
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Generated by `python -m workplace.config.policy_docs --write` from the schema;"
        " do not edit. -->",
        "# Policy reference / Richtlinienreferenz",
        "",
        f"Arbeitsplatz {__version__}. Every setting below can be set in three equivalent ways;"
        " the name in the first column is the key in the organisation file.",
        "",
        "Jede Einstellung unten lässt sich auf drei gleichwertige Arten setzen; die erste"
        " Spalte ist der Schlüssel in der Organisationsdatei.",
        "",
        "| Where / Wo | How / Wie |",
        "|---|---|",
        "| Linux, every platform | `/etc/xdg/workplace/workplace.toml` (`%ProgramData%\\workplace`"
        " on Windows, `/Library/Application Support/workplace` on macOS): the TOML key;"
        " preferences under `[preferences]`, locked with `[policy] locked = [...]` |",
        f"| Windows | `HKLM` or `HKCU` `\\{REGISTRY_KEY}`: the registry value name (ADMX:"
        f" `packaging/windows/admx/`). Preferences set here are locked; under"
        f" `\\{RECOMMENDED}` they are only preset. `HKLM` wins over `HKCU`. |",
        f"| macOS | configuration profile for the domain `{MACOS_DOMAIN}`"
        " (`packaging/macos/`): the same key name as in the registry. Preferences are locked;"
        f" inside a `{RECOMMENDED}` dictionary they are only preset. |",
        "",
        "Precedence, lowest first / Rangfolge, niedrigste zuerst: built-in defaults →"
        " IT files → recommended policy → user preferences → mandatory policy."
        " `workplace config show --origin` prints the source of every value,"
        " e.g. `policy: HKLM\\Software\\Policies\\…`.",
        "",
        "MSI: single-valued policies can also be written at install time with"
        " `POLICY_<NAME>=value` (locked) or `PRESET_<NAME>=value` (preset), see"
        " [deployment.md](deployment.md).",
        "",
    ]
    for section in dict.fromkeys(s.path[0] for s in settings):
        members = [s for s in settings if s.path[0] == section]
        en, de = SECTION_NAMES.get(section, (section, section))
        out.append(f"## {en} / {de}")
        out.append("")
        out.append("| File key | Registry / plist | Type | Default | Description | Beschreibung |")
        out.append("|---|---|---|---|---|---|")
        for s in members:
            choices = f" ({', '.join(s.choices)})" if s.choices else ""
            out.append(
                f"| `{s.dotted}` | `{s.name}` | {_registry_type(s)};"
                f" plist {_plist_type(s)}{choices} | `{_md(_default_text(s))}` |"
                f" {_md(s.description_en)} | {_md(s.description_de)} |"
            )
        out.append("")
    out.append("## Not available as a policy / Nicht als Richtlinie verfügbar")
    out.append("")
    out.append("| File key | Why |")
    out.append("|---|---|")
    for key, reason in NOT_A_POLICY.items():
        out.append(f"| `{key}` | {_md(reason)} |")
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- files


def generated_files() -> dict[str, str]:
    """Repository-relative path -> expected content of every generated file."""
    settings = policy_settings()
    files = {
        "docs/policies.md": markdown(settings),
        f"packaging/windows/admx/{ADMX_NAME}.admx": admx(settings),
        "packaging/windows/Policies.wxs": wix_fragment(settings),
    }
    for culture in LANGUAGES:
        files[f"packaging/windows/admx/{culture}/{ADMX_NAME}.adml"] = adml(settings, culture)
    return files


def stale_files(root: Path = ROOT) -> list[str]:
    """Generated files whose committed content differs from what the schema gives."""
    stale = []
    for rel, text in generated_files().items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workplace.config.policy_docs")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate the files")
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for rel in stale:
            print(f"{rel}: out of date; run python -m workplace.config.policy_docs --write")
        return 1 if stale else 0
    for rel, text in generated_files().items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
