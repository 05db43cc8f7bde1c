"""Welfare campaigns: call lists, outcomes, the gateway message list."""

CATALOG: dict[str, str] = {
    # Refusals and problems.
    "campaign.bad_criteria": "the campaign's criteria cannot be read",
    "campaign.bad_outcome": "{value!r} is not a call outcome; use one of: {choices}",
    "campaign.script_option": "{value!r} is not a script; write LANG=TEXT with LANG one of kk, ru, en, ko",
    "campaign.not_found": "there is no campaign with id {id}",
    "campaign.is_closed": "campaign {name!r} is closed: no more outcomes can be recorded or people moved",
    "campaign.not_in_campaign": "citizen {citizen} is not on this campaign's lists",
    "campaign.no_user": "there is no staff account {name!r}",
    "campaign.user_disabled": "the account {name!r} is disabled; choose an active colleague",
    "campaign.user_role": "the account {name!r} cannot work call lists (viewers only read)",
    "campaign.name_required": "give the campaign a name",
    "campaign.nobody": "nobody on the register matches these criteria; the campaign was not made",
    "campaign.reassign_what": "say whose list to move (--from USER) or which people (--citizen ID)",
    "campaign.household_reached_only": (
        "household members can be recorded with the same outcome only when the call reached someone"
        " (safe or needs help)"
    ),
    "campaign.not_household": "citizen {citizen} is not in the same household as the person called",
    "campaign.script_language": "a campaign script can be in kk, ru, en or ko, not {lang!r}",
    "campaign.bad_date": "{value!r} is not a date; write it as YYYY-MM-DD",
    "campaign.file_type": "the message list is a CSV file: name it FILE.csv",
    "campaign.nobody_selected": "no people were given for the message list",
    # What a call and its outcomes write.
    "campaign.script.standard": (
        "Hello, {name}. This is {post}. Because of the current situation we are checking that our"
        " citizens are safe. Are you safe at the moment? Do you need any help? Please confirm where"
        " you are now and the best number to reach you."
    ),
    "campaign.case_summary": "Needs help: reported during welfare campaign {name!r}",
    # The command line.
    "campaign.created": "Campaign {name!r}: {count:n} people to call, split among {callers}.",
    "campaign.created_unassigned": "Campaign {name!r}: {count:n} people to call; anyone may work the list.",
    "campaign.none": "No campaigns yet.",
    "campaign.list_done": "Nobody left on your list.",
    "campaign.recorded": "Recorded {outcome} for {citizen}; now {state}.",
    "campaign.recorded_household": "Recorded the same for {count:n} other household member(s).",
    "campaign.case_opened": "Assistance case {id} opened.",
    "campaign.reassigned": "{count:n} person(s) moved to {user}.",
    "campaign.closed": "Campaign {name!r} closed; {pending} people were still to call.",
    "campaign.messages_written": (
        "Wrote {count:n} message(s) to {path}; {skipped:n} person(s) have neither a phone nor a messenger."
    ),
    "campaign.status_line": (
        "{name}: {done:n} done, {remaining:n} to call, {follow_up:n} to follow up, of {total:n}."
    ),
}
