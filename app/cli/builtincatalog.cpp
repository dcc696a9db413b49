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

const model::iac::PolicyTemplates &builtinPolicyTemplates()
{
    static const model::iac::PolicyTemplates templates = [] {
        for (const auto &file : resources::embeddedFiles()) {
            if (file.path == "sam/policy_templates.json") {
                model::Diagnostics ignored; // checked by the tests; the file is ours
                return model::iac::PolicyTemplates::parse(file.content, "resources/sam/policy_templates.json", ignored);
            }
        }
        return model::iac::PolicyTemplates();
    }();
    return templates;
}

} // namespace nimbus::app
