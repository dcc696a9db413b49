// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "screenshot.h"

#include <views/document/outputfile.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QWidget>

namespace nimbus::app {

bool saveScreenshot(QWidget &widget, const QString &path, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    const QByteArray format = suffix.isEmpty() ? QByteArray("png") : suffix;
    if (!QImageWriter::supportedImageFormats().contains(format))
        return fail(
            QCoreApplication::translate("Screenshot", "%1: unknown image format '.%2' (use .png)")
                .arg(QDir::toNativeSeparators(path), QString::fromLatin1(suffix)));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!widget.grab().save(&buffer, format.constData()))
        return fail(QCoreApplication::translate("Screenshot", "%1: the image could not be made")
                        .arg(QDir::toNativeSeparators(path)));
    return views::writeOutputFile(path, bytes, error);
}

} // namespace nimbus::app
