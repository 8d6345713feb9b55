"""The reader's wordings key on the one catalog (`fazhi.indicators.catalog`)."""

import pytest

from fazhi.indicators.catalog import AREAS as CATALOG_AREAS
from fazhi.indicators.catalog import CATALOG, SPEC
from fazhi.report_reader.wordings import AREAS, WORDINGS

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db


def test_every_wording_names_a_catalog_id_once():
    ids = [wording.id for wording in WORDINGS]
    assert len(ids) == len(set(ids))
    assert set(ids) <= set(CATALOG)


def test_every_figure_of_the_catalog_can_be_read():
    # the spec's ids and those the work lines added
    assert {wording.id for wording in WORDINGS} == set(CATALOG) > {entry.id for entry in SPEC}


def test_the_areas_are_the_catalogs():
    assert set(AREAS) <= set(CATALOG_AREAS)
    assert {w.area for w in WORDINGS if w.area} <= set(CATALOG_AREAS)


def test_the_units_come_from_the_catalog():
    by_id = {wording.id: wording for wording in WORDINGS}
    assert by_id["reconsideration.correction_rate"].accepted_units == ("%",)
    assert by_id["reconsideration.closed"].accepted_units == ("件", "个", "起", "宗", "份")
    assert by_id["enforcement.officers_trained"].accepted_units == ("人次", "人", "名")


def test_the_checks_speak_of_catalog_ids():
    from fazhi.report_reader.checks import RATES, SUMS

    ids = {whole for whole, _ in SUMS} | {i for _, parts in SUMS for i in parts}
    ids |= {rate for rate, _, _ in RATES} | {d for _, _, d in RATES}
    ids |= {i for _, parts, _ in RATES for i in parts}
    assert ids <= set(CATALOG)
