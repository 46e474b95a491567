# SPDX-License-Identifier: EUPL-1.2
"""A QR code as a QPixmap, rendered in memory with segno (for the device sign-in)."""

from __future__ import annotations

import io

from PySide6.QtGui import QColor, QPixmap


def qr_pixmap(data: str, size: int, dark: QColor, light: QColor, dpr: float = 1.0) -> QPixmap:
    """``data`` as a QR code of about ``size`` logical pixels (whole modules, crisp)."""
    import segno  # after the first paint only

    code = segno.make(data, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=2)[0]
    scale = max(1, round(size * dpr) // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2,
              dark=dark.name(), light=light.name())
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    pixmap.setDevicePixelRatio(dpr)
    return pixmap
