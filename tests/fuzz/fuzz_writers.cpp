// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Hostile strings stay data in every writer. The input is split at each 0xFF byte (which
// never occurs in UTF-8) into strings that become a design's name, description, node and
// group names, a note, property texts and, where they are valid ids, ids. Then:
// - writeProject -> readProject reads the same design back (equal when every string is UTF-8);
// - the SAM and CloudFormation exports parse as YAML, have exactly the top-level keys the
//   export of the same design with harmless strings has, and import again with the strings;
// - the YAML scalar, JSON, SARIF and CSV writers read back the same strings (writerchecks.h).
#include "fuzzsupport.h"
#include "writerchecks.h"

#include <model/core/environment.h>
#include <model/iac/exporter.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>
#include <model/io/yamlreader.h>

#include <algorithm>
#include <cstdlib>

using namespace nimbus;
using namespace nimbus::model;

namespace {

std::vector<std::string> splitInput(std::string_view input)
{
    std::vector<std::string> strings;
    std::size_t start = 0;
    while (strings.size() < 16) {
        const std::size_t end = input.find('\xff', start);
        strings.emplace_back(input.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return strings;
}

const std::string &pick(const std::vector<std::string> &strings, std::size_t i)
{
    static const std::string empty;
    return i < strings.size() ? strings[i] : empty;
}

std::string idOr(const std::string &candidate, const std::string &fallback)
{
    return isValidId(candidate) ? candidate : fallback;
}

/// A function publishing to a queue, in a group, with a note; every text from `s`. Unknown
/// keys are empty maps, as readProject() gives them.
Architecture buildDesign(const std::vector<std::string> &s)
{
    const Tree none = Tree::makeMap();
    Architecture design;
    design.setName(pick(s, 0));
    design.setDescription(pick(s, 1));
    design.extra() = none;
    design.settings().extra = none;
    const GroupId group(idOr(pick(s, 8), "group"));
    design.addGroup({group, pick(s, 6), none});
    // Ids are shared by nodes, edges, groups and notes: a taken one gets a suffix.
    const auto freeId = [&](const std::string &candidate) {
        return design.isIdUsed(candidate) ? candidate + "-" + std::to_string(design.nodes().size() + 2) : candidate;
    };
    Node function{NodeId(freeId(idOr(pick(s, 3), "fn"))), "lambda-function", pick(s, 2), {100, 100}, group, {}, none};
    // The variable's value is hostile; the property's own syntax stays valid (a malformed
    // property is refused by export with an error, which tst_export covers).
    function.properties["environmentVariables"] = formatEnvironment({{"FUZZ_VALUE", pick(s, 4)}});
    function.properties["managedPolicies"] = pick(s, 9);
    const NodeId functionId = function.id;
    design.addNode(std::move(function));
    Node queue{NodeId(freeId(idOr(pick(s, 10), "queue"))), "sqs-queue", pick(s, 5), {300, 100}, {}, {}, none};
    const Edge edge{EdgeId(freeId("e1")), functionId, queue.id, ConnectionKind::Publish, {}, none};
    design.addNode(std::move(queue));
    const bool complete = design.addEdge(edge) && design.addNote({NoteId(freeId("note")), pick(s, 7), {0, 0}, none});
    if (!complete || design.nodes().size() != 2)
        fuzz::fail("the test design is incomplete (ids)");
    return design;
}

/// With `exact`, the design reads back equal; without (some text is not UTF-8, which YAML
/// writes as U+FFFD where it must quote), it reads back without errors.
void checkProject(const Architecture &design, bool exact)
{
    const std::string written = writeProject(design);
    const ProjectLoadResult read = readProject(written, "written.nimbus", fuzz::catalog());
    if (!read.ok() || (exact && !(read.architecture == design)))
        fuzz::fail("the written design does not read back equal:\n" + fuzz::diagnosticsText(read.diagnostics)
                   + fuzz::designDifference(design, read.architecture) + fuzz::printable(written));
}

std::vector<std::string> topLevelKeys(const std::string &text, const std::string &what)
{
    const YamlParseResult parsed = parseYaml(text, "export.yaml");
    if (!parsed.ok() || !parsed.tree.isMap())
        fuzz::fail(what + " does not parse as a YAML map:\n" + fuzz::diagnosticsText(parsed.diagnostics)
                   + fuzz::printable(text));
    std::vector<std::string> keys;
    for (const auto &entry : parsed.tree.entries)
        keys.push_back(entry.first);
    return keys;
}

/// The main template of the design's export.
std::string exportMain(const Architecture &design, iac::TemplateFormat format)
{
    iac::ExportOptions options;
    options.format = format;
    const iac::ExportResult result = iac::exportDesign(design, fuzz::catalog(), fuzz::policies(), options);
    if (!result.ok())
        fuzz::fail(std::string("the design does not export as ") + iac::templateFormatName(format)
                   + ":\n" + fuzz::diagnosticsText(result.diagnostics));
    return result.files.front().text;
}

void expectSame(const std::string &read, const std::string &expected, const std::string &what)
{
    if (read != expected)
        fuzz::fail(what + " reads back as '" + fuzz::printable(read) + "', not '"
                   + fuzz::printable(expected) + "'");
}

void checkReimport(const Architecture &design, const std::string &text, const std::string &format,
                   bool exact)
{
    const iac::ImportResult imported = iac::importTemplate(text, "export.yaml", fuzz::catalog());
    if (!imported.ok())
        fuzz::fail("the " + format + " export does not import:\n"
                   + fuzz::diagnosticsText(imported.diagnostics) + fuzz::printable(text));
    if (!exact)
        return;
    const Architecture &back = imported.design;
    // An unnamed design is named after the file it is imported from.
    expectSame(back.name(), design.name().empty() ? "export" : design.name(), format + " design name");
    const std::string description = !design.description().empty() ? design.description()
                                    : !design.name().empty()       ? design.name()
                                                                   : std::string("Nimbus design");
    expectSame(back.description(), description, format + " description");
    for (const Node &node : design.nodes()) {
        // Node ids become CloudFormation logical ids; the design has one node of each type.
        const auto other = std::find_if(back.nodes().begin(), back.nodes().end(),
                                        [&](const Node &n) { return n.type == node.type; });
        if (other == back.nodes().end())
            fuzz::fail(format + " export lost node '" + fuzz::printable(node.id.str()) + "'");
        if (!node.name.empty()) // an unnamed node is named after its type
            expectSame(other->name, node.name, format + " node name");
        for (const auto &[key, value] : node.properties) {
            const auto it = other->properties.find(key);
            expectSame(it == other->properties.end() ? std::string("<missing>") : toString(it->second),
                       toString(value), format + " property " + key);
        }
    }
    for (const Group &group : design.groups())
        expectSame(back.group(group.id) ? back.group(group.id)->name : "<missing>", group.name, format + " group name");
    if (back.notes().size() != design.notes().size())
        fuzz::fail(format + " export lost a note");
    expectSame(back.notes().front().text, design.notes().front().text, format + " note");
}

void checkExports(const Architecture &design, bool exact)
{
    static const Architecture harmless = buildDesign({"x", "x", "x"});
    static const std::vector<std::string> harmlessKeys[] = {
        topLevelKeys(exportMain(harmless, iac::TemplateFormat::Sam), "the harmless export"),
        topLevelKeys(exportMain(harmless, iac::TemplateFormat::CloudFormation), "the harmless export")};
    for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
        const std::string formatName = iac::templateFormatName(format);
        const std::vector<std::string> &expected = harmlessKeys[format == iac::TemplateFormat::Sam ? 0 : 1];
        const std::string text = exportMain(design, format);
        if (topLevelKeys(text, "the " + formatName + " export") != expected)
            fuzz::fail("hostile strings changed the top-level keys of the " + formatName
                       + " export:\n" + fuzz::printable(text));
        checkReimport(design, text, formatName, exact);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::vector<std::string> strings = splitInput(fuzz::textOf(data, size));
    const Architecture design = buildDesign(strings);
    const bool exact = std::all_of(strings.begin(), strings.end(), fuzz::isUtf8);
    checkProject(design, exact);
    checkExports(design, exact);
    fuzz::checkYamlScalars(strings);
    fuzz::checkJsonWriter(strings);
    fuzz::checkSarif(strings);
    fuzz::checkLineItemsCsv(strings);
    return 0;
}
