// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <string>
#include <vector>

namespace nimbus::tests {

/// One absurd number in an otherwise ordinary design: a property of a service (or of the
/// connection that feeds it) set to the largest or the smallest number the project file
/// accepts, or to 0.
struct HostileCase
{
    std::string name; ///< "lambda-function.memoryMb=1e+15", unique
    std::string type; ///< the service type whose property is set
    std::string property;
    std::string value; ///< as written in the file
    model::Architecture design;
};

/// The values every numeric property takes in hostileCases(): the format's largest and
/// smallest numbers (±kNumberLimit) and 0.
std::vector<double> hostileValues();

/// For every service type of the catalog, every numeric property (integer, number, and
/// choices whose values are all numbers), each hostile value, in a design where a node of
/// that type (id "target") receives traffic from an entry point through the shortest chain
/// of connection rules; plus the numeric properties of the connection into it. Entry
/// points are covered by their own properties (requests, peak rate, payload, ranges).
std::vector<HostileCase> hostileCases(const model::Catalog &catalog);

/// The cases of hostileCases() for `value`, packed into few designs for the slower front
/// ends (command line, report): design k holds, for every service type, its own feeding
/// chain (ids prefixed with the type) with the type's k-th numeric property, or the k-th
/// after them of its connection, set to `value`. Every case is in exactly one design.
std::vector<HostileCase> packedCases(const model::Catalog &catalog, double value);

/// Every numeric property of every service type and connection of feedingDesign(type) set
/// to `value` at once, one design per type.
std::vector<HostileCase> allAtOnceCases(const model::Catalog &catalog, double value);

/// The shortest chain of connection rules from an entry point to a service of `type`,
/// as a design: nodes "n0", "n1", ... with the last one "target"; nullopt-like empty
/// design when no chain exists.
model::Architecture feedingDesign(const model::Catalog &catalog, const std::string &type);

/// Functions in a chain, each calling the next 10^15 times, fed 10^15 requests a month:
/// every number is within the format's limit, yet the traffic overflows a double, so the
/// cost is too large to price.
model::Architecture overflowingDesign(int functions = 24);

/// `text` lower-cased contains "nan" or "inf" as a word of its own (as printf and
/// iostreams write them), or "-nan": what no output may ever show.
bool showsNonFinite(const std::string &text);

} // namespace nimbus::tests
