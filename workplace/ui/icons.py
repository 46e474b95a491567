# SPDX-License-Identifier: EUPL-1.2
"""Bundled line icons (resources/icons/*.svg), tinted to any colour and cached.

The icons are drawn with ``currentColor``; :func:`pixmap` substitutes the colour
before rendering, so one file serves the accent colour, the dark theme and high
contrast alike. Icons given as URLs show ``generic`` until :class:`RemoteIcons` finds
a downloaded copy (``workplace.catalog.icons``); those are drawn untinted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPainterPath,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger("workplace.ui")

FALLBACK = "generic"
REMOTE_RENDER_SIZE = 128
"""Remote icons are decoded once at (at most) this many pixels; painting scales them."""
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _draw_svg(renderer: QSvgRenderer, canvas: QPixmap | QImage, width: float,
              height: float) -> None:
    """``renderer``'s picture, antialiased, in the ``width`` × ``height`` box at the top
    left of ``canvas``, which is cleared to transparent first."""
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()


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
    return FALLBACK  # a URL: RemoteIcons draws the downloaded copy once there is one


def is_remote(spec: str) -> bool:
    return "://" in spec


def decode_icon(path: Path) -> QImage | None:
    """A downloaded icon as an image (SVG rendered, raster scaled down), or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix == ".svg":
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        if size.isEmpty():
            size = QSize(REMOTE_RENDER_SIZE, REMOTE_RENDER_SIZE)
        size.scale(REMOTE_RENDER_SIZE, REMOTE_RENDER_SIZE, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        _draw_svg(renderer, image, size.width(), size.height())
        return image
    image = QImage()
    if not image.loadFromData(data) or image.isNull():
        return None
    if max(image.width(), image.height()) > REMOTE_RENDER_SIZE:
        image = image.scaled(
            REMOTE_RENDER_SIZE, REMOTE_RENDER_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation,
        )
    return image


class RemoteIcons:
    """Downloaded icons for the tiles, read from disk lazily at first paint and kept.

    ``lookup`` is :meth:`workplace.catalog.icons.IconCache.cached` (a few ``stat``
    calls); each icon file is read and decoded once, on the GUI thread, when its tile
    is first painted. An icon that is not on disk yet is looked up again only after
    :meth:`arrived` names it (a download job finished); one that fails to decode keeps
    the generic icon for good.
    """

    def __init__(self, lookup: Callable[[str], Path | None]) -> None:
        self._lookup = lookup
        self._images: dict[str, QImage | None] = {}

    def image(self, url: str) -> QImage | None:
        """The decoded icon for ``url``, or None (not downloaded, or not an image)."""
        if url in self._images:
            return self._images[url]
        path = self._lookup(url)
        image = decode_icon(path) if path is not None else None
        if path is not None and image is None:
            log.info("a downloaded icon could not be decoded; the generic icon stays")
        if path is not None:
            self._images[url] = image  # missing ones are asked again after a download
        return image

    def arrived(self, urls: Iterable[str]) -> list[str]:
        """A download finished: the URLs whose tiles may now look different."""
        changed = [url for url in urls if self._images.get(url) is None]
        for url in changed:
            self._images.pop(url, None)
        return changed


_remote_pixmaps: dict[tuple[int, int], QPixmap] = {}


def remote_pixmap(image: QImage, size: int, dpr: float) -> QPixmap:
    """``image`` scaled to fit a ``size`` square (logical pixels), centred; cached."""
    px = round(size * dpr)
    key = (image.cacheKey(), px)
    cached = _remote_pixmaps.get(key)
    if cached is not None:
        return cached
    scaled = image.scaled(
        px, px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    canvas = QPixmap(px, px)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawImage((px - scaled.width()) // 2, (px - scaled.height()) // 2, scaled)
    painter.end()
    canvas.setDevicePixelRatio(dpr)
    if len(_remote_pixmaps) > 512:
        _remote_pixmaps.clear()
    _remote_pixmaps[key] = canvas
    return canvas


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
    _draw_svg(renderer, image, size * dpr, size * dpr)
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


class _SvgIconEngine(QIconEngine):
    """An SVG drawn at the size asked for, once per size, as Qt's own SVG icon engine
    does: nothing is rendered until a platform asks. It lists no sizes, so each
    platform asks for the ones it shows (X11: 16, 32, 64 and 128 px for the window's
    _NET_WM_ICON; Windows: its small and large icon; offscreen and Wayland: none at
    start)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source = source
        self._renderer: QSvgRenderer | None = None
        self._rendered: dict[tuple[int, int, int], QPixmap] = {}

    def _render(self, size: QSize) -> QPixmap:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._source.encode("utf-8")))
        image = QPixmap(size)
        _draw_svg(self._renderer, image, size.width(), size.height())
        return image

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), int(mode.value))
        cached = self._rendered.get(key)
        if cached is not None:
            return cached
        if size.isEmpty():
            return QPixmap()
        image = self._render(size)
        if mode == QIcon.Mode.Disabled:  # greyed as Qt greys any icon
            from PySide6.QtWidgets import QApplication, QStyleOption

            app = QApplication.instance()
            if isinstance(app, QApplication):
                image = app.style().generatedIconPixmap(mode, image, QStyleOption())
        self._rendered[key] = image
        return image

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        image = self.pixmap(QSize(round(rect.width() * scale), round(rect.height() * scale)),
                            mode, state)
        image.setDevicePixelRatio(scale)
        painter.drawPixmap(rect, image)

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._source)


@cache
def app_icon() -> QIcon:
    """The application's own (full colour) icon, drawn at each size when first asked for
    (:class:`_SvgIconEngine`); one for the program (the window, the tray)."""
    return QIcon(_SvgIconEngine(svg_source("app") or ""))


def app_icon_with_count(count: int) -> QIcon:
    """The application's icon with the unread total on a red disc (the tray): a number,
    capped at "99+", in white on a dark red that keeps 4.5:1 against the white digits."""
    from PySide6.QtGui import QFont

    from workplace.integrations.model import badge_text

    text = badge_text(count)
    result = QIcon()
    base = app_icon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = base.pixmap(size, size).toImage().convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = max(8.0, size * 0.55)
        width = max(height, height * (0.45 + 0.32 * len(text)))
        disc = QRectF(size - width, 0, width, height)
        path = QPainterPath()
        path.addRoundedRect(disc, height / 2, height / 2)
        painter.fillPath(path, QColor("#b3261e"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(height * 0.78)))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
