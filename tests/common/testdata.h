// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/catalog.h>

#include <QString>
#include <QStringList>

#include <iosfwd>
#include <string>
#include <vector>

namespace nimbus::tests {

/// Absolute path of a file below the source tree ("tests/data/x.nimbus").
QString sourcePath(const QString &relative);

/// The built-in catalog, loaded once; fails the calling test if it does not load.
const model::Catalog &builtinCatalog();

/// What a command-line action printed and returned.
struct CommandRun
{
    int code = -1;
    QString out;
    QString err;
};

/// A command-line entry point (runCli, runRender, runReport).
using CommandFn = int (*)(const std::vector<std::string> &, std::ostream &, std::ostream &);

/// Runs `command` in-process with `args`, capturing what it writes.
CommandRun runCommand(CommandFn command, const QStringList &args);

/// The contents of a file below the source tree.
std::string readSourceFile(const QString &relative);

} // namespace nimbus::tests
