# SPDX-License-Identifier: EUPL-1.2
"""The application's icon is drawn at the size asked for, when it is asked for.

It used to be rendered at seven sizes (16 to 256 px) before the window was built, twice,
on every start: about 5 ms before the first paint, most of it the 256 px size that
nothing asked for. Now Qt's own rule for SVG icons holds: no sizes listed, each drawn
on demand and kept. The window's icon on a real X server is in tests/e2e/test_window_e2e.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from workplace.ui import icons


def _coloured(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).alpha() > 0)


def _saturation(image: QImage) -> int:
    return max(QColor(image.pixelColor(x, y)).hsvSaturation()
               for y in range(image.height()) for x in range(image.width()))


def test_the_app_icon_draws_each_size_when_asked(qapp: Any) -> None:
    icon = icons.app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() == []  # scalable: each platform asks for its sizes
    for size in (16, 48, 256):
        image = icon.pixmap(QSize(size, size)).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert _coloured(image) > size * size // 4, f"{size} px: nothing drawn"
    sharp = icon.pixmap(QSize(32, 32), 2.0)  # a HiDPI screen
    assert sharp.devicePixelRatio() == 2.0
    assert (sharp.width(), sharp.height()) == (64, 64)
    assert icons.app_icon() is icon  # one for the window, the application and the tray


def test_a_disabled_app_icon_is_greyed(qapp: Any) -> None:
    icon = icons.app_icon()
    normal = icon.pixmap(QSize(32, 32)).toImage()
    disabled = icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
    assert _saturation(normal) > 60  # the full-colour icon
    assert _saturation(disabled) < 20
    assert _coloured(disabled) > 0


def test_the_icon_with_the_unread_count_is_drawn_from_it(qapp: Any) -> None:
    counted = icons.app_icon_with_count(7)
    assert [s.width() for s in counted.availableSizes()] == [16, 24, 32, 48, 64, 128, 256]
    plain = icons.app_icon().pixmap(QSize(64, 64)).toImage()
    marked = counted.pixmap(QSize(64, 64)).toImage()
    assert plain.pixelColor(60, 6) != marked.pixelColor(60, 6)  # the red disc, top right
