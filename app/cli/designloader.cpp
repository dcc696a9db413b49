// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "builtincatalog.h"

#include <model/io/projectfile.h>

#include <ostream>

namespace nimbus::app {

namespace {

void print(const model::Diagnostics &diagnostics, std::ostream &err)
{
    for (const auto &d : diagnostics)
        err << d.toString() << '\n';
}

} // namespace

std::optional<LoadedDesign> loadDesign(const std::string &path, const std::string &catalogDir,
                                       std::ostream &err)
{
    model::CatalogLoadResult catalog = loadCatalog(catalogDir);
    if (!catalog.ok()) {
        print(catalog.diagnostics, err);
        err << "nimbus: the service catalog has errors\n";
        return std::nullopt;
    }
    model::ProjectLoadResult project = model::readProjectFile(path, catalog.catalog);
    print(project.diagnostics, err);
    if (!project.ok())
        return std::nullopt;
    return LoadedDesign{std::move(catalog.catalog), std::move(project.architecture),
                        std::move(project.idLines)};
}

} // namespace nimbus::app
