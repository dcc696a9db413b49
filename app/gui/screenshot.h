// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace nimbus::app {

/// Saves a picture of `widget` as it is drawn now (`nimbus --screenshot`) to `path`, in the
/// image format its extension names (PNG when it has none), written the way Nimbus writes
/// every file (views::writeOutputFile). False with `error` set, naming the file and the
/// reason; nothing is then left under `path` and a previous file there is unchanged.
bool saveScreenshot(QWidget &widget, const QString &path, QString *error);

} // namespace nimbus::app
