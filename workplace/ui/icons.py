# SPDX-License-Identifier: EUPL-1.2
"""Bundled line icons (resources/icons/*.svg), tinted to any colour and cached.

The icons are drawn with ``currentColor``; :func:`pixmap` substitutes the colour
before rendering, so one file serves the accent colour, the dark theme and high
contrast alike. Icons given as URLs fall back to ``generic`` for now: remote icon
download is a later issue and plugs in at :meth:`IconCache.service_icon`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer

FALLBACK = "generic"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@cache
def svg_source(name: str) -> str | None:
    """The text of the bundled icon ``name``, or None if there is no such icon."""
    if not _NAME.match(name):
        return None
    resource = files("workplace.resources").joinpath("icons", f"{name}.svg")
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


def has_icon(name: str) -> bool:
    return svg_source(name) is not None


def icon_name_for(spec: str) -> str:
    """The bundled icon to show for a service's ``icon`` value (a name or a URL)."""
    if spec and "://" not in spec and has_icon(spec):
        return spec
    # Hook for remote icons (a later issue): download via the net session factory
    # in a job, cache under Paths.cache_dir/icons and return its path here.
    return FALLBACK


_pixmaps: dict[tuple[str, str, int, float], QPixmap] = {}


def pixmap(name: str, colour: QColor | str, size: int, dpr: float = 1.0) -> QPixmap:
    """The icon ``name`` rendered at ``size`` logical pixels in ``colour`` (cached)."""
    hex_colour = QColor(colour).name(QColor.NameFormat.HexArgb)
    key = (name, hex_colour, size, dpr)
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    source = svg_source(name) or svg_source(FALLBACK) or ""
    rgb = QColor(colour)
    svg = source.replace("currentColor", rgb.name(QColor.NameFormat.HexRgb))
    if rgb.alpha() < 255:
        svg = svg.replace("<svg ", f'<svg opacity="{rgb.alphaF():.3f}" ', 1)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QPixmap(QSize(round(size * dpr), round(size * dpr)))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size * dpr, size * dpr))
    painter.end()
    image.setDevicePixelRatio(dpr)
    _pixmaps[key] = image
    return image


def icon(name: str, colour: QColor | str, size: int = 24, dpr: float = 1.0) -> QIcon:
    """A QIcon of ``name`` in ``colour``; for buttons and menus."""
    result = QIcon()
    result.addPixmap(pixmap(name, colour, size, dpr))
    if dpr < 2:
        result.addPixmap(pixmap(name, colour, size, 2.0))
    return result


def badge(
    spec: str, background: QColor | str, foreground: QColor | str, size: int, dpr: float
) -> QPixmap:
    """The organisation's logo as a rounded square: ``spec``'s icon on the accent colour."""
    canvas = QPixmap(round(size * dpr), round(size * dpr))
    canvas.setDevicePixelRatio(dpr)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    radius = size / 4
    path.addRoundedRect(QRectF(0, 0, size, size), radius, radius)
    painter.fillPath(path, QColor(background))
    glyph_size = round(size * 0.62)
    offset = (size - glyph_size) / 2
    painter.drawPixmap(
        round(offset), round(offset), pixmap(icon_name_for(spec), foreground, glyph_size, dpr)
    )
    painter.end()
    return canvas


def app_icon() -> QIcon:
    """The application's own (full colour) icon."""
    result = QIcon()
    source = svg_source("app") or ""
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QPixmap(size, size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(image)
    return result


def clear_cache() -> None:
    _pixmaps.clear()
