"""An edit re-indexes a citizen only when what the index holds changed (storage/citizens.update): a
welfare status or an address leaves the entry as it was, a new surname or phone replaces it. Search
must answer as before either way."""

from __future__ import annotations

from embassy_desk.services import registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def found(admin: Session, query: str) -> list[str]:
    return [c.id for c in registry.search(admin, query)]


def test_search_follows_every_edit_that_changes_what_it_reads(admin: Session) -> None:
    person = registry.register_citizen(admin, aigerim())
    registry.edit_citizen(admin, person.id, {"welfare_status": "safe", "address": "2 Example-ro"})
    assert found(admin, "Нурланова") == [person.id]
    registry.edit_citizen(admin, person.id, {"surname": "Серикова", "surname_latin": "SERIKOVA"})
    assert found(admin, "Серикова") == found(admin, "serikova") == [person.id]
    assert found(admin, "Нурланова") == []
    registry.edit_citizen(admin, person.id, {"phones": [{"number": "+821077776666", "kind": "mobile"}]})
    assert found(admin, "77776666") == [person.id]
    registry.edit_citizen(admin, person.id, {"welfare_status": "needs_assistance"})
    assert found(admin, "Серикова") == found(admin, "77776666") == [person.id]
