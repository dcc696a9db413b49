// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "hostile.h"

#include <model/core/catalog.h>

namespace nimbus::tests {

namespace {

/// Sets every free-text property (not choices, numbers or booleans) of `type` in `values`.
void fillTextProperties(model::PropertyMap &values, const std::vector<model::PropertyDef> &defs,
                        const std::string &text)
{
    for (const model::PropertyDef &def : defs) {
        if (def.type == model::PropertyType::String && def.choices.empty())
            values[def.key] = text;
    }
}

} // namespace

const std::vector<HostileText> &hostileTexts()
{
    static const std::string globals = "Globals:\n  Function:\n    Layers: [arn:aws:lambda:us-east-1:"
                                       "999999999999:layer:Hostile:1]\n    Environment:\n"
                                       "      Variables: {AWS_LAMBDA_EXEC_WRAPPER: /opt/Hostile}";
    auto breakWith = [&](const std::string &lineBreak) {
        std::string out = "Shop" + lineBreak;
        for (char c : globals)
            out += c == '\n' ? lineBreak : std::string(1, c);
        return out;
    };
    static const std::vector<HostileText> texts = {
        {"line feed", breakWith("\n")},
        {"carriage return", breakWith("\r")},
        {"crlf", breakWith("\r\n")},
        {"next line U+0085", breakWith("\xC2\x85")},
        {"line separator U+2028", breakWith("\xE2\x80\xA8")},
        {"paragraph separator U+2029", breakWith("\xE2\x80\xA9")},
        {"document markers", "Hostile\n---\nResources: {}\n...\n"},
        {"yaml syntax", "Hostile: &a [*a, {k: v}] # comment !Ref x | > - ? %"},
        {"flow and quotes", "Hostile\", \"Evil\": {\"Ref\": \"AWS::AccountId\"}, \"x\": \"'"},
        {"intrinsics", "!Ref Hostile ${Hostile} ${AWS::AccountId} {{resolve:ssm:Hostile}}"},
        {"xml markup", "</title></text><script>alert('Hostile')</script><!-- ]]> &amp; &#x41;"},
        {"pdf strings", "Hostile) /Author (x) \\) \\\\ >> endobj %%EOF"},
        {"spreadsheet formula", "=HYPERLINK(\"http://example.invalid/Hostile\",\"x\")"},
        {"formula plus", "+Hostile+cmd|' /C calc'!A0"},
        {"formula at", "@SUM(1+1)*Hostile"},
        {"sarif link", "[Hostile](https://example.invalid) \\[x\\] {0}"},
        {"markdown table", "| Hostile | <img src=x onerror=alert(1)> |\n|---|"},
        {"terminal escapes", "\x1b]0;Hostile\x07\x1b[2J\x1b[31mred\x1b[0m\b\b\x7f"},
        {"bidi override", "Hostile \xE2\x80\xAEtxt.exe\xE2\x81\xA6 \xE2\x80\x8F"},
        {"invalid utf-8", "Hostile \xFF\xFE \xC0\xAF \xED\xA0\x80 \xF8\x88\x80\x80\x80"},
        {"byte order mark", "\xEF\xBB\xBFHostile"},
        {"nul", std::string("Hostile\0after", 13)},
    };
    return texts;
}

model::Architecture withHostileText(model::Architecture design, const std::string &text,
                                    const model::Catalog &catalog)
{
    design.setName(text);
    design.setDescription(text);
    for (const model::Group &g : design.groups())
        design.group(g.id)->name = text;
    for (const model::Note &n : design.notes())
        design.note(n.id)->text = text;
    for (const model::Node &n : design.nodes()) {
        model::Node *node = design.node(n.id);
        node->name = text;
        if (const model::ServiceType *type = catalog.type(n.type))
            fillTextProperties(node->properties, type->properties, text);
    }
    for (const model::Edge &e : design.edges())
        fillTextProperties(design.edge(e.id)->properties, catalog.edgeProperties(), text);
    for (model::Scenario &s : design.scenarios()) {
        s.name = text + " " + std::to_string(&s - design.scenarios().data());
        s.description = text;
    }
    return design;
}

} // namespace nimbus::tests
