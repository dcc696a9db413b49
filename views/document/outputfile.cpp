// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "outputfile.h"

#include <model/io/atomicfile.h>

#include <QFile>

#include <string>
#include <string_view>

namespace nimbus::views {

bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error)
{
    std::string problem;
    if (model::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                   std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                   problem))
        return true;
    if (error)
        *error = QFile::decodeName(QByteArray::fromStdString(problem));
    return false;
}

} // namespace nimbus::views
