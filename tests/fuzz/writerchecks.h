// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

// The checks of fuzz_writers that need no design: each writes hostile strings in one format
// and reads them back with a maintained reader (yaml-cpp through parseYaml, Qt's strict JSON
// parser, the CSV reader of the cost report). A difference aborts (see fail()).
namespace nimbus::fuzz {

/// writeYaml(stringScalar(s)) reads back as one scalar, alone and as a map key and value; as
/// `s` itself when `s` is UTF-8.
void checkYamlScalars(const std::vector<std::string> &strings);

/// JsonWriter: keys and values read back (strictly) as the same strings.
void checkJsonWriter(const std::vector<std::string> &strings);

/// The SARIF log of findings made from the strings is valid JSON, with the same messages,
/// rule ids, file name and rule texts.
void checkSarif(const std::vector<std::string> &strings);

/// lineItemsCsv of line items made from the strings reads back with the same fields.
void checkLineItemsCsv(const std::vector<std::string> &strings);

} // namespace nimbus::fuzz
