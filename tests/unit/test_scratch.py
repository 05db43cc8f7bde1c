"""The data folder's private scratch area (issue 10, defect 6): private, and leftovers are cleaned."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from embassy_desk.storage.files import SCRATCH_DIR_NAME, clean_scratch, private_tempdir, scratch_dir

POSIX = os.name == "posix"


def test_scratch_dir_is_private_and_inside_the_data_folder(tmp_path: Path) -> None:
    area = scratch_dir(tmp_path / "data")
    assert area == tmp_path / "data" / SCRATCH_DIR_NAME
    if POSIX:
        assert stat.S_IMODE(area.stat().st_mode) == 0o700
    with private_tempdir(area) as folder:
        assert folder.parent == area
        if POSIX:
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert list(area.iterdir()) == []


def test_a_folder_in_use_survives_a_clean_and_a_killed_owners_folder_does_not(tmp_path: Path) -> None:
    area = scratch_dir(tmp_path)
    stray = area / "copy.db-journal"
    stray.write_bytes(b"left by a killed backup")
    # A process killed inside its scratch folder: its lock dies with it.
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from embassy_desk.storage.files import private_tempdir\n"
        "with private_tempdir(Path(sys.argv[1])) as d:\n"
        "    (d / 'registry.db').write_bytes(b'x' * 100)\n"
        "    print(d, flush=True)\n"
        "    os._exit(9)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(area)], capture_output=True, text=True, timeout=60, check=False
    )
    killed = Path(done.stdout.strip())
    assert killed.is_dir()
    with private_tempdir(area) as mine:
        (mine / "data").write_bytes(b"in use")
        assert clean_scratch(tmp_path) == 2
        assert mine.is_dir() and (mine / "data").exists()
        assert not killed.exists() and not stray.exists()
    assert list(area.iterdir()) == []


def test_clean_without_a_scratch_area_does_nothing(tmp_path: Path) -> None:
    assert clean_scratch(tmp_path) == 0
    assert not (tmp_path / SCRATCH_DIR_NAME).exists()


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_scratch_dir_tightens_a_loosened_folder(tmp_path: Path) -> None:
    loose = tmp_path / SCRATCH_DIR_NAME
    loose.mkdir(mode=0o777)
    os.chmod(loose, 0o777)  # noqa: S103 - deliberately loose
    scratch_dir(tmp_path)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700
