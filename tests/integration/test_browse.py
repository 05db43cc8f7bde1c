"""services.browse: the id lists, pages and counts the registry table is built from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.collation import sort_part
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import Cancelled, ValidationError
from embassy_desk.services import browse, contacts, importer, registry
from embassy_desk.services.browse import BrowseQuery
from embassy_desk.services.session import Session
from tests.conftest import aigerim

DEMO = 300


@pytest.fixture
def populated(admin: Session) -> Session:
    rows = ((i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(citizens=DEMO, seed=11))))
    report = importer.import_rows(admin, rows, parallel=False)
    assert report.imported == DEMO
    registry.register_citizen(admin, aigerim())
    return admin


def _ids(session: Session, query: BrowseQuery) -> list[int]:
    return [rid for chunk in browse.ordered_rids(session, query) for rid in chunk]


def test_whole_registry_in_registration_order(populated: Session) -> None:
    rids = _ids(populated, BrowseQuery())
    assert rids == sorted(rids)
    assert len(rids) == DEMO + 1 == browse.total_citizens(populated)


def test_first_chunk_comes_alone_then_the_rest(populated: Session) -> None:
    chunks = list(browse.ordered_rids(populated, BrowseQuery()))
    assert len(chunks[0]) == browse.FIRST_CHUNK
    assert sum(len(c) for c in chunks) == DEMO + 1
    flat = [rid for c in chunks for rid in c]
    assert len(set(flat)) == len(flat)


@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_name_and_birth_date(populated: Session, descending: bool) -> None:
    # Names in alphabet order (domain/collation.py), not by code point: see test_name_sort.py.
    for sort, key in (
        ("name", lambda r: sort_part(r.name.split()[0])),
        ("birth_date", lambda r: r.birth_date),
    ):
        rids = _ids(populated, BrowseQuery(sort=sort, descending=descending))
        rows = browse.rows_by_rid(populated, rids)
        values = [key(r) for r in rows if r is not None]
        assert values == sorted(values, reverse=descending), sort


def test_filters_combine_with_search_and_sort(populated: Session) -> None:
    seoul = browse.rows_by_rid(populated, _ids(populated, BrowseQuery(region="KR-11")))
    assert seoul and all(r is not None and r.region == "KR-11" for r in seoul)
    found = browse.rows_by_rid(populated, _ids(populated, BrowseQuery(search="Нурланова", region="KR-11")))
    assert [r.passport_number for r in found if r] == ["N12345678"]
    assert _ids(populated, BrowseQuery(search="Нурланова", region="KR-26")) == []
    minors = browse.rows_by_rid(populated, _ids(populated, BrowseQuery(vulnerability="minor", sort="name")))
    assert minors and all(r is not None and "minor" in r.vulnerabilities for r in minors)


def test_search_in_cyrillic_and_latin_finds_the_same_person(populated: Session) -> None:
    cyrillic = _ids(populated, BrowseQuery(search="Айгерим Нурланова"))
    latin = _ids(populated, BrowseQuery(search="AIGERIM NURLANOVA"))
    typed = _ids(populated, BrowseQuery(search="Aygerim Nurlanova"))
    assert cyrillic == latin == typed and len(cyrillic) == 1
    assert _ids(populated, BrowseQuery(search="5678")) == cyrillic or cyrillic[0] in _ids(
        populated, BrowseQuery(search="5678")
    )
    assert _ids(populated, BrowseQuery(search="?!")) == []


def test_rows_by_rid_keep_order_and_mark_missing(populated: Session) -> None:
    rids = _ids(populated, BrowseQuery())[:3]
    rows = browse.rows_by_rid(populated, [rids[2], 10_000_000, rids[0]])
    assert rows[1] is None
    assert rows[0] is not None and rows[0].rid == rids[2]
    assert rows[2] is not None and rows[2].rid == rids[0]


def test_last_contact_shows_after_logging(populated: Session) -> None:
    (rid,) = _ids(populated, BrowseQuery(search="N12345678"))
    (row,) = browse.rows_by_rid(populated, [rid])
    assert row is not None and row.last_contact_at == ""
    contacts.log_contact(populated, row.id, channel="phone", outcome="reached", welfare="safe")
    (after,) = browse.rows_by_rid(populated, [rid])
    assert after is not None and after.last_contact_at and after.welfare_status == "safe"
    assert browse.rows_by_id(populated, [row.id])[row.id].welfare_status == "safe"


def test_cancelled_through_progress(populated: Session) -> None:
    def stop(_done: int) -> None:
        raise Cancelled("stop")

    with pytest.raises(Cancelled):
        list(browse.ordered_rids(populated, BrowseQuery(sort="name"), progress=stop))
    # The connection is still good afterwards.
    assert len(_ids(populated, BrowseQuery(sort="name"))) == DEMO + 1


def test_bad_sort_or_filter_value_names_the_field(populated: Session) -> None:
    with pytest.raises(ValidationError, match="sort"):
        list(browse.ordered_rids(populated, BrowseQuery(sort="rid; DROP TABLE citizens")))
    with pytest.raises(ValidationError, match="welfare_status"):
        list(browse.ordered_rids(populated, BrowseQuery(welfare_status="fine")))


def test_every_role_may_browse(populated: Session, session_for: Callable[[Role], Session]) -> None:
    viewer = session_for(Role.VIEWER)
    assert len(_ids(viewer, BrowseQuery(search="Нурланова"))) == 1
    assert ("KR-11", "Seoul") in browse.region_options(viewer)
