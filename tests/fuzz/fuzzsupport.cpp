// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "fuzzsupport.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/policytemplates.h>
#include <model/io/catalogreader.h>

#include <cstdio>
#include <cstdlib>

namespace nimbus::fuzz {

const model::Catalog &catalog()
{
    static const model::CatalogLoadResult result = app::loadCatalog();
    if (!result.ok())
        fail("the built-in catalog does not load:\n" + diagnosticsText(result.diagnostics));
    return result.catalog;
}

const model::iac::PolicyTemplates &policies()
{
    return app::builtinPolicyTemplates();
}

void fail(const std::string &what)
{
    std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

std::string describe(const model::Tree &tree)
{
    return "kind " + std::to_string(int(tree.kind)) + " text '" + printable(tree.scalar)
           + "' tag '" + printable(tree.tag) + "' quoted " + std::to_string(tree.quoted)
           + " flow " + std::to_string(tree.flow) + " at " + std::to_string(tree.line) + ":"
           + std::to_string(tree.column);
}

std::string treeDifference(const model::Tree &a, const model::Tree &b, const std::string &path)
{
    if (a.kind != b.kind || a.scalar != b.scalar || a.tag != b.tag || a.quoted != b.quoted
        || a.flow != b.flow || a.line != b.line || a.column != b.column
        || a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return path + ": " + describe(a) + " (" + std::to_string(a.items.size()) + " items, "
               + std::to_string(a.entries.size()) + " entries) vs " + describe(b) + " ("
               + std::to_string(b.items.size()) + " items, " + std::to_string(b.entries.size())
               + " entries)";
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        std::string d = treeDifference(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]");
        if (!d.empty())
            return d;
    }
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        const std::string key = printable(a.entries[i].first);
        if (a.entries[i].first != b.entries[i].first)
            return path + ": key '" + key + "' vs '" + printable(b.entries[i].first) + "'";
        std::string d = treeDifference(a.entries[i].second, b.entries[i].second, path + "." + key);
        if (!d.empty())
            return d;
    }
    return {};
}

namespace {

template<typename Item, typename Find>
void compareItems(const std::vector<Item> &mine, Find findInOther, const std::string &what,
                  std::string &out)
{
    for (const Item &item : mine) {
        const auto *other = findInOther(item.id);
        if (other == nullptr)
            out += what + " '" + printable(item.id.str()) + "' is missing\n";
        else if (!(*other == item))
            out += what + " '" + printable(item.id.str()) + "' differs\n";
    }
}

} // namespace

std::string designDifference(const model::Architecture &a, const model::Architecture &b)
{
    std::string out;
    if (a.name() != b.name())
        out += "name '" + printable(a.name()) + "' vs '" + printable(b.name()) + "'\n";
    if (a.description() != b.description())
        out += "description '" + printable(a.description()) + "' vs '" + printable(b.description()) + "'\n";
    if (!(a.settings() == b.settings()))
        out += "settings differ\n";
    if (!(a.extra() == b.extra()))
        out += "extra differs\n";
    if (!(a.scenarios() == b.scenarios()))
        out += "scenarios differ\n";
    if (a.nodes().size() != b.nodes().size() || a.edges().size() != b.edges().size()
        || a.groups().size() != b.groups().size() || a.notes().size() != b.notes().size())
        out += "counts of nodes, edges, groups or notes differ\n";
    compareItems(a.nodes(), [&](const auto &id) { return b.node(id); }, "node", out);
    compareItems(a.edges(), [&](const auto &id) { return b.edge(id); }, "edge", out);
    compareItems(a.groups(), [&](const auto &id) { return b.group(id); }, "group", out);
    compareItems(a.notes(), [&](const auto &id) { return b.note(id); }, "note", out);
    if (out.empty() && !(a == b))
        out = "the designs differ in a way designDifference() does not name\n";
    return out;
}

std::string diagnosticsText(const model::Diagnostics &diagnostics)
{
    std::string text;
    for (const model::Diagnostic &d : diagnostics)
        text += d.toString() + '\n';
    return text;
}

bool isUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        char32_t code = length == 1 ? c : c & (0x7f >> length);
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3f);
        }
        static const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

std::string printable(std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
        if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c > 0x7e || c == '\\') {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    return out;
}

} // namespace nimbus::fuzz
