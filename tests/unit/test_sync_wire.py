"""The wire models: strict about what reaches HQ, tolerant of what a newer HQ answers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from embassy_desk.sync import wire


def test_an_answer_from_a_newer_hq_with_more_fields_is_still_read() -> None:
    answer = wire.PushResponse.model_validate(
        {
            "accepted": 1,
            "duplicates": 0,
            "rejected": [{"id": "x", "status": 409, "reason": "r", "hint": "new"}],
            "through": 3,
            "audit_chain": "ok",
            "audit_through": 2,
            "a_field_of_a_later_release": {"any": 1},
        }
    )
    assert answer.through == 3 and answer.audit_through == 2
    summary = wire.Summary.model_validate({"counts": {}, "digest": "d", "cursor": 0, "more": True})
    assert summary.cursor == 0


def test_a_request_with_a_field_hq_does_not_know_is_refused_naming_it() -> None:
    with pytest.raises(ValidationError, match="surprise"):
        wire.PullRequest.model_validate({"protocol": 1, "schema_version": 8, "cursor": 0, "surprise": 1})
