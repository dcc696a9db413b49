// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/ids.h>

#include <string>
#include <vector>

namespace nimbus::model {

class RuleContext;
struct Node;

/// How much of one priced dimension a node uses in a month, and how that follows from the
/// design ("3,000,000 invocations × 1 s × 0.5 GB"). Prices are applied later, to the
/// account's total per dimension, because free tiers and tiers are per account.
struct Usage
{
    std::size_t node = 0; ///< node index
    std::string priceKey; ///< "lambda.duration.arm64"
    std::string label;    ///< "Compute"
    double quantity = 0;
    std::string unit;       ///< unit of the quantity, as the price list names it
    std::string derivation; ///< the formula with its numbers, ending before the "= quantity"
};

/// Appends the monthly usage of every priced dimension of `node`, from its properties,
/// the catalog defaults and the propagated workload in `context`. Nodes of types with no
/// price of their own (actors other than IoT devices, rules, generic resources) add none.
/// Derivations are written only when `explain` is set.
void collectUsage(const RuleContext &context, const Node &node, bool explain, std::vector<Usage> &out);

/// Service types whose cost the engine computes, for tests and documentation.
const std::vector<std::string> &pricedServiceTypes();

} // namespace nimbus::model
