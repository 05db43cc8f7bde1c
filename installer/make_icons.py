"""Render the application icon from its SVG source into every size the platforms ask for.

    .venv/bin/python installer/make_icons.py

Writes resources/icons/embassy-desk-<size>.png (16 ... 512), embassy-desk.ico (Windows: 16-256 in one file)
and embassy-desk.icns (macOS). The generated files are committed; run this again after changing the SVG.
Qt's SVG renderer draws each size from the vector source (a small icon is not a shrunken large one), and
Pillow packs the PNGs into the ICO and ICNS containers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "embassy-desk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the PNG of ``size`` pixels square is kept."""
    return ICONS / f"embassy-desk-{size}.png"


def render_pngs() -> None:
    """Draw the SVG at each size with Qt (no screen needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"cannot write {png_path(size)}")
    del app


def pack_containers() -> None:
    """The Windows .ico and macOS .icns, made from the PNGs just drawn."""
    from PIL import Image

    largest = Image.open(png_path(256))
    largest.save(
        ICONS / "embassy-desk.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[Image.open(png_path(size)) for size in ICO_SIZES if size != 256],
    )
    Image.open(png_path(512)).save(ICONS / "embassy-desk.icns", format="ICNS")


def main() -> int:
    """Regenerate every icon file."""
    render_pngs()
    pack_containers()
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
