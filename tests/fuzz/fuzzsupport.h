// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/diagnostic.h>
#include <model/core/tree.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nimbus::model::iac {
class PolicyTemplates;
}

// What the fuzz targets share: the built-in data, loaded once per process, and the
// comparisons whose failure is a finding. A failed check prints what differs and aborts, so
// that libFuzzer (and the replay runner) report it as a crash and keep the input.
namespace nimbus::fuzz {

/// The built-in catalog; aborts when it does not load (it is ours, so that is a bug too).
const model::Catalog &catalog();

/// The AWS SAM policy templates compiled into the program.
const model::iac::PolicyTemplates &policies();

/// The fuzzer's bytes as text.
inline std::string_view textOf(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

/// Prints "fuzz check failed: <what>" and aborts.
[[noreturn]] void fail(const std::string &what);

/// One node of a tree in words: kind, text, tag, flags and position.
std::string describe(const model::Tree &tree);

/// The first difference between two trees, source positions and flow flags included; empty
/// when they are the same.
std::string treeDifference(const model::Tree &a, const model::Tree &b,
                           const std::string &path = "$");

/// What differs between two designs (the first few things, in words); empty when equal.
std::string designDifference(const model::Architecture &a, const model::Architecture &b);

/// Every diagnostic as "file:line:column: severity: message", one a line.
std::string diagnosticsText(const model::Diagnostics &diagnostics);

/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool isUtf8(std::string_view text);

/// `text` with control characters and bytes above 0x7e written as \xNN, so that a report
/// stays readable.
std::string printable(std::string_view text);

} // namespace nimbus::fuzz
