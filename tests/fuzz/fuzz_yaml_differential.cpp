// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The fast YAML reader against yaml-cpp: whenever parseYamlFast() returns a result, it must be
// exactly what parseYamlWithYamlCpp() gives (the tree with kinds, text, tags, quoted and flow
// flags, every line and column, entry order; and the diagnostics), with duplicate keys as
// errors and as warnings. Declining (nullopt) is always allowed.
#include "fuzzsupport.h"

#include <model/io/yamlfastreader.h>

using namespace nimbus;

namespace {

void compare(std::string_view text, bool duplicateKeysAreErrors)
{
    model::YamlParseOptions options;
    options.duplicateKeysAreErrors = duplicateKeysAreErrors;
    const auto fast = model::parseYamlFast(text, "x.yaml", options);
    if (!fast)
        return;
    const model::YamlParseResult full = model::parseYamlWithYamlCpp(text, "x.yaml", options);
    const std::string mode = duplicateKeysAreErrors ? " (duplicate keys are errors)" : "";
    const std::string input = "\ninput: '" + fuzz::printable(text) + "'";
    if (!full.ok())
        fuzz::fail("the fast path accepts what yaml-cpp rejects" + mode + ":\n"
                   + fuzz::diagnosticsText(full.diagnostics) + input);
    if (const std::string d = fuzz::treeDifference(fast->tree, full.tree); !d.empty())
        fuzz::fail("fast path vs yaml-cpp" + mode + ": " + d + input);
    const std::string fastDiagnostics = fuzz::diagnosticsText(fast->diagnostics);
    const std::string fullDiagnostics = fuzz::diagnosticsText(full.diagnostics);
    if (fastDiagnostics != fullDiagnostics)
        fuzz::fail("diagnostics differ" + mode + ":\nfast path:\n" + fastDiagnostics
                   + "yaml-cpp:\n" + fullDiagnostics + input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::textOf(data, size);
    compare(text, true);
    compare(text, false);
    return 0;
}
