"""The one catalog: the spec's ids, names, units and definitions, and the registry that
refuses anything else."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from fazhi.indicators import registry
from fazhi.indicators.catalog import ADDED, AREAS, CATALOG, SPEC, area_of
from fazhi.indicators.registry import Indicator, register, registered

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db

SPEC_FILE = settings.BASE_DIR.parent.parent / "shared" / "spec" / "indicators.md"
ROW = re.compile(r"^\|\s*([a-z_]+\.[a-z_]+)\s*\|(.*)\|\s*$")


def spec_rows() -> list[tuple[str, str, str, str]]:
    """(id, 中文, unit, definition) of every table row of indicators.md; a unit cell such
    as "% (resolved / mediated × 100)" holds the definition in its parentheses."""
    assert SPEC_FILE.is_file(), f"指标目录规范不存在：{SPEC_FILE}"
    rows = []
    for line in SPEC_FILE.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            cells = [cell.strip() for cell in match[2].split("|")]
            name, unit, definition = (cells + [""])[:3]
            if parts := re.fullmatch(r"(\S+) \((.+)\)", unit):
                unit, definition = parts[1], parts[2]
            rows.append((match[1], name, unit, definition))
    return rows


def test_the_catalog_is_the_spec():
    rows = spec_rows()
    assert len(rows) == 74
    assert [(e.id, e.name, e.unit) for e in SPEC] == [row[:3] for row in rows]
    for entry, (_, _, _, definition) in zip(SPEC, rows, strict=True):
        assert entry.definition, entry.id
        if definition:
            assert entry.definition == definition, entry.id


def test_the_lines_additions_keep_to_the_spec_areas():
    spec_ids = {entry.id for entry in SPEC}
    for entry in ADDED:
        assert entry.id not in spec_ids and area_of(entry.id) in AREAS
    assert len(CATALOG) == len(SPEC) + len(ADDED)


@pytest.mark.parametrize(
    ("indicator_id", "name", "unit", "message"),
    [
        ("reconsideration.nonsense", "胡编", "件", "不在指标目录"),
        (
            "reconsideration.received",
            "收到申请",
            "件",
            "登记为“收到申请”（件），目录为“收到行政复议申请”（件）",
        ),
        ("litigation.loss_rate", "败诉率", "件", "登记为“败诉率”（件），目录为“败诉率”（%）"),
    ],
)
def test_register_refuses_what_the_catalog_does_not_say(indicator_id, name, unit, message):
    before = registered()
    indicator = Indicator(indicator_id, name, unit, "定义", model="core.Unit", date_field="x")
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        register(indicator)
    assert registered() == before


def test_register_accepts_a_catalog_entry(monkeypatch):
    monkeypatch.setattr(registry, "_registered", {})
    indicator = Indicator(
        "mediation.screenings", "矛盾纠纷排查", "次", "排查", model="core.Unit", date_field="x"
    )
    register(indicator)
    assert registered() == {"mediation.screenings": indicator}


def test_every_catalog_id_of_a_built_line_is_registered():
    built = {area_of(i) for i in registered()}
    assert {"reconsideration", "litigation", "enforcement"} <= built
    assert {i for i in CATALOG if area_of(i) in built} == set(registered())
