// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "iaccommands.h"

#include "builtincatalog.h"
#include "cli.h"
#include "designloader.h"

#include <model/iac/exporter.h>
#include <model/iac/exportfiles.h>
#include <model/iac/importer.h>
#include <model/iac/policytemplates.h>
#include <model/io/atomicfile.h>
#include <model/io/projectfile.h>
#include <model/layout/autolayout.h>

#include <filesystem>
#include <ostream>

namespace nimbus::app {

namespace {

void print(const model::Diagnostics &diagnostics, std::ostream &err)
{
    for (const auto &d : diagnostics)
        err << d.toString() << '\n';
}

} // namespace

int runExport(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::optional<LoadedDesign> design = loadDesign(options.files.front(), options.catalogDir, err);
    if (!design)
        return ExitUsage;
    model::iac::ExportOptions exportOptions;
    exportOptions.format = options.format == "cloudformation" ? model::iac::TemplateFormat::CloudFormation
                                                              : model::iac::TemplateFormat::Sam;
    exportOptions.nimbusVersion = NIMBUS_VERSION;
    std::filesystem::path target = options.output;
    if (!options.output.empty())
        exportOptions.fileStem = target.stem().string();
    const model::iac::ExportResult result =
        model::iac::exportDesign(design->architecture, design->catalog, builtinPolicyTemplates(), exportOptions);
    print(result.diagnostics, err);
    if (!result.ok()) {
        err << "nimbus export: " << options.files.front() << " cannot be exported\n";
        return ExitFindings;
    }
    if (options.output.empty()) {
        if (result.files.size() > 1) {
            err << "nimbus export: the design is split into " << result.files.size() - 1
                << " nested stacks; name the main file with -o so that they can be written beside it\n";
            return ExitUsage;
        }
        out << result.files.front().text;
        return ExitClean;
    }
    std::string error;
    if (!model::iac::writeExportFiles(result, options.output, error)) {
        err << "nimbus export: " << error << '\n';
        return ExitUsage;
    }
    err << "nimbus export: wrote " << target.string();
    if (result.files.size() > 1)
        err << " and " << result.files.size() - 1 << " nested stack files beside it";
    err << " (" << result.stats.resources << " resources, " << result.stats.events << " events, "
        << result.stats.policies << " permissions";
    if (result.stats.secretReferences > 0)
        err << ", " << result.stats.secretReferences
            << (result.stats.secretReferences == 1 ? " secret" : " secrets")
            << " read from AWS Secrets Manager";
    err << ")\n";
    return ExitClean;
}

int runImport(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    model::CatalogLoadResult catalog = loadCatalog(options.catalogDir);
    if (!catalog.ok()) {
        print(catalog.diagnostics, err);
        return ExitUsage;
    }
    const std::string &path = options.files.front();
    model::iac::ImportResult result = model::iac::importTemplateFile(path, catalog.catalog);
    print(result.diagnostics, err);
    if (!result.ok()) {
        err << "nimbus import: " << path << " cannot be imported\n";
        return ExitUsage;
    }
    const model::LayoutResult layout = result.positioned ? model::LayoutResult() : model::autoLayout(result.design);
    if (layout.ok()) {
        for (const auto &[id, position] : layout.positions) {
            if (model::Node *node = result.design.node(id))
                node->position = position;
        }
    } else {
        err << path << ": warning: " << layout.error << "; the design keeps a simple grid layout\n";
    }
    std::size_t warnings = 0;
    for (const auto &d : result.diagnostics)
        warnings += d.severity == model::Severity::Warning ? 1 : 0;
    std::ostream &summary = options.output.empty() ? err : out;
    summary << path << ": " << result.stats.resources << " resources read, " << result.stats.nodes << " nodes ("
            << result.stats.genericNodes << " generic), " << result.stats.edges << " connections inferred, "
            << result.stats.foldedResources << " resources folded into their services, " << warnings
            << (warnings == 1 ? " warning\n" : " warnings\n");
    const std::string text = model::writeProject(result.design);
    if (options.output.empty()) {
        out << text;
        return ExitClean;
    }
    std::string error;
    if (!model::writeFileAtomically(options.output, text, error)) {
        err << "nimbus import: " << error << '\n';
        return ExitUsage;
    }
    summary << "wrote " << options.output << '\n';
    return ExitClean;
}

} // namespace nimbus::app
