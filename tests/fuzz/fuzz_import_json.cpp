// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// importTemplate on any bytes (seeded with JSON templates) never crashes; what it imports
// exports as SAM and CloudFormation, and the exports import again (see importcheck.h).
#include "fuzzsupport.h"
#include "importcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    nimbus::fuzz::checkImport(nimbus::fuzz::textOf(data, size), "fuzz.json");
    return 0;
}
