# SPDX-License-Identifier: EUPL-1.2
"""The policy reference and the ADMX/ADML templates cover the schema and are valid."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from lxml import etree
from pydantic import BaseModel, create_model

from workplace.config import platform_policy
from workplace.config.platform_policy import NOT_A_POLICY, UnsupportedField, policy_settings
from workplace.config.policy_docs import generated_files, msi_property, msi_settings, stale_files
from workplace.config.schema import PREFERENCE_KEYS, Preferences, Tenant

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
XSD = WINDOWS / "schema" / "PolicyDefinitionFiles.xsd"
NS = {"pd": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def _schema_leaves(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every leaf path of the schema's single-valued sections (what IT could preset)."""
    leaves: set[str] = set()
    for key, info in model.model_fields.items():
        path = f"{prefix}{key}"
        annotation, _ = platform_policy._unwrap(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            leaves |= _schema_leaves(annotation, path + ".")
        else:
            leaves.add(path)
    return leaves


def test_generated_files_are_up_to_date() -> None:
    assert stale_files() == [], "run: python -m workplace.config.policy_docs --write"


def test_every_setting_is_a_policy_or_excluded_with_a_reason() -> None:
    covered = {s.dotted for s in policy_settings()}
    wanted = _schema_leaves(Tenant) - {"preferences"}
    wanted |= {f"preferences.{key}" for key in Preferences.model_fields}
    missing = {
        leaf
        for leaf in wanted - covered
        if not any(leaf == ex or leaf.startswith(ex + ".") for ex in NOT_A_POLICY)
    }
    assert missing == set()
    assert all(reason for reason in NOT_A_POLICY.values())


def test_every_lockable_preference_is_a_lockable_policy() -> None:
    lockable = {s.path[-1] for s in policy_settings() if s.preference}
    assert lockable == set(PREFERENCE_KEYS)


def test_every_policy_is_in_the_reference_and_both_adml(tmp_path: Path) -> None:
    files = generated_files()
    reference = files["docs/policies.md"]
    admx = etree.fromstring(files["packaging/windows/admx/Arbeitsplatz.admx"].encode())
    names = {p.get("name") for p in admx.iterfind(".//pd:policy", NS)}
    for setting in policy_settings():
        assert f"`{setting.dotted}`" in reference
        assert f"`{setting.name}`" in reference
        assert setting.name in names
        if setting.preference:
            assert f"{setting.name}_Recommended" in names
    for key in NOT_A_POLICY:
        assert f"`{key}`" in reference


def test_a_new_field_without_policy_support_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    class Unsupported(BaseModel):
        pass

    organisation = create_model(
        "Organisation",
        __base__=Tenant.model_fields["organisation"].annotation,
        new_field=(list[Unsupported], []),
    )
    tenant = create_model("Tenant", __base__=Tenant, organisation=(organisation, organisation()))
    monkeypatch.setattr(platform_policy, "Tenant", tenant)
    with pytest.raises(UnsupportedField, match=r"organisation\.new_field"):
        policy_settings()


def test_a_new_simple_preference_is_covered_automatically(monkeypatch: pytest.MonkeyPatch) -> None:
    prefs = create_model("Preferences", __base__=Preferences, compact_tiles=(bool, False))
    monkeypatch.setattr(platform_policy, "Preferences", prefs)
    found = {s.name: s for s in policy_settings()}
    assert found["CompactTiles"].kind == "boolean"
    assert found["CompactTiles"].preference


def _xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.mark.parametrize(
    "rel",
    [
        "packaging/windows/admx/Arbeitsplatz.admx",
        "packaging/windows/admx/en-US/Arbeitsplatz.adml",
        "packaging/windows/admx/de-DE/Arbeitsplatz.adml",
    ],
)
def test_templates_validate_against_the_admx_schema(rel: str) -> None:
    schema = _xsd()
    document = etree.parse(str(ROOT / rel))
    assert schema.validate(document), schema.error_log


def test_the_schema_rejects_a_broken_template() -> None:
    schema = _xsd()
    text = (WINDOWS / "admx" / "Arbeitsplatz.admx").read_text(encoding="utf-8")
    broken = re.sub(r'\s*<supportedOn ref="[^"]+" />', "", text, count=1)
    assert not schema.validate(etree.fromstring(broken.encode()))
    bad_class = text.replace('class="Both"', 'class="Everyone"', 1)
    assert not schema.validate(etree.fromstring(bad_class.encode()))


@pytest.mark.parametrize("culture", ["en-US", "de-DE"])
def test_every_reference_of_the_admx_resolves_in_the_adml(culture: str) -> None:
    admx = etree.parse(str(WINDOWS / "admx" / "Arbeitsplatz.admx"))
    adml = etree.parse(str(WINDOWS / "admx" / culture / "Arbeitsplatz.adml"))
    strings = {s.get("id") for s in adml.iterfind(".//pd:string", NS)}
    presentations = {p.get("id"): p for p in adml.iterfind(".//pd:presentation", NS)}
    text = etree.tostring(admx, encoding="unicode")
    for ref in re.findall(r"\$\(string\.(\w+)\)", text):
        assert ref in strings, ref
    for policy in admx.iterfind(".//pd:policy", NS):
        element_ids = {e.get("id") for e in policy.iterfind("pd:elements/*", NS)}
        ref = policy.get("presentation")
        if not element_ids:
            assert ref is None
            continue
        presentation = presentations[re.fullmatch(r"\$\(presentation\.(\w+)\)", ref).group(1)]
        assert {c.get("refId") for c in presentation} == element_ids


def test_msi_policy_properties_are_declared_and_written() -> None:
    fragment = (WINDOWS / "Policies.wxs").read_text(encoding="utf-8")
    root = etree.fromstring(fragment.encode())
    wix = {"w": "http://schemas.microsoft.com/wix/2006/wi"}  # WiX v3, what wixl builds
    declared = {p.get("Id") for p in root.iterfind(".//w:Property", wix)}
    conditions = {c.text for c in root.iterfind(".//w:Component/w:Condition", wix)}
    for setting, recommended in msi_settings(policy_settings()):
        prop = msi_property(setting, recommended)
        assert prop in declared
        # Written only when given; removed with the package (see Arbeitsplatz.wxs).
        assert f'{prop} OR REMOVE="ALL"' in conditions
    assert typing.get_args(platform_policy.Kind)  # the kinds exist
