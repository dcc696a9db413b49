// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace nimbus::views {

/// Writes `bytes`, produced in memory by a Qt writer (QPdfWriter, QSvgGenerator and QImage
/// all draw into a QBuffer), to `path` the one way Nimbus writes files
/// (model::writeFileAtomically: temporary file, checked complete, flushed, renamed; links
/// written through; devices, FIFOs and directories refused). False with `error` set to a
/// message naming the file and the reason; the previous file is then unchanged.
bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace nimbus::views
