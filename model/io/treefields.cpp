// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "treefields.h"

#include "yamlwriter.h"

#include <model/core/numberlimits.h>
#include <model/core/limits.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace nimbus::model {

namespace {

const char *kindName(const Tree &tree)
{
    switch (tree.kind) {
    case Tree::Kind::Null:
        return "nothing";
    case Tree::Kind::Scalar:
        return "a single value";
    case Tree::Kind::Sequence:
        return "a list";
    case Tree::Kind::Map:
        return "a map";
    }
    return "nothing";
}

} // namespace

std::optional<double> parseDouble(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
    double v = 0;
    const auto r = std::from_chars(begin, text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseInteger(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
    std::int64_t v = 0;
    const auto r = std::from_chars(begin, text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

void TreeFields::error(const Tree &at, std::string message)
{
    m_diagnostics.push_back({Severity::Error, m_fileName, at.line, at.column, std::move(message)});
}

void TreeFields::warning(const Tree &at, std::string message)
{
    m_diagnostics.push_back(
        {Severity::Warning, m_fileName, at.line, at.column, std::move(message)});
}

bool TreeFields::limitOk(const Tree &value, const std::string &what)
{
    const std::optional<std::string> problem = numberTextProblem(value.scalar);
    if (problem)
        error(value, what + " is " + value.scalar + ", which " + *problem);
    return !problem;
}

bool TreeFields::expectMap(const Tree &tree, const std::string &what)
{
    if (tree.isMap())
        return true;
    error(tree, what + " must be a map of keys and values, not " + kindName(tree));
    return false;
}

bool TreeFields::expectSequence(const Tree &tree, const std::string &what)
{
    if (tree.isSequence())
        return true;
    error(tree, what + " must be a list, not " + kindName(tree));
    return false;
}

std::optional<std::string> TreeFields::text(const Tree &map, const std::string &key,
                                            bool required)
{
    const Tree *value = map.find(key);
    if (!value || value->isNull()) {
        if (required)
            error(value ? *value : map, "missing '" + key + "'");
        return std::nullopt;
    }
    if (!value->isScalar()) {
        error(*value, "'" + key + "' must be a single value, not " + kindName(*value));
        return std::nullopt;
    }
    return value->scalar;
}

std::optional<std::string> TreeFields::boundedText(const Tree &map, const std::string &key, bool required,
                                                   std::size_t maxLength, const std::string &what)
{
    std::optional<std::string> value = text(map, key, required);
    if (value && value->size() > maxLength && utf8Length(*value) > maxLength) {
        error(*map.find(key), tooLongMessage(what, utf8Length(*value), maxLength));
        return std::nullopt;
    }
    return value;
}

std::optional<double> TreeFields::number(const Tree &map, const std::string &key, bool required)
{
    const auto raw = text(map, key, required);
    if (!raw)
        return std::nullopt;
    const Tree &value = *map.find(key);
    if (!value.quoted && !limitOk(value, "'" + key + "'"))
        return std::nullopt;
    const auto parsed = value.quoted ? std::nullopt : parseDouble(*raw);
    if (!parsed)
        error(value, "'" + key + "' must be a number, not '" + *raw + "'");
    return parsed;
}

std::optional<std::int64_t> TreeFields::integer(const Tree &map, const std::string &key,
                                                bool required)
{
    const auto raw = text(map, key, required);
    if (!raw)
        return std::nullopt;
    const Tree &value = *map.find(key);
    if (!value.quoted && !limitOk(value, "'" + key + "'"))
        return std::nullopt;
    const auto parsed = value.quoted ? std::nullopt : parseInteger(*raw);
    if (!parsed)
        error(value, "'" + key + "' must be a whole number, not '" + *raw + "'");
    return parsed;
}

std::optional<bool> TreeFields::boolean(const Tree &map, const std::string &key, bool required)
{
    const auto raw = text(map, key, required);
    if (!raw)
        return std::nullopt;
    const Tree &value = *map.find(key);
    if (!value.quoted && (*raw == "true" || *raw == "false"))
        return *raw == "true";
    error(value, "'" + key + "' must be true or false, not '" + *raw + "'");
    return std::nullopt;
}

void TreeFields::rejectUnknownKeys(const Tree &map, std::initializer_list<const char *> allowed,
                                   const std::string &what)
{
    for (const auto &[key, value] : map.entries) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
                                       [&name = key](const char *a) { return name == a; });
        if (!known)
            error(value, "unknown key '" + key + "' in " + what);
    }
}

PropertyValue inferScalarValue(const Tree &scalar)
{
    const std::string &text = scalar.scalar;
    if (scalar.quoted || !scalar.tag.empty())
        return text;
    if (text == "true" || text == "false")
        return text == "true";
    // A number beyond the format's limit stays text: the model never holds one (the
    // readers report it as an error where it matters).
    if (const auto i = parseInteger(text); i && isWithinNumberLimit(static_cast<double>(*i)))
        return *i;
    if (const auto d = parseDouble(text); d && isWithinNumberLimit(*d))
        return *d;
    return text;
}

Tree valueToTree(const PropertyValue &value)
{
    if (const auto *s = std::get_if<std::string>(&value))
        return stringScalar(*s);
    return Tree::makeScalar(toString(value));
}

} // namespace nimbus::model
