// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Small conversions shared by the canvas files (not part of the views API).

#include <model/core/ids.h>

#include <QString>

#include <cmath>

namespace nimbus::views::canvas {

inline QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

inline model::NodeId nodeId(const QString &id)
{
    return model::NodeId(id.toStdString());
}

/// `value` rounded to the nearest multiple of `grid`.
inline qreal snapped(qreal value, qreal grid)
{
    return std::round(value / grid) * grid;
}

} // namespace nimbus::views::canvas
