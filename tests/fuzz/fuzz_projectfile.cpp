// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// readProject on any bytes never crashes; a file it reads without errors is written and read
// again to the same design (when it is UTF-8), and written again to the same bytes.
#include "fuzzsupport.h"

#include <model/io/projectfile.h>

using namespace nimbus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const model::ProjectLoadResult loaded =
        model::readProject(fuzz::textOf(data, size), "fuzz.nimbus", fuzz::catalog());
    if (!loaded.ok())
        return 0;
    if (const auto broken = loaded.architecture.checkInvariants(); !broken.empty())
        fuzz::fail("a design read without errors breaks its invariants: " + broken.front());
    const std::string written = model::writeProject(loaded.architecture);
    const model::ProjectLoadResult again = model::readProject(written, "written.nimbus", fuzz::catalog());
    if (!again.ok())
        fuzz::fail("the written project does not read back:\n"
                   + fuzz::diagnosticsText(again.diagnostics) + fuzz::printable(written));
    // Text that is not UTF-8 is written as U+FFFD where YAML needs quotes, so only a UTF-8
    // file must give the same design; every file must give the same bytes the second time.
    if (fuzz::isUtf8(fuzz::textOf(data, size)) && !(again.architecture == loaded.architecture))
        fuzz::fail("the written project reads back as another design:\n"
                   + fuzz::designDifference(loaded.architecture, again.architecture) + fuzz::printable(written));
    const std::string rewritten = model::writeProject(again.architecture);
    if (rewritten != written)
        fuzz::fail("writing the read-back design gives other bytes:\n" + fuzz::printable(written)
                   + "\n---- then ----\n" + fuzz::printable(rewritten));
    return 0;
}
