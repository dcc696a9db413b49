// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Writes the templates the AWS specification check reads: every design in templates/ and
// the designs that use every connection rule, in both formats, into one folder.
//   iac_export_samples SOURCE_DIR OUTPUT_DIR
#include "ruledesigns.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/exporter.h>
#include <model/io/projectfile.h>

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace nimbus;
namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: iac_export_samples SOURCE_DIR OUTPUT_DIR\n";
        return 2;
    }
    const fs::path source = argv[1];
    const fs::path output = argv[2];
    fs::remove_all(output);
    fs::create_directories(output);
    model::CatalogLoadResult catalog = app::loadCatalog();
    if (!catalog.ok()) {
        std::cerr << "the built-in catalog does not load\n";
        return 1;
    }
    std::vector<model::Architecture> designs;
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(source / "templates")) {
        if (entry.path().extension() == ".nimbus")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
        model::ProjectLoadResult loaded = model::readProjectFile(file.string(), catalog.catalog);
        if (!loaded.ok()) {
            std::cerr << file << " does not load\n";
            return 1;
        }
        loaded.architecture.setName(file.stem().string());
        designs.push_back(std::move(loaded.architecture));
    }
    for (auto &d : tests::everyRuleDesigns(catalog.catalog))
        designs.push_back(std::move(d));
    int written = 0;
    int failed = 0;
    for (const model::Architecture &design : designs) {
        for (auto format : {model::iac::TemplateFormat::Sam, model::iac::TemplateFormat::CloudFormation}) {
            model::iac::ExportOptions options;
            options.format = format;
            options.fileStem = design.name() + "." + model::iac::templateFormatName(format);
            const auto result = model::iac::exportDesign(design, catalog.catalog, app::builtinPolicyTemplates(), options);
            for (const auto &d : result.diagnostics) {
                if (d.severity != model::Severity::Info)
                    std::cout << options.fileStem << ": " << d.toString() << '\n';
            }
            if (!result.ok()) {
                ++failed;
                continue;
            }
            for (const auto &f : result.files) {
                std::ofstream(output / f.fileName) << f.text;
                ++written;
            }
        }
    }
    std::cout << "wrote " << written << " templates from " << designs.size() << " designs to " << output.string() << '\n';
    return failed == 0 ? 0 : 1;
}
