// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "connectionkind.h"

#include <string>
#include <vector>

namespace nimbus::model {

class Catalog;
struct ConnectionRule;
struct Node;

/// The answer to "may these two be wired?": the kinds allowed (the first is the default)
/// or, when refused, the reason to show and a suggested fix.
struct ConnectionCheck
{
    bool allowed = false;
    std::vector<ConnectionKind> kinds;
    double multiplier = 1;
    const ConnectionRule *connection = nullptr; ///< the catalog rule, when one applies
    std::string rule;   ///< finding rule id when refused ("wiring/not-supported", ...)
    std::string reason; ///< why it is refused, naming both services
    std::string fix;
};

/// Whether a node of `sourceType` may connect to one of `targetType`, from the catalog's
/// connection rules. Generic CloudFormation resources (imported, no service type) may
/// connect to anything with any kind: Nimbus cannot judge them.
ConnectionCheck canConnect(const Catalog &catalog, const std::string &sourceType,
                           const std::string &targetType);

/// As above, and also applies the rule's property conditions to the two nodes ("S3 event
/// notifications cannot deliver to a FIFO queue" when the queue is FIFO).
ConnectionCheck canConnect(const Catalog &catalog, const Node &source, const Node &target);

} // namespace nimbus::model
