"""dev.py demo checks the system libraries of Qt's xcb plugin first, instead of ending in Qt's abort."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dev = load_dev()
X11 = {"DISPLAY": ":0"}


def finder(*missing: str) -> object:
    return lambda soname: soname not in missing


def test_missing_libraries_give_the_exact_apt_line() -> None:
    find = finder("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libEGL.so.1")
    problem = dev.screen_libraries_problem(X11, "linux", find)
    assert problem is not None
    assert "  sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libegl1\n" in problem


def test_nothing_missing_means_no_problem() -> None:
    assert dev.screen_libraries_problem(X11, "linux", finder()) is None


def test_every_library_checked_names_its_package_once() -> None:
    everything = dev.missing_packages(lambda _soname: False)
    assert len(everything) == len(set(everything)) == len(set(dev.XCB_LIBRARIES.values()))
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert package in everything


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({}, "linux", False),  # no screen: the app prints its command reference instead
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", True),
        ({"DISPLAY": ":0"}, "win32", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_only_a_window_through_xcb_is_checked(env: dict[str, str], platform: str, expected: bool) -> None:
    assert dev.uses_xcb(env, platform) is expected
    problem = dev.screen_libraries_problem(env, platform, lambda _soname: False)
    assert (problem is not None) is expected


@given(
    env=st.dictionaries(
        st.sampled_from(["DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM"]),
        st.sampled_from(["", ":0", "x11", "wayland", "xcb", "offscreen", "wayland;xcb", "eglfs"]),
    ),
    platform=st.sampled_from(["linux", "win32", "darwin"]),
)
def test_a_platform_other_than_xcb_is_never_blocked(env: dict[str, str], platform: str) -> None:
    chosen = env.get("QT_QPA_PLATFORM", "")
    if platform != "linux" or (chosen and not chosen.startswith("xcb")):
        assert dev.screen_libraries_problem(env, platform, lambda _soname: False) is None


def test_demo_stops_before_installing_anything(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = load_dev()
    monkeypatch.setattr(module, "library_loads", finder("libxcb-cursor.so.0"))
    monkeypatch.setenv("DISPLAY", ":0")
    for name in ("QT_QPA_PLATFORM", "XDG_SESSION_TYPE", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")

    def must_not_run() -> Path:
        raise AssertionError("dev.py installed or built before saying what is missing")

    monkeypatch.setattr(module, "ensure_installed", must_not_run)
    assert module.cmd_demo([]) == module.MISSING_LIBRARIES_EXIT != 0
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0\n" in err


def test_the_real_loader_finds_the_c_library() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("sonames are a Linux matter")
    assert dev.library_loads("libc.so.6")
    assert not dev.library_loads("libembassy-desk-no-such-library.so.0")
