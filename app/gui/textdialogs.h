// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace nimbus::app {

/// Asks for one line of text of at most `maxLength` characters (the field takes no more);
/// std::nullopt when cancelled.
std::optional<QString> askLine(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial, int maxLength);

/// Asks for a text of several lines of at most `maxLength` characters. A longer text is
/// refused with a message saying the limit and offered again for editing, so that nothing
/// typed is lost; std::nullopt when cancelled.
std::optional<QString> askLines(QWidget *parent, const QString &title, const QString &label,
                                const QString &initial, int maxLength);

} // namespace nimbus::app
