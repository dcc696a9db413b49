// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "common/testdata.h"

#include <model/core/architecture.h>

#include <QTest>

#include <optional>
#include <string>

namespace nimbus::tests {

/// A design built in a few calls, for the export tests: services get fresh ids ("n", "n2",
/// ...) and connections the connection rule's default kind.
class TestDesign
{
public:
    explicit TestDesign(std::string name) { m_design.setName(std::move(name)); }

    model::NodeId add(const std::string &type, const std::string &name, model::PropertyMap properties = {})
    {
        model::Node n;
        n.id = model::NodeId(m_design.uniqueId("n"));
        n.type = type;
        n.name = name;
        n.properties = std::move(properties);
        const model::NodeId id = n.id;
        m_design.addNode(std::move(n));
        return id;
    }

    /// Connects two nodes with the connection rule's default kind (or `kind`).
    void connect(const model::NodeId &from, const model::NodeId &to,
                 std::optional<model::ConnectionKind> kind = std::nullopt, const char *purpose = nullptr)
    {
        model::Edge e;
        e.id = model::EdgeId(m_design.uniqueId("e"));
        e.source = from;
        e.target = to;
        const model::ConnectionRule *rule =
            builtinCatalog().connections().rule(m_design.node(from)->type, m_design.node(to)->type);
        e.kind = kind ? *kind : rule != nullptr ? rule->kinds.front() : model::ConnectionKind::SyncInvoke;
        if (purpose != nullptr)
            e.properties["purpose"] = std::string(purpose);
        QVERIFY(m_design.addEdge(std::move(e)));
    }

    const model::Architecture &design() const { return m_design; }

private:
    model::Architecture m_design;
};

} // namespace nimbus::tests
