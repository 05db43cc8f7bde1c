"""``embassy-desk demo --data-dir D``: an existing empty folder is accepted; a folder in use is not."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import Cli

SMALL = ("demo", "--citizens", "50", "--kdf-target-ms", "50")


def test_demo_builds_in_an_existing_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    done = Cli(folder)(*SMALL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Demo post ready" in done.stdout and "50 citizens" in done.stdout
    assert (folder / "registry.db").is_file()
    assert any((folder / "logs").iterdir()), "the command's own log is kept in the new post"


def test_demo_refuses_a_folder_with_other_files_and_leaves_them(tmp_path: Path) -> None:
    folder = tmp_path / "in-use"
    folder.mkdir()
    keep = folder / "notes.txt"
    keep.write_text("not ours", encoding="utf-8")
    done = Cli(folder)(*SMALL)
    assert done.returncode == 2
    assert f"{folder} is not empty; use --reset or another --data-dir." in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["logs", "notes.txt"]
    assert keep.read_text(encoding="utf-8") == "not ours"


def test_demo_refuses_a_file_given_as_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    done = Cli(target)(*SMALL)
    assert done.returncode == 2
    assert "is a file, not a folder" in done.stdout
    assert target.read_text(encoding="utf-8") == "x"
