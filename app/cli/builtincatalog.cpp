// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "builtincatalog.h"

#include <resources/embeddedfiles.h>

namespace nimbus::app {

model::CatalogLoadResult loadCatalog(const std::string &directory)
{
    if (!directory.empty())
        return model::readCatalogDirectory(directory);
    std::vector<model::SourceText> files;
    for (const auto &file : resources::embeddedFiles()) {
        if (file.path.rfind("catalog/", 0) == 0)
            files.push_back({"resources/" + std::string(file.path), std::string(file.content)});
    }
    return model::readCatalog(files);
}

} // namespace nimbus::app
