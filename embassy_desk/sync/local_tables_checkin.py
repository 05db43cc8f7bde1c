"""Where check-in records live at a workstation (issue 14); the contract is sync/table_adapter.py.

A check-in link is written once at the post and never edited (only a hash of its token travels).
A reported phone number is written by HQ when a citizen answers "my number has changed", and its
status moves at the post when a person applies or dismisses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import ClassVar

from embassy_desk.domain.enums import PhoneChangeStatus
from embassy_desk.sync.local_tables_crisis import _Versioned
from embassy_desk.sync.table_adapter import Adapter


class CheckinLinkAdapter(Adapter):
    entity = "checkin_link"
    table = "checkin_links"
    columns = (
        "token_hash",
        "citizen_id",
        "campaign_id",
        "language",
        "phone",
        "expires_at",
        "created_at",
        "created_by",
    )
    required = ("token_hash", "citizen_id", "language", "expires_at", "created_at", "created_by")
    append_only = True


class PhoneChangeAdapter(_Versioned):
    entity = "phone_change"
    table = "phone_changes"
    columns = ("citizen_id", "phone", "reported_at", "source", "status", "resolved_at", "resolved_by")
    required = ("citizen_id", "phone", "reported_at", "source", "status")
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {"status": PhoneChangeStatus}


CHECKIN_ADAPTERS: tuple[Adapter, ...] = (CheckinLinkAdapter(), PhoneChangeAdapter())
