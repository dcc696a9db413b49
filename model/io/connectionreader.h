// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/catalog.h>
#include <model/core/connectionrules.h>
#include <model/core/diagnostic.h>

#include <string>
#include <vector>

namespace nimbus::model {

class TreeFields;
struct Tree;

/// Reads the `connections:` and `refusals:` lists of catalog files (see
/// docs/catalog-format.md) and checks them against the service types once all files
/// are read: known types and kinds, no pair twice, refusal conditions on real properties.
class ConnectionReader
{
public:
    void read(TreeFields &fields, const Tree &root);
    ConnectionRules finish(const std::vector<ServiceType> &types, Diagnostics &diagnostics);

private:
    struct Position
    {
        std::string file;
        int line = 0;
    };

    void readRule(TreeFields &fields, const Tree &item);
    void readRefusal(TreeFields &fields, const Tree &item);
    std::vector<std::string> readIds(TreeFields &fields, const Tree &item, const char *key);

    std::vector<ConnectionRule> m_rules;
    std::vector<Position> m_rulePositions;
    std::vector<Refusal> m_refusals;
    std::vector<Position> m_refusalPositions;
};

} // namespace nimbus::model
