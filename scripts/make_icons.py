"""Render resources/icons/tfdesk.svg to the app's PNG, ICO and ICNS icons.

Rerun after editing the SVG:  python scripts/make_icons.py
(needs PySide6 and Pillow; runs offscreen, no display needed).
"""

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def render(renderer, size):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def to_pillow(image):
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(buffer.data().data())).convert("RGBA")


def main():
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs one)
    renderer = QSvgRenderer(str(ICONS / "tfdesk.svg"))
    if not renderer.isValid():
        raise SystemExit("cannot read tfdesk.svg")
    pngs = {}
    for size in PNG_SIZES:
        pngs[size] = to_pillow(render(renderer, size))
        pngs[size].save(ICONS / f"tfdesk-{size}.png")
    # Every ICO/ICNS size is a real render, not a Pillow downscale.
    pngs[256].save(ICONS / "tfdesk.ico", sizes=[(s, s) for s in ICO_SIZES],
                   append_images=[pngs[s] for s in ICO_SIZES])
    # ICNS also wants 1024 px (512@2x): render that one in memory only.
    to_pillow(render(renderer, 1024)).save(ICONS / "tfdesk.icns",
                                           append_images=[pngs[s] for s in (32, 64, 128, 256, 512)])
    print("wrote", ", ".join(sorted(p.name for p in ICONS.iterdir() if p.suffix != ".svg")))


if __name__ == "__main__":
    main()
