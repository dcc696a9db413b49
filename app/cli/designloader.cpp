// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "builtincatalog.h"

#include <model/core/scenario.h>
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

bool applyScenario(LoadedDesign &design, const std::string &name, const std::string &file,
                   const std::string &command, std::ostream &err)
{
    const model::Architecture &arch = design.architecture;
    const model::Scenario *scenario = model::findScenario(arch, name);
    if (!scenario) {
        err << command << ": " << file << " has no scenario '" << name << "'";
        if (arch.scenarios().empty())
            err << "; it has no scenarios at all";
        for (std::size_t i = 0; i < arch.scenarios().size(); ++i)
            err << (i ? ", '" : "; its scenarios are '") << arch.scenarios()[i].name << "'";
        err << '\n';
        return false;
    }
    for (const model::Diagnostic &d : model::checkScenario(arch, *scenario, design.catalog, file))
        err << d.toString() << '\n';
    design.architecture = model::withScenario(arch, *scenario);
    return true;
}

} // namespace nimbus::app
