// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "importcheck.h"

#include "fuzzsupport.h"

#include <model/iac/exporter.h>
#include <model/iac/importer.h>

namespace nimbus::fuzz {

namespace {

void checkExport(const model::Architecture &design, model::iac::TemplateFormat format,
                 std::string_view input)
{
    model::iac::ExportOptions options;
    options.format = format;
    options.nimbusVersion = "fuzz";
    const std::string formatName = model::iac::templateFormatName(format);
    const model::iac::ExportResult exported = model::iac::exportDesign(design, catalog(), policies(), options);
    if (!exported.ok())
        fail("an imported design does not export as " + formatName + ":\n"
             + diagnosticsText(exported.diagnostics) + "input: '" + printable(input) + "'");
    const model::iac::ImportResult again =
        model::iac::importTemplate(exported.files.front().text, exported.files.front().fileName, catalog());
    if (!again.ok())
        fail("the " + formatName + " export of an imported design does not import:\n"
             + diagnosticsText(again.diagnostics) + "export:\n" + printable(exported.files.front().text)
             + "\ninput: '" + printable(input) + "'");
}

} // namespace

void checkImport(std::string_view text, const std::string &fileName)
{
    const model::iac::ImportResult imported = model::iac::importTemplate(text, fileName, catalog());
    if (!imported.ok())
        return;
    if (const auto broken = imported.design.checkInvariants(); !broken.empty())
        fail("an imported design breaks its invariants: " + broken.front());
    checkExport(imported.design, model::iac::TemplateFormat::Sam, text);
    checkExport(imported.design, model::iac::TemplateFormat::CloudFormation, text);
}

} // namespace nimbus::fuzz
