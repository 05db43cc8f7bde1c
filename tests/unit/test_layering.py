"""Architecture rules: the core never needs Qt, the domain is pure, storage sits below services.

Imports are read with ``ast`` (nothing is imported), so a rule holds for every code path,
including imports inside functions and ``if TYPE_CHECKING:`` blocks. Relative imports are
resolved, and ``importlib.import_module("...")`` / ``__import__("...")`` with a literal name count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "embassy_desk"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    module: str

    def __str__(self) -> str:
        return f"{self.file.relative_to(PACKAGE_ROOT.parent)}:{self.line}: imports {self.module}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(current: str, is_package: bool, level: int, module: str | None) -> str:
    """Absolute name of ``from <level dots><module> import ...`` written in ``current``."""
    if level == 0:
        return module or ""
    base = current.split(".")
    if not is_package:
        base.pop()
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_in(source: str, *, file: Path, current: str, is_package: bool) -> Iterator[Import]:
    """Every module ``source`` imports, with its line number."""
    for node in ast.walk(ast.parse(source, filename=str(file))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(file, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(current, is_package, node.level, node.module)
            yield Import(file, node.lineno, base)
            for alias in node.names:
                # ``from embassy_desk import storage`` imports the submodule embassy_desk.storage.
                if alias.name != "*":
                    yield Import(file, node.lineno, f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                name in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield Import(file, node.lineno, first.value)


def python_files(under: str = "") -> list[Path]:
    root = PACKAGE_ROOT / under if under else PACKAGE_ROOT
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def all_imports(files: list[Path]) -> list[Import]:
    found: list[Import] = []
    for path in files:
        found.extend(
            imports_in(
                path.read_text(encoding="utf-8"),
                file=path,
                current=module_name(path),
                is_package=path.name == "__init__.py",
            )
        )
    return found


def is_under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return sorted({str(i) for i in all_imports(files) if is_under(i.module, forbidden)})


def core_files() -> list[Path]:
    gui = PACKAGE_ROOT / "gui"
    return [p for p in python_files() if gui not in p.parents]


RULES: dict[str, tuple[list[Path], tuple[str, ...]]] = {
    "core never imports Qt": (core_files(), QT_MODULES),
    "domain is pure": (
        python_files("domain"),
        (
            "embassy_desk.storage",
            "embassy_desk.services",
            "embassy_desk.cli",
            "embassy_desk.gui",
            "sqlalchemy",
            "sqlcipher3",
            *QT_MODULES,
        ),
    ),
    "storage sits below services": (
        python_files("storage"),
        ("embassy_desk.services", "embassy_desk.cli", "embassy_desk.gui"),
    ),
    # Rendering works on plain values: the services fetch records and record what was issued.
    "notices render without the database": (
        python_files("notices"),
        ("embassy_desk.services", "embassy_desk.cli", "embassy_desk.gui", "sqlalchemy", "sqlcipher3"),
    ),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_layering(rule: str) -> None:
    files, forbidden = RULES[rule]
    assert files, f"{rule}: no files found under {PACKAGE_ROOT}"
    bad = offenders(files, forbidden)
    assert not bad, f"{rule}; offending imports:\n" + "\n".join(bad)


# --- the checker itself -----------------------------------------------------------------------


def test_checker_sees_real_imports() -> None:
    """Guards against a rule passing vacuously because nothing was parsed."""
    modules = {i.module for i in all_imports(python_files())}
    assert "embassy_desk.domain.translit" in modules
    assert "sqlcipher3" in modules
    assert "sqlalchemy" in modules
    assert PACKAGE_ROOT / "domain" / "citizen.py" in core_files()


def test_checker_finds_every_import_form() -> None:
    source = "\n".join(
        [
            "import PySide6.QtWidgets",
            "from ..storage import engine",
            "from . import vault",
            "def later():",
            "    from embassy_desk import services",
            "    importlib.import_module('qtpy')",
            "if TYPE_CHECKING:",
            "    from sqlalchemy import Connection",
        ]
    )
    fake = PACKAGE_ROOT / "domain" / "fake.py"
    found = list(imports_in(source, file=fake, current="embassy_desk.domain.fake", is_package=False))
    by_line = {(i.line, i.module) for i in found}
    assert (1, "PySide6.QtWidgets") in by_line
    assert (2, "embassy_desk.storage.engine") in by_line
    assert (3, "embassy_desk.domain.vault") in by_line
    assert (5, "embassy_desk.services") in by_line
    assert (6, "qtpy") in by_line
    assert (8, "sqlalchemy") in by_line
    assert str(found[0]) == "embassy_desk/domain/fake.py:1: imports PySide6.QtWidgets"


def test_relative_import_in_package_init() -> None:
    assert _resolve("embassy_desk.domain", True, 1, "iin") == "embassy_desk.domain.iin"
    assert _resolve("embassy_desk.domain", True, 2, "storage") == "embassy_desk.storage"
    assert _resolve("embassy_desk.domain.iin", False, 1, None) == "embassy_desk.domain"


def test_prefix_match_is_by_dotted_component() -> None:
    assert is_under("PySide6.QtCore", QT_MODULES)
    assert not is_under("qtpyx", QT_MODULES)
    assert not is_under("embassy_desk.storage_helpers", ("embassy_desk.storage",))
