"""Phone numbers, normalized to E.164 with Google's libphonenumber metadata (``phonenumbers``).

Imports validate tens of thousands of rows a second and ``phonenumbers.parse`` plus
``is_valid_number`` cost roughly 35-45 µs a call, most of it generic text handling (vanity letters,
extensions, RFC 3966, Unicode digits) and regex-cache lookups. Nearly all registry input is
plain digits with separators, so :func:`normalize_phone` first tries :func:`_fast_e164`, which
re-traces the library's own parsing and validity rules for exactly that input shape using
patterns compiled once per region. Anything else, or any case the fast path is not sure about,
goes to the library itself. ``tests/unit/test_phones.py`` checks the two agree.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberDesc, PhoneNumberType

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import CATALOG, Msg

__all__ = ["is_mobile", "normalize_phone"]

# Mirrors the library's limits (phonenumberutil._MAX_INPUT_STRING_LENGTH etc.).
_MAX_INPUT = 250
_MIN_NSN = 2
_MAX_NSN = 17
# Punctuation people put in numbers; all of it is in libphonenumber's VALID_PUNCTUATION, so
# removing it never changes what the library would read.
_SEPARATORS = str.maketrans(dict.fromkeys(" \u00a0-\u2010\u2011\u2012\u2013\u2014\u2015\u2212.()/"))
_ASCII_DIGITS = frozenset("0123456789")
_NON_GEO = phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# Country code as typed -> (code, its regions): a string lookup instead of int() per length tried.
# Codes have no leading zero, and the fast path has already refused digits starting with 0.
_COUNTRY_CODES: dict[str, tuple[int, tuple[str, ...]]] = {
    str(cc): (cc, tuple(regions)) for cc, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
}

# The library recompiles (through re's small cache) every metadata pattern on every call unless
# told to keep them; this only caches compiled patterns, whose number the metadata bounds.
phonenumbers.enable_pattern_cache()


class _Unsure(Exception):
    """The fast path met a case it does not re-trace; the library must decide."""


@dataclass(frozen=True, slots=True)
class _Desc:
    lengths: frozenset[int]
    pattern: re.Pattern[str]

    def matches(self, nsn: str) -> bool:
        # Same as phonenumberutil._is_number_matching_desc.
        if self.lengths and len(nsn) not in self.lengths:
            return False
        return self.pattern.fullmatch(nsn) is not None


@dataclass(frozen=True, slots=True)
class _Plan:
    """One region's metadata, compiled once, in the shape the fast path needs."""

    region: str
    country_code: int
    general_pattern: re.Pattern[str]
    general: _Desc
    possible_lengths: tuple[int, ...]
    local_lengths: frozenset[int]
    types: tuple[_Desc, ...]  # any match (with general) means "valid"
    national_prefix: re.Pattern[str] | None
    transform: str | None
    leading_digits: re.Pattern[str] | None
    idd: re.Pattern[str] | None
    cc_text: str
    regions: tuple[str, ...]  # every region sharing the country code, main one first
    # National number length -> one pattern equivalent to _is_valid_for at that length (general
    # description and any type); a length absent here is never valid.
    valid_by_length: dict[int, re.Pattern[str]] | None


def _desc(d: PhoneNumberDesc | None) -> _Desc | None:
    if d is None or not d.national_number_pattern:
        return None
    return _Desc(frozenset(d.possible_length), re.compile(d.national_number_pattern))


@functools.cache
def _plan(region: str) -> _Plan | None:
    md = PhoneMetadata.metadata_for_region(region, None)
    if md is None or md.country_code is None or md.general_desc is None:
        return None
    general = _desc(md.general_desc)
    if general is None or not md.general_desc.possible_length:
        return None
    # Validity is "matches any type", so test the common types first; as in _number_type_helper
    # the mobile pattern counts only when it differs from the fixed-line one.
    candidates = [md.fixed_line]
    if not md.same_mobile_and_fixed_line_pattern:
        candidates.insert(0, md.mobile)
    candidates += [
        md.premium_rate,
        md.toll_free,
        md.shared_cost,
        md.voip,
        md.personal_number,
        md.pager,
        md.uan,
        md.voicemail,
    ]
    types = tuple(t for t in map(_desc, candidates) if t is not None)
    return _Plan(
        region=region,
        country_code=md.country_code,
        general_pattern=general.pattern,
        general=general,
        possible_lengths=tuple(md.general_desc.possible_length),
        local_lengths=frozenset(md.general_desc.possible_length_local_only),
        types=types,
        national_prefix=(
            re.compile(md.national_prefix_for_parsing) if md.national_prefix_for_parsing else None
        ),
        transform=md.national_prefix_transform_rule or None,
        leading_digits=re.compile(md.leading_digits) if md.leading_digits else None,
        idd=re.compile(md.international_prefix) if md.international_prefix else None,
        cc_text=str(md.country_code),
        regions=tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(md.country_code, ())),
        valid_by_length=_valid_by_length(general, types),
    )


def _valid_by_length(general: _Desc, types: tuple[_Desc, ...]) -> dict[int, re.Pattern[str]] | None:
    # Validity costs one regex call instead of one per type: the lookahead is the general
    # pattern over the whole number and the alternation holds the types whose lengths allow n.
    # fullmatch of (?:A)|(?:B) succeeds exactly when A or B fullmatches, and the metadata
    # patterns have no back-references or inline flags that grouping could disturb.
    if not general.lengths:
        return None  # no lengths to enumerate (no such region today): validate type by type
    out: dict[int, re.Pattern[str]] = {}
    for n in general.lengths:
        fitting = [t.pattern.pattern for t in types if not t.lengths or n in t.lengths]
        if fitting:
            alternatives = "|".join(f"(?:{pattern})" for pattern in fitting)
            out[n] = re.compile(f"(?=(?:{general.pattern.pattern})\\Z)(?:{alternatives})")
    return out


def _strip_national_prefix(number: str, plan: _Plan) -> str:
    # Re-traces phonenumberutil._maybe_strip_national_prefix_carrier_code (carrier code unused).
    if plan.national_prefix is None:
        return number
    m = plan.national_prefix.match(number)
    if m is None:
        return number
    general = plan.general_pattern
    viable = general.fullmatch(number) is not None
    groups = m.groups()
    if plan.transform is None or not groups or groups[-1] is None:
        if not groups and plan.transform is not None:
            raise _Unsure
        stripped = number[m.end() :]
    else:
        stripped = plan.national_prefix.sub(plan.transform, number, count=1)
    if viable and general.fullmatch(stripped) is None:
        return number
    return stripped


def _length_allows_stripping(n: int, plan: _Plan) -> bool:
    # Re-traces _test_number_length (type UNKNOWN): keep the stripped number unless its length is
    # TOO_SHORT, INVALID_LENGTH or IS_POSSIBLE_LOCAL_ONLY.
    lengths = plan.possible_lengths
    if n in plan.local_lengths:
        return False
    if lengths[0] == n:
        return True
    if lengths[0] > n:
        return False
    if lengths[-1] < n:
        return True
    return n in lengths[1:]


def _too_long(n: int, plan: _Plan) -> bool:
    # _test_number_length(...) == TOO_LONG, type UNKNOWN.
    lengths = plan.possible_lengths
    return n not in plan.local_lengths and lengths[0] < n and lengths[-1] < n


def _is_valid_for(nsn: str, plan: _Plan) -> bool:
    # Same as: plan.general.matches(nsn) and any(t.matches(nsn) for t in plan.types).
    if plan.valid_by_length is None:
        return plan.general.matches(nsn) and any(t.matches(nsn) for t in plan.types)
    pattern = plan.valid_by_length.get(len(nsn))
    return pattern is not None and pattern.fullmatch(nsn) is not None


def _fast_e164(digits: str, plus: bool, default_region: str) -> str | None:
    """E.164 for ``digits`` (ASCII digits only), or None if invalid; raises _Unsure to defer."""
    if plus:
        if len(digits) <= _MIN_NSN or digits[0] == "0":
            raise _Unsure
        for size in (1, 2, 3):
            known = _COUNTRY_CODES.get(digits[:size])
            if known is not None:
                break
        else:
            raise _Unsure
        cc, regions = known
        if regions[0] == _NON_GEO:
            raise _Unsure
        plan = _plan(regions[0])
        nsn = digits[size:]
    else:
        default = _plan(default_region)
        if default is None:
            raise _Unsure
        # A leading international dialling prefix triggers rarer library rules (IDD followed
        # by 0, unknown country codes) that are not re-traced here.
        if default.idd is not None and default.idd.match(digits):
            raise _Unsure
        cc = default.country_code
        regions = default.regions
        plan = default
        nsn = digits
        cc_digits = default.cc_text
        if digits.startswith(cc_digits):
            # Re-traces _maybe_extract_country_code: "7 701 234 5678" in KZ is read as +7 when
            # the digits are not a national number as they stand but are one without the "7".
            rest = _strip_national_prefix(digits[len(cc_digits) :], default)
            general = default.general_pattern
            if (general.fullmatch(digits) is None and general.fullmatch(rest) is not None) or _too_long(
                len(digits), default
            ):
                nsn = rest
                # As in parse(): a country code found in the number selects its main region.
                if regions and regions[0] != default.region:
                    plan = _plan(regions[0])
    if plan is None or not regions:
        raise _Unsure
    if len(nsn) < _MIN_NSN:
        return None
    # The library keeps the national-prefix-stripped form only if its length is possible.
    candidate = _strip_national_prefix(nsn, plan)
    if _length_allows_stripping(len(candidate), plan):
        nsn = candidate
    if len(nsn) > _MAX_NSN or len(nsn) < _MIN_NSN:
        return None
    # Same as region_code_for_number followed by is_valid_number_for_region.
    target: _Plan | None = plan
    if len(regions) > 1:
        target = None
        for region in regions:
            p = _plan(region)
            if p is None:
                raise _Unsure
            if p.leading_digits is not None:
                if p.leading_digits.match(nsn):
                    target = p
                    break
            elif _is_valid_for(nsn, p):
                target = p
                break
    if target is None or not _is_valid_for(nsn, target):
        return None
    return f"+{cc}{nsn}"


def _slow_e164(text: str, default_region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, default_region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _e164(text: str, default_region: str) -> str | None:
    cleaned = text.translate(_SEPARATORS)
    plus = cleaned.startswith("+")
    digits = cleaned[1:] if plus else cleaned
    if digits and _ASCII_DIGITS.issuperset(digits) and len(text) <= _MAX_INPUT:
        try:
            return _fast_e164(digits, plus, default_region)
        except _Unsure:
            pass
    return _slow_e164(text, default_region)


def normalize_phone(raw: str, *, default_region: str, field: str = "phone") -> str:
    """Return ``raw`` as an E.164 string ("+821012345678") or raise ``ValidationError(field, ...)``.

    National numbers are read as dialled in ``default_region`` (ISO 3166-1 alpha-2, e.g. "KR"
    for the host country). "00" followed by a country code is accepted as international even in
    regions whose own international prefix is different. Raises ``ValueError`` if
    ``default_region`` is not a region libphonenumber knows (a configuration error).
    """
    region = default_region.upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown phone region {default_region!r}")
    text = raw.strip()
    if not text:
        raise ValidationError(field, Msg("phone.empty"))
    result = _e164(text, region)
    if result is not None:
        return result
    cleaned = text.translate(_SEPARATORS)
    if cleaned.startswith("00"):
        # "00" is the international prefix in most of the world, so people write it even where
        # the local one differs (Korea: 001, 002…; Kazakhstan: 8 10). Tried only after the
        # region's own reading failed, so a valid local interpretation always wins.
        result = _e164("+" + cleaned[2:], region)
        if result is not None:
            return result
    shown = text if len(text) <= 40 else text[:40] + "…"
    international = cleaned.startswith(("+", "\uff0b", "00"))
    if international:
        raise ValidationError(field, Msg("phone.invalid", value=shown))
    # The country is named in the reader's language where the catalog knows it ("Республики Корея").
    country = Msg(f"country.{region}") if f"country.{region}" in CATALOG else region
    raise ValidationError(field, Msg("phone.invalid_for", value=shown, region=country))


def is_mobile(e164: str) -> bool:
    """True if an E.164 number is a mobile (or could be: some plans do not tell mobile apart).

    Returns False for anything that does not parse as an international number.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return False
    return phonenumbers.number_type(number) in _MOBILE_TYPES
