"""The merge rules one by one (docs/sync.md "Merge rules"); convergence as a whole is proven by the
state machine in test_sync_merge_machine.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
from embassy_desk.sync import merge
from embassy_desk.sync.merge import RECORD_GROUP, Conflict, Outcome, RecordState
from embassy_desk.sync.merge_groups import CITIZEN_GROUPS
from embassy_desk.sync.wire import Entry, PulledEntry

RID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
NAMES = {"surname": "Ivanova", "given_names": "Anna", "patronymic": "P", "surname_latin": "IVANOVA",
         "given_names_latin": "ANNA"}  # fmt: skip
IDENTITY = {"sex": "F", "birth_date": "1990-01-02", "birth_place": "Almaty", "national_id": "900102400123",
            "nationality": "KZ"}  # fmt: skip
CREATED = {**NAMES, **IDENTITY, "phones": "+7 700 000 0000", "notes": "first"}


def stamp(n: int, device: str = "wsa") -> str:
    """A stamp n milliseconds into the test's day; device breaks ties as in HybridClock."""
    return f"{1_800_000_000_000 + n:013d}-00000-{device}"


_ids = iter(range(1, 10**9))


def entry(
    op: str,
    fields: dict[str, Any] | None = None,
    hlc: str = "",
    *,
    base: dict[str, str] | None = None,
    epoch: str = "",
    staff: str = "staff-a",
    record_id: str = RID,
    entity: str = "citizen",
) -> Entry:
    return Entry(
        id=f"0190a1b2-0000-7000-8000-{next(_ids):012d}",
        entity=entity,  # type: ignore[arg-type]
        record_id=record_id,
        op=op,  # type: ignore[arg-type]
        fields=fields or {},
        hlc=hlc or stamp(0),
        staff=staff,
        schema_version=1,
        base=base,
        epoch=epoch,
    )


def never(_: str) -> bool:
    return False


def run(state: RecordState | None, *entries: Entry, unsent: Iterable[str] = ()) -> Outcome:
    """Apply entries in order; the outcome of the last, with the conflicts of all."""
    pending = set(unsent)
    conflicts: list[Conflict] = []
    outcome = Outcome(state)
    for item in entries:
        outcome = merge.apply(item.entity, outcome.state, item, local_unsent=lambda h: h in pending)
        conflicts += outcome.conflicts
    return Outcome(outcome.state, conflicts, outcome.redirect_to, outcome.fold_into)


def created() -> RecordState:
    state = run(None, entry("create", CREATED)).state
    assert state is not None
    return state


# --- groups -----------------------------------------------------------------------------------------


def test_citizen_groups_cover_every_synced_column_once() -> None:
    grouped = [f for fields in CITIZEN_GROUPS.values() for f in fields]
    assert sorted(grouped) == sorted(CITIZEN_DATA_COLUMNS)
    assert len(grouped) == len(set(grouped))


def test_groups_of_and_group_fields() -> None:
    assert merge.groups_of("citizen", ["surname", "given_names", "phones"]) == {"names", "phones"}
    assert merge.groups_of("citizen", ["name_key", "last_contact_at"]) == set()  # derived, never synced
    assert merge.group_fields("citizen", "passport") == (
        "passport_number",
        "passport_issue_date",
        "passport_expiry_date",
    )
    # Other entities: every field is its own group.
    assert merge.groups_of("case", ["status", "priority"]) == {"status", "priority"}
    assert merge.group_fields("case", "status") == ("status",)


# --- create -----------------------------------------------------------------------------------------


def test_create_sets_values_with_empty_stamps() -> None:
    state = created()
    assert state.values == CREATED
    assert state.stamps == {}
    assert (state.epoch, state.deleted, state.merged_into) == ("", False, None)


def test_create_never_revives_a_tombstone_nor_undoes_a_change() -> None:
    tomb = run(created(), entry("delete", {}, stamp(5), base={})).state
    assert run(tomb, entry("create", CREATED)).state == tomb
    edited = run(created(), entry("update", {"phones": "1"}, stamp(5), base={"phones": ""})).state
    assert run(edited, entry("create", {**CREATED, "phones": "0"})).state == edited


def test_two_creates_of_one_id_keep_the_same_content_in_either_order() -> None:
    """conflict_resolution and duplicate_decision ids can be made alike on two devices."""
    a = entry("create", {"keep": "local"}, stamp(1, "wsa"), entity="conflict_resolution", staff="a")
    b = entry("create", {"keep": "remote"}, stamp(1, "wsb"), entity="conflict_resolution", staff="b")
    assert run(None, a, b).state == run(None, b, a).state


# --- update -----------------------------------------------------------------------------------------


def test_update_is_last_writer_wins_per_group() -> None:
    names = {**NAMES, "surname": "Petrova"}
    first = entry("update", {"phones": "111"}, stamp(10), base={"phones": ""})
    later = entry("update", {**names}, stamp(20, "wsb"), base={"names": ""})
    for order in ((first, later), (later, first)):
        state = run(created(), *order).state
        assert state is not None
        assert state.values["phones"] == "111" and state.values["surname"] == "Petrova"
        assert state.stamps == {"phones": stamp(10), "names": stamp(20, "wsb")}
    older = entry("update", {"phones": "000"}, stamp(5), base={"phones": ""})
    state = run(created(), first, older).state
    assert state is not None and state.values["phones"] == "111"  # the later stamp stays


def test_sequential_edits_make_no_conflict() -> None:
    one = entry("update", {**NAMES, "surname": "B"}, stamp(10), base={"names": ""})
    two = entry("update", {**NAMES, "surname": "C"}, stamp(20, "wsb"), base={"names": stamp(10)})
    outcome = run(created(), one, two)
    assert outcome.conflicts == []
    assert outcome.state is not None and outcome.state.values["surname"] == "C"


def test_concurrent_identity_edit_makes_a_conflict_and_the_later_wins() -> None:
    mine = entry("update", {**NAMES, "surname": "Mine"}, stamp(10, "wsa"), base={"names": ""}, staff="a")
    theirs = entry("update", {**NAMES, "surname": "Theirs"}, stamp(20, "wsb"), base={"names": ""}, staff="b")
    at_a, at_b = run(created(), mine, theirs), run(created(), theirs, mine)
    assert at_a.state == at_b.state
    assert at_a.state is not None and at_a.state.values["surname"] == "Theirs"
    (ca,), (cb,) = at_a.conflicts, at_b.conflicts
    assert ca.id == cb.id  # both workstations name it alike
    assert (ca.kind, ca.group, ca.local_value["surname"], ca.remote_value["surname"]) == (
        "edit",
        "names",
        "Mine",
        "Theirs",
    )
    assert (ca.local_staff, ca.remote_staff) == ("a", "b")
    assert (cb.local_value["surname"], cb.remote_value["surname"]) == ("Theirs", "Mine")


def test_concurrent_edits_to_the_same_value_are_no_conflict() -> None:
    mine = entry("update", {**NAMES, "surname": "Same"}, stamp(10, "wsa"), base={"names": ""})
    theirs = entry("update", {**NAMES, "surname": "Same"}, stamp(20, "wsb"), base={"names": ""})
    outcome = run(created(), mine, theirs)
    assert outcome.conflicts == []
    assert outcome.state is not None and outcome.state.stamps["names"] == stamp(20, "wsb")


def test_concurrent_identity_edit_is_a_conflict_at_hq_too() -> None:
    mine = entry("update", IDENTITY | {"sex": "M"}, stamp(10), base={"identity": ""})
    theirs = entry("update", IDENTITY | {"sex": "X"}, stamp(20, "wsb"), base={"identity": ""})
    assert [c.group for c in run(created(), mine, theirs).conflicts] == ["identity"]


def test_concurrent_other_edit_is_a_conflict_only_against_an_unsent_local_change() -> None:
    mine = entry("update", {"phones": "mine"}, stamp(10), base={"phones": ""})
    theirs = entry("update", {"phones": "theirs"}, stamp(20, "wsb"), base={"phones": ""})
    # Unsent: HQ has not seen mine; theirs overwrites it, staff must hear of it.
    assert [c.group for c in run(created(), mine, theirs, unsent=[stamp(10)]).conflicts] == ["phones"]
    # Sent: the other workstation could have known; last writer wins silently.
    assert run(created(), mine, theirs).conflicts == []
    # Mine is later and unsent: theirs loses, and that is queued too.
    late_mine = entry("update", {"phones": "mine"}, stamp(30), base={"phones": ""})
    outcome = run(created(), late_mine, theirs, unsent=[stamp(30)])
    assert outcome.state is not None and outcome.state.values["phones"] == "mine"
    assert [(c.local_hlc, c.remote_hlc) for c in outcome.conflicts] == [(stamp(30), stamp(20, "wsb"))]


def test_an_entry_without_a_base_is_never_concurrent() -> None:
    """Entries written before sync existed (migrated change log) carry no base."""
    one = entry("update", {**NAMES, "surname": "B"}, stamp(10), base=None)
    two = entry("update", {**NAMES, "surname": "C"}, stamp(20), base=None)
    assert run(created(), one, two).conflicts == []


# --- delete -----------------------------------------------------------------------------------------


def test_delete_leaves_a_tombstone_without_values() -> None:
    edit = entry("update", {"phones": "1"}, stamp(10), base={"phones": ""})
    delete = entry("delete", {}, stamp(20), base={"phones": stamp(10)}, staff="d")
    outcome = run(created(), edit, delete)
    assert outcome.conflicts == []  # the deleter had seen every change
    tomb = outcome.state
    assert tomb is not None
    assert (tomb.values, tomb.stamps, tomb.deleted, tomb.deleted_hlc) == ({}, {}, True, stamp(20))
    assert tomb.writers == {RECORD_GROUP: "d"}


def test_delete_concurrent_with_an_edit_keeps_the_delete_and_queues_a_restore() -> None:
    edit = entry("update", {"phones": "new"}, stamp(20, "wsb"), base={"phones": ""}, staff="b")
    delete = entry("delete", {}, stamp(10), base={}, staff="a")
    edit_first, delete_first = run(created(), edit, delete), run(created(), delete, edit)
    assert edit_first.state == delete_first.state
    assert edit_first.state is not None and edit_first.state.deleted
    (c1,), (c2,) = edit_first.conflicts, delete_first.conflicts
    assert c1.kind == c2.kind == "restore" and c1.id == c2.id
    assert c1.local_value == {**CREATED, "phones": "new"}  # everything a restore needs
    assert c2.remote_value == {"phones": "new"}  # the values were erased here before it came


def test_an_edit_arriving_after_a_delete_is_queued_not_applied() -> None:
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    late = entry("update", {"notes": "x"}, stamp(30, "wsb"), base={"notes": ""})
    outcome = run(tomb, late)
    assert outcome.state == tomb
    ((conflict),) = outcome.conflicts
    assert (conflict.kind, conflict.group, conflict.remote_value) == ("restore", RECORD_GROUP, {"notes": "x"})
    assert (conflict.local_hlc, conflict.remote_hlc) == (stamp(10), stamp(30, "wsb"))


def test_two_deletes_converge_on_the_later_stamp() -> None:
    one = entry("delete", {}, stamp(10), base={}, staff="a")
    two = entry("delete", {}, stamp(20, "wsb"), base={}, staff="b")
    assert run(created(), one, two).state == run(created(), two, one).state
    tomb = run(created(), one, two).state
    assert tomb is not None and (tomb.deleted_hlc, tomb.writers[RECORD_GROUP]) == (stamp(20, "wsb"), "b")


# --- merge ------------------------------------------------------------------------------------------


def test_merge_delete_records_where_the_record_went() -> None:
    merge_delete = entry("delete", {"merged_into": "kept-id"}, stamp(10), base={})
    outcome = run(created(), merge_delete)
    assert outcome.state is not None and outcome.state.deleted
    assert outcome.state.merged_into == "kept-id"
    assert (outcome.redirect_to, outcome.fold_into) == (None, None)  # see docs/sync.md "Merges"


def test_an_edit_of_a_merged_away_record_is_queued_in_either_order() -> None:
    edit = entry("update", {"phones": "new"}, stamp(20, "wsb"), base={"phones": ""})
    merge_delete = entry("delete", {"merged_into": "kept-id"}, stamp(10), base={})
    before, after = run(created(), edit, merge_delete), run(created(), merge_delete, edit)
    assert before.state == after.state
    assert before.redirect_to is None and after.redirect_to is None
    assert [c.kind for c in before.conflicts] == [c.kind for c in after.conflicts] == ["restore"]
    assert before.conflicts[0].id == after.conflicts[0].id


def test_a_plain_delete_and_a_merge_converge() -> None:
    plain = entry("delete", {}, stamp(30, "wsc"), base={})
    merge_delete = entry("delete", {"merged_into": "kept-id"}, stamp(10), base={})
    one, two = run(created(), plain, merge_delete).state, run(created(), merge_delete, plain).state
    assert one == two and one is not None and one.merged_into == "kept-id"


def test_a_late_edit_of_a_merged_away_record_is_forwarded_by_its_writer_only() -> None:
    late = entry(
        "update", {"phones": "late", "notes": "n"}, stamp(20, "wsb"), base={"phones": "", "notes": ""}
    )
    seen = entry("update", {**NAMES, "surname": "Seen"}, stamp(5, "wsb"), base={"names": ""})
    dropped = run(created(), seen, late).state
    merge_delete = entry("delete", {"merged_into": "kept-id"}, stamp(10), base={"names": stamp(5, "wsb")})
    assert merge.forward_fields("citizen", dropped, merge_delete, device="wsb") == {
        "phones": "late",
        "notes": "n",
    }
    assert merge.forward_fields("citizen", dropped, merge_delete, device="wsc") == {}  # not its change
    plain = entry("delete", {}, stamp(10), base={})
    assert merge.forward_fields("citizen", dropped, plain, device="wsb") == {}  # not a merge
    tomb = run(dropped, plain).state
    assert merge.forward_fields("citizen", tomb, merge_delete, device="wsb") == {}  # already erased


def test_two_merges_of_one_record_converge() -> None:
    into_b = entry("delete", {"merged_into": "b-id"}, stamp(10), base={})
    into_a = entry("delete", {"merged_into": "a-id"}, stamp(20, "wsb"), base={})
    one, two = run(created(), into_b, into_a).state, run(created(), into_a, into_b).state
    assert one == two and one is not None and one.merged_into == "b-id"


def test_folding_on_arrival_as_first_briefed_cannot_converge() -> None:
    """Why apply never asks for a fold: an edit U of the dropped record, a merge M and a plain delete D
    of it, all concurrent. Where U, M, D arrive in that order the fold carries U into the kept record;
    where U, D, M arrive, D has erased U before M comes, so nothing is folded: the kept record differs."""
    kept = RecordState(values={"phones": "kept"}, stamps={"phones": stamp(5)})
    dropped = run(created(), entry("update", {"phones": "U"}, stamp(30, "wsb"), base={"phones": ""})).state
    assert dropped is not None
    erased = run(dropped, entry("delete", {}, stamp(20, "wsc"), base={})).state
    assert erased is not None
    fold_after_u = merge.fold("citizen", kept, dropped)
    fold_after_d = merge.fold("citizen", kept, erased)
    assert fold_after_u.values["phones"] == "U" and fold_after_d.values["phones"] == "kept"


def test_fold_is_last_writer_wins_per_group() -> None:
    kept = RecordState(values={"phones": "k", "notes": "k"}, stamps={"phones": stamp(10), "notes": stamp(30)})
    dropped = RecordState(
        values={"phones": "d", "notes": "d"}, stamps={"phones": stamp(20), "notes": stamp(5)}
    )
    folded = merge.fold("citizen", kept, dropped)
    assert folded.values == {"phones": "d", "notes": "k"}
    assert folded.stamps == {"phones": stamp(20), "notes": stamp(30)}
    assert kept.values == {"phones": "k", "notes": "k"}  # inputs untouched


# --- restore ----------------------------------------------------------------------------------------


def test_restore_starts_a_new_epoch() -> None:
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    restore = entry("restore", {**CREATED, "notes": "back"}, stamp(20), staff="r")
    state = run(tomb, restore).state
    assert state is not None
    assert (state.deleted, state.epoch, state.stamps, state.deleted_hlc) == (False, stamp(20), {}, "")
    assert state.values["notes"] == "back"


def test_an_older_restore_does_not_undo_a_newer_one() -> None:
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    one = entry("restore", {"notes": "one"}, stamp(20, "wsa"))
    two = entry("restore", {"notes": "two"}, stamp(25, "wsb"))
    assert run(tomb, one, two).state == run(tomb, two, one).state
    state = run(tomb, two, one).state
    assert state is not None and (state.values, state.epoch) == ({"notes": "two"}, stamp(25, "wsb"))


def test_an_edit_from_before_a_restore_is_queued_in_either_order() -> None:
    """Written under the old epoch: the restore's values stand wherever it arrives."""
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    restore = entry("restore", CREATED, stamp(20))
    stale = entry("update", {"notes": "stale"}, stamp(40, "wsb"), base={"notes": ""})  # never saw the delete
    one = run(tomb, restore, stale)
    assert one.state is not None and one.state.values["notes"] == "first"
    assert [c.kind for c in one.conflicts] == ["restore"]
    # Where the stale edit came first it was queued at the tombstone; the restore then stands alone.
    two = run(tomb, stale, restore)
    assert two.state == one.state


def test_an_edit_under_the_restored_epoch_applies() -> None:
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    restore = entry("restore", CREATED, stamp(20))
    edit = entry("update", {"notes": "now"}, stamp(30), base={"notes": ""}, epoch=stamp(20))
    outcome = run(tomb, restore, edit)
    assert outcome.conflicts == []
    assert outcome.state is not None and outcome.state.values["notes"] == "now"


def test_restore_wins_over_a_delete_that_did_not_see_it() -> None:
    tomb = run(created(), entry("delete", {}, stamp(10), base={})).state
    restore = entry("restore", CREATED, stamp(20))
    old_delete = entry("delete", {}, stamp(30, "wsb"), base={})  # epoch "": never saw the restore
    assert run(tomb, restore, old_delete).state == run(tomb, old_delete, restore).state
    state = run(tomb, restore, old_delete).state
    assert state is not None and not state.deleted


def test_a_restore_of_a_record_never_seen_creates_it() -> None:
    state = run(None, entry("restore", CREATED, stamp(20))).state
    assert state is not None and state.values == CREATED and state.epoch == stamp(20)


# --- idempotence, ids, local writes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        entry("update", {**NAMES, "surname": "Z"}, stamp(10, "wsb"), base={"names": "other"}),
        entry("update", {"phones": "9"}, stamp(10), base={"phones": ""}),
        entry("delete", {}, stamp(10), base={}),
        entry("delete", {"merged_into": "k"}, stamp(10), base={}),
        entry("restore", CREATED, stamp(10)),
        entry("create", CREATED, stamp(1)),
    ],
    ids=["identity-update", "update", "delete", "merge-delete", "restore", "create"],
)
def test_applying_the_same_entry_again_changes_nothing(change: Entry) -> None:
    once = run(created(), change, unsent=[stamp(10)])
    twice = merge.apply("citizen", once.state, change, local_unsent=lambda _: True)
    assert twice.state == once.state
    assert twice.conflicts == []


def test_conflict_ids_are_deterministic() -> None:
    a = merge.conflict_id("citizen", RID, "names", stamp(1), stamp(2))
    assert a == merge.conflict_id("citizen", RID, "names", stamp(2), stamp(1))
    assert len(a) == 64 and int(a, 16) >= 0
    assert a != merge.conflict_id("citizen", RID, "identity", stamp(1), stamp(2))
    assert a != merge.conflict_id("citizen", "other", "names", stamp(1), stamp(2))


@pytest.mark.parametrize("op", ["update", "delete", "restore", "create"])
def test_a_local_write_reaches_the_state_its_entry_gives_elsewhere(op: str) -> None:
    before = run(created(), entry("update", {"phones": "1"}, stamp(5), base={"phones": ""})).state
    fields = {"create": CREATED, "update": {**NAMES, "surname": "L"}, "delete": {}, "restore": CREATED}[op]
    state = None if op == "create" else before
    meta, mine = merge.local_change("citizen", state, op, fields, stamp(50, "wsc"), "staff-c")
    sent = entry(op, fields, stamp(50, "wsc"), base=meta["base"], epoch=meta["epoch"], staff="staff-c")
    remote = merge.apply("citizen", state, sent, local_unsent=never)
    assert remote.state == mine
    assert remote.conflicts == []
    if op == "update":
        assert meta == {"base": {"names": ""}, "epoch": ""}
    if op == "delete":
        assert meta["base"] == {"phones": stamp(5)}


def test_pulled_entries_apply_like_entries() -> None:
    change = entry("update", {"phones": "7"}, stamp(10), base={"phones": ""})
    pulled = PulledEntry(**change.model_dump(), seq=3, device="wsb")
    assert run(created(), pulled).state == run(created(), change).state


# --- storage and digests ------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
stamps = st.integers(0, 10**6).map(stamp)


@given(
    values=st.dictionaries(st.sampled_from(CITIZEN_DATA_COLUMNS), json_values, max_size=6),
    record_stamps=st.dictionaries(st.sampled_from(sorted(CITIZEN_GROUPS)), stamps, max_size=4),
    epoch=st.just("") | stamps,
    deleted=st.booleans(),
    merged_into=st.none() | st.text(min_size=1, max_size=10),
)
def test_record_state_survives_json(
    values: dict[str, Any], record_stamps: dict[str, str], epoch: str, deleted: bool, merged_into: str | None
) -> None:
    state = RecordState(
        values=values,
        stamps=record_stamps,
        writers={g: "w" for g in record_stamps},
        epoch=epoch,
        deleted=deleted,
        deleted_hlc=stamp(1) if deleted else "",
        merged_into=merged_into,
    )
    assert RecordState.from_json(state.to_json()) == state
    assert RecordState.from_json(state.to_json()).to_json() == state.to_json()


def test_record_digest_follows_versions_and_post_digest_ignores_order() -> None:
    a, b = created(), run(created(), entry("update", {"phones": "1"}, stamp(5), base={"phones": ""})).state
    assert b is not None
    da, db = merge.record_digest("citizen", "a", a), merge.record_digest("citizen", "b", b)
    assert len(da) == 32
    assert da != merge.record_digest("citizen", "a", b)  # a new stamp is a new version
    assert da != merge.record_digest("citizen", "b", a)  # ids count
    assert merge.post_digest([da, db]) == merge.post_digest([db, da])
    assert merge.post_digest([da]) != merge.post_digest([da, db])
    assert len(merge.post_digest([])) == 64


@given(st.sampled_from(["citizen", "contact", "case"]), st.text(min_size=1, max_size=40))
def test_the_plain_digest_is_the_digest_of_a_record_never_changed(entity: str, record_id: str) -> None:
    assert merge.plain_record_digest(entity, record_id) == merge.record_digest(
        entity, record_id, merge.RecordState()
    )
