"""Notice templates: reviewed wording as data, one TOML file per kind and language.

``resources/notices/common/<lang>.toml`` holds what every notice in a language shares (the state's
name, labels); ``resources/notices/<kind>/<lang>.toml`` holds one kind's wording with an ``id`` and a
``version``, so templates pushed later by headquarters can be told apart. The exact sources a notice
was made from are kept with it (see :class:`TemplateBundle`), so a re-print uses the same words.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, as_msg
from embassy_desk.notices.kinds import KINDS, KindSpec, Layout, allowed_fields, kind_spec
from embassy_desk.notices.text import LANGUAGES, placeholders
from embassy_desk.resources import notices_dir

BLOCK_KINDS = ("heading", "text", "bullets", "fields", "contacts", "signature", "code", "checkin")
CARD_TEXTS = ("statement", "nationality", "name_label", "passport_label", "embassy_label")
COMMON_LABELS = (
    "reference",
    "date",
    "page",
    "address",
    "phone",
    "hotline",
    "email",
    "signature",
    "seal",
    "official",
    "preview",
)


class TemplateError(ValidationError):
    """A template file that is missing or malformed; the message names the file."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__("template", Msg("template.in_file", source=source, message=as_msg(message)))


@dataclass(frozen=True)
class Block:
    """One piece of a letter's body."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()

    def strings(self) -> list[str]:
        return [self.text, *self.items, *(s for pair in self.pairs for s in pair)]


@dataclass(frozen=True)
class Template:
    """One kind's wording in one language, with the shared labels of that language."""

    kind: str
    language: str
    version: int
    state_name: str
    labels: Mapping[str, str]
    title: str
    greeting: str = ""
    greeting_general: str = ""
    body: tuple[Block, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)

    def strings(self) -> list[str]:
        out = [self.title, self.greeting, self.greeting_general, *self.texts.values()]
        for block in self.body:
            out.extend(block.strings())
        return out


@dataclass(frozen=True)
class TemplateBundle:
    """The templates of one kind in the languages of a notice, with the exact sources they came from."""

    kind: str
    sources: Mapping[str, str]  # relative path -> TOML text
    templates: Mapping[str, Template]  # language -> template

    @property
    def sha256(self) -> str:
        return bundle_digest(self.sources)

    @property
    def versions(self) -> dict[str, int]:
        return {lang: t.version for lang, t in self.templates.items()}


def bundle_digest(sources: Mapping[str, str]) -> str:
    """SHA-256 naming a set of template sources."""
    canonical = json.dumps(dict(sources), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _parse(source: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(source, str(exc)) from exc


def _str(data: Mapping[str, Any], key: str, source: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(source, Msg("template.non_empty_string", key=key))
    return value


def _str_table(data: Mapping[str, Any], key: str, source: str) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise TemplateError(source, Msg("template.strings_only", key=key))
    return dict(table)


def _block(raw: Any, source: str) -> Block:
    if not isinstance(raw, dict):
        raise TemplateError(source, Msg("template.body_table"))
    kinds = [k for k in BLOCK_KINDS if k in raw]
    if len(kinds) != 1:
        raise TemplateError(source, Msg("template.body_kind", kinds=", ".join(BLOCK_KINDS)))
    kind = kinds[0]
    value = raw[kind]
    if kind == "bullets":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TemplateError(source, Msg("template.bullets"))
        return Block(kind, items=tuple(value))
    if kind == "fields":
        if not isinstance(value, list) or not all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(s, str) for s in v) for v in value
        ):
            raise TemplateError(source, Msg("template.fields"))
        return Block(kind, pairs=tuple((a, b) for a, b in value))
    if kind == "checkin":
        # [heading, text, ...]: the panel with the person's check-in link; its URL and QR code are
        # drawn per notice (render.py), the words are the template's.
        if (
            not isinstance(value, list)
            or not 2 <= len(value) <= 3
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise TemplateError(source, Msg("checkin.notice_block"))
        return Block(kind, text=value[0], items=tuple(value[1:]))
    if kind in {"contacts", "signature"}:
        return Block(kind, text=value if isinstance(value, str) else "")
    if not isinstance(value, str):
        raise TemplateError(source, Msg("template.string", kind=kind))
    return Block(kind, text=value)


def parse_template(
    spec: KindSpec, language: str, common_source: tuple[str, str], kind_source: tuple[str, str]
) -> Template:
    """Build and check one template from its two TOML files ((path, text) pairs)."""
    common_path, common_text = common_source
    path, text = kind_source
    common = _parse(common_path, common_text)
    data = _parse(path, text)
    if data.get("id") != spec.id:
        raise TemplateError(path, Msg("template.id", expected=spec.id))
    if data.get("language") != language or common.get("language") != language:
        raise TemplateError(path, Msg("template.language", expected=language))
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise TemplateError(path, Msg("template.version"))
    labels = _str_table(common, "labels", common_path)
    missing = [k for k in COMMON_LABELS if not labels.get(k)]
    if missing:
        raise TemplateError(common_path, Msg("template.labels_missing", keys=", ".join(missing)))
    body = data.get("body", [])
    if not isinstance(body, list):
        raise TemplateError(path, Msg("template.body_array"))
    template = Template(
        kind=spec.id,
        language=language,
        version=version,
        state_name=_str(common, "state_name", common_path),
        labels=labels,
        title=_str(data, "title", path),
        greeting=_str(data, "greeting", path, required=False),
        greeting_general=_str(data, "greeting_general", path, required=False),
        body=tuple(_block(b, path) for b in body),
        texts=_str_table(data, "texts", path),
        defaults=_str_table(data, "defaults", path),
    )
    if spec.layout is Layout.CARD:
        missing = [k for k in CARD_TEXTS if not template.texts.get(k)]
        if missing:
            raise TemplateError(path, Msg("template.texts_missing", keys=", ".join(missing)))
    elif not template.body:
        raise TemplateError(path, Msg("template.letter_body"))
    if not spec.checkin and any(block.kind == "checkin" for block in template.body):
        kinds = ", ".join(k.id for k in KINDS.values() if k.checkin)
        raise TemplateError(path, Msg("checkin.notice_block_kind", kind=spec.id, kinds=kinds))
    allowed = allowed_fields(spec)
    unknown = sorted({name for s in template.strings() for name in placeholders(s)} - allowed)
    unknown += sorted(set(template.defaults) - set(spec.params))
    if unknown:
        raise TemplateError(
            path, Msg("template.unknown_fields", fields=", ".join("{" + u + "}" for u in unknown))
        )
    return template


def check_languages(languages: Sequence[str]) -> list[str]:
    """The notice languages, checked, without repeats."""
    out: list[str] = []
    for lang in languages:
        code = lang.strip().casefold()
        if code not in LANGUAGES:
            raise ValidationError(
                "lang", Msg("notice.not_a_language", lang=lang, languages=", ".join(LANGUAGES))
            )
        if code not in out:
            out.append(code)
    if not out:
        raise ValidationError("lang", Msg("notice.give_language"))
    return out


def _read(root: Path, relative: str) -> str:
    try:
        return (root / relative).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(relative, Msg("template.missing")) from None


def load_bundle(
    kind: str, languages: Sequence[str], *, sources: Mapping[str, str] | None = None, root: Path | None = None
) -> TemplateBundle:
    """The templates of ``kind`` in ``languages``: from ``sources`` (a kept bundle) or from disk."""
    spec = kind_spec(kind)
    folder = root or notices_dir()
    kept: dict[str, str] = {}
    templates: dict[str, Template] = {}
    for lang in check_languages(languages):
        common_path, kind_path = f"common/{lang}.toml", f"{kind}/{lang}.toml"
        for rel in (common_path, kind_path):
            if rel not in kept:
                kept[rel] = sources[rel] if sources is not None and rel in sources else _read(folder, rel)
        templates[lang] = parse_template(
            spec, lang, (common_path, kept[common_path]), (kind_path, kept[kind_path])
        )
    return TemplateBundle(kind, kept, templates)


def available_kinds() -> list[KindSpec]:
    """Every kind, in the order they are listed."""
    return list(KINDS.values())
