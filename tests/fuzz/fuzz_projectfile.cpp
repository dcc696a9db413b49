// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// readProject on any bytes never crashes and refuses what is not UTF-8; a file it reads
// without errors is written and read again to the same design, and written again to the
// same bytes.
#include "fuzzsupport.h"

#include <model/io/projectfile.h>

using namespace nimbus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const model::ProjectLoadResult loaded =
        model::readProject(fuzz::textOf(data, size), "fuzz.nimbus", fuzz::catalog());
    const bool utf8 = fuzz::isUtf8(fuzz::textOf(data, size));
    if (!utf8 && loaded.ok())
        fuzz::fail("a file that is not UTF-8 was read without an error");
    if (!loaded.ok())
        return 0;
    if (const auto broken = loaded.architecture.checkInvariants(); !broken.empty())
        fuzz::fail("a design read without errors breaks its invariants: " + broken.front());
    const std::string written = model::writeProject(loaded.architecture);
    const model::ProjectLoadResult again = model::readProject(written, "written.nimbus", fuzz::catalog());
    if (!again.ok())
        fuzz::fail("the written project does not read back:\n"
                   + fuzz::diagnosticsText(again.diagnostics) + fuzz::printable(written));
    if (!(again.architecture == loaded.architecture))
        fuzz::fail("the written project reads back as another design:\n"
                   + fuzz::designDifference(loaded.architecture, again.architecture) + fuzz::printable(written));
    const std::string rewritten = model::writeProject(again.architecture);
    if (rewritten != written)
        fuzz::fail("writing the read-back design gives other bytes:\n" + fuzz::printable(written)
                   + "\n---- then ----\n" + fuzz::printable(rewritten));
    return 0;
}
