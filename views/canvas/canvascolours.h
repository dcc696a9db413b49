// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

namespace nimbus::views {

/// The colours of the canvas around the service boxes, for the light and the dark theme.
/// The boxes themselves keep their light card look in both (their category colours are
/// made for a light fill); diagram exports always use the light set, for slides.
struct CanvasColours
{
    QColor background;
    QColor grid;
    QColor groupFill;
    QColor groupBorder;
    QColor groupTitle;
    QColor note;
    QColor connection;
    QColor selection;

    static CanvasColours light()
    {
        return {QColor(0xf7, 0xf8, 0xfa), QColor(0xd5, 0xda, 0xe2), QColor(0xee, 0xf1, 0xf6), QColor(0x9a, 0xa5, 0xb8),
                QColor(0x3c, 0x46, 0x57), QColor(0x44, 0x44, 0x44), QColor(0x55, 0x5f, 0x70), QColor(0x1a, 0x73, 0xe8)};
    }
    static CanvasColours dark()
    {
        return {QColor(0x1c, 0x1e, 0x22), QColor(0x3a, 0x3e, 0x45), QColor(0x27, 0x2b, 0x31), QColor(0x5f, 0x68, 0x77),
                QColor(0xd6, 0xdb, 0xe4), QColor(0xc8, 0xcd, 0xd6), QColor(0xa3, 0xab, 0xb8), QColor(0x5c, 0x9d, 0xff)};
    }
    friend bool operator==(const CanvasColours &, const CanvasColours &) = default;
};

} // namespace nimbus::views
