// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QRectF>

#include <string>

class QPainter;

namespace nimbus::views {

/// The icon of a service type (resources/icons/<type>.svg, compiled into the program),
/// or the generic icon for types without one. Rendered from SVG at any size, so it stays
/// crisp on HiDPI screens and at every zoom level.
QIcon serviceIcon(const std::string &typeId);

/// Paints the icon of `typeId` into `rect` (canvas boxes).
void paintServiceIcon(QPainter &painter, const QRectF &rect, const std::string &typeId);

} // namespace nimbus::views
