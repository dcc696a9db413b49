// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "yamlwriter.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <charconv>
#include <regex>
#include <string_view>

namespace nimbus::model {

namespace {

bool looksLikeNumber(const std::string &text)
{
    // Every number form below starts with a sign, a digit or a dot: skip the regex otherwise.
    if (text.empty() || std::string_view("+-.0123456789").find(text.front()) == std::string_view::npos)
        return false;
    // YAML 1.1 and 1.2 number forms that a plain scalar would turn into a number.
    static const std::regex number(
        R"([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+)");
    return std::regex_match(text, number);
}

bool looksLikeKeyword(const std::string &text)
{
    static const char *const words[] = {"true",  "True",  "TRUE", "false", "False", "FALSE",
                                        "yes",   "Yes",   "YES",  "no",    "No",    "NO",
                                        "on",    "On",    "ON",   "off",   "Off",   "OFF",
                                        "y",     "Y",     "n",    "N",     "null",  "Null",
                                        "NULL",  "~"};
    for (const char *w : words) {
        if (text == w)
            return true;
    }
    return false;
}

void emitTag(YAML::Emitter &out, const std::string &tag)
{
    static const std::string core = "tag:yaml.org,2002:";
    if (tag.empty())
        return;
    if (tag.rfind(core, 0) == 0)
        out << YAML::SecondaryTag(tag.substr(core.size()));
    else if (tag.rfind("!!", 0) == 0)
        out << YAML::SecondaryTag(tag.substr(2));
    else if (tag[0] == '!')
        out << YAML::LocalTag(tag.substr(1));
    else
        out << YAML::VerbatimTag(tag);
}

/// A literal block ("|") reads back with exactly one final newline, so it is used only for
/// text that has one and nothing a literal block cannot hold; other text is double-quoted
/// with escapes, which always reads back exactly.
void emitMultiline(YAML::Emitter &out, const std::string &text)
{
    const bool oneFinalNewline = text.size() >= 2 && text.back() == '\n'
                                 && text[text.size() - 2] != '\n';
    const bool plainLines = text.find_first_of("\r\t") == std::string::npos && text[0] != ' '
                            && text.find(" \n") == std::string::npos;
    if (oneFinalNewline && plainLines)
        out << YAML::Literal << text;
    else
        out << YAML::DoubleQuoted << text;
}

void emit(YAML::Emitter &out, const Tree &tree)
{
    emitTag(out, tree.tag);
    switch (tree.kind) {
    case Tree::Kind::Null:
        out << YAML::Null;
        return;
    case Tree::Kind::Scalar:
        if (tree.scalar.find('\n') != std::string::npos)
            emitMultiline(out, tree.scalar);
        else if (tree.quoted)
            out << YAML::DoubleQuoted << tree.scalar;
        else
            out << tree.scalar;
        return;
    case Tree::Kind::Sequence:
        if (tree.flow)
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const Tree &item : tree.items)
            emit(out, item);
        out << YAML::EndSeq;
        return;
    case Tree::Kind::Map:
        if (tree.flow)
            out << YAML::Flow;
        out << YAML::BeginMap;
        for (const auto &[key, value] : tree.entries) {
            out << YAML::Key << key << YAML::Value;
            emit(out, value);
        }
        out << YAML::EndMap;
        return;
    }
}

} // namespace

std::string writeYaml(const Tree &tree)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetNullFormat(YAML::LowerNull);
    emit(out, tree);
    std::string text = out.c_str();
    if (text.empty() || text.back() != '\n')
        text += '\n';
    return text;
}

Tree stringScalar(const std::string &text)
{
    const bool misread = text.empty() || looksLikeKeyword(text) || looksLikeNumber(text);
    return Tree::makeScalar(text, misread);
}

} // namespace nimbus::model
