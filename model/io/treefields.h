// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/propertyvalue.h>
#include <model/core/tree.h>

#include <initializer_list>
#include <optional>
#include <string>

namespace nimbus::model {

/// Reads typed fields out of a parsed Tree and records what is wrong, with the line of the
/// offending value, in one Diagnostics list. Shared by the catalog and project readers.
class TreeFields
{
public:
    TreeFields(std::string fileName, Diagnostics &diagnostics)
        : m_fileName(std::move(fileName))
        , m_diagnostics(diagnostics)
    {}

    const std::string &fileName() const { return m_fileName; }

    void error(const Tree &at, std::string message);
    void warning(const Tree &at, std::string message);

    /// Requires `tree` to be a map; reports `what` otherwise.
    bool expectMap(const Tree &tree, const std::string &what);
    bool expectSequence(const Tree &tree, const std::string &what);

    /// A text field; reports a missing required field or a non-scalar value.
    std::optional<std::string> text(const Tree &map, const std::string &key, bool required);
    /// A text field of at most `maxLength` characters; a longer one is an error that names
    /// `what` and the limit, and gives std::nullopt.
    std::optional<std::string> boundedText(const Tree &map, const std::string &key, bool required,
                                           std::size_t maxLength, const std::string &what);
    std::optional<double> number(const Tree &map, const std::string &key, bool required);
    std::optional<std::int64_t> integer(const Tree &map, const std::string &key, bool required);
    std::optional<bool> boolean(const Tree &map, const std::string &key, bool required);

    /// Reports a plain scalar that is a number beyond what Nimbus accepts (infinite, NaN,
    /// beyond ±10^15: numberlimits.h) as "WHAT is TEXT, which ..."; false when it did.
    bool limitOk(const Tree &value, const std::string &what);

    /// Reports every key of `map` that is not in `allowed`.
    void rejectUnknownKeys(const Tree &map, std::initializer_list<const char *> allowed,
                           const std::string &what);

private:
    std::string m_fileName;
    Diagnostics &m_diagnostics;
};

/// Interprets a plain scalar the way YAML's core schema does: true/false as a boolean,
/// whole numbers as integers, other numbers as doubles, anything else (and every quoted
/// scalar, and every number beyond the limit of numberlimits.h) as a string.
PropertyValue inferScalarValue(const Tree &scalar);

/// A scalar Tree for a value, quoted where needed so that it reads back the same.
Tree valueToTree(const PropertyValue &value);

/// Parses a plain number the way YAML writes them ("1e6", "-3", "0.5", ".inf" refused).
std::optional<double> parseDouble(const std::string &text);
std::optional<std::int64_t> parseInteger(const std::string &text);

} // namespace nimbus::model
