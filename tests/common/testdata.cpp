// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "testdata.h"

#include <app/cli/builtincatalog.h>

#include <QDir>
#include <QFile>

#include <sstream>
#include <stdexcept>

namespace nimbus::tests {

CommandRun runCommand(CommandFn command, const QStringList &args)
{
    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a.toStdString());
    std::ostringstream out;
    std::ostringstream err;
    CommandRun r;
    r.code = command(argv, out, err);
    r.out = QString::fromStdString(out.str());
    r.err = QString::fromStdString(err.str());
    return r;
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(NIMBUS_TESTS_SOURCE_DIR)).filePath(relative);
}

const model::Catalog &builtinCatalog()
{
    static const model::CatalogLoadResult result = app::loadCatalog();
    if (!result.ok()) {
        std::string text;
        for (const auto &d : result.diagnostics)
            text += d.toString() + '\n';
        throw std::runtime_error("built-in catalog does not load:\n" + text);
    }
    return result.catalog;
}

std::string readSourceFile(const QString &relative)
{
    QFile file(sourcePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + relative.toStdString());
    return file.readAll().toStdString();
}

} // namespace nimbus::tests
