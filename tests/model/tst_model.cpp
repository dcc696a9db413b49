// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>
#include <model/io/jsonwriter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace nimbus::model;

namespace {

Node makeNode(const std::string &id, const std::string &type = "lambda-function")
{
    Node n;
    n.id = NodeId(id);
    n.type = type;
    n.name = id;
    return n;
}

Edge makeEdge(const std::string &id, const std::string &from, const std::string &to)
{
    Edge e;
    e.id = EdgeId(id);
    e.source = NodeId(from);
    e.target = NodeId(to);
    return e;
}

/// a -> b -> c, b -> d, and an island e -> f.
Architecture diamondWithIsland()
{
    Architecture arch;
    for (const char *id : {"a", "b", "c", "d", "e", "f"})
        arch.addNode(makeNode(id));
    arch.addEdge(makeEdge("ab", "a", "b"));
    arch.addEdge(makeEdge("bc", "b", "c"));
    arch.addEdge(makeEdge("bd", "b", "d"));
    arch.addEdge(makeEdge("ef", "e", "f"));
    return arch;
}

std::vector<std::string> names(const std::vector<NodeId> &ids)
{
    std::vector<std::string> out;
    for (const auto &id : ids)
        out.push_back(id.str());
    return out;
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreValidated_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "orders-fn" << true;
        QTest::newRow("logical id") << "OrdersTable" << true;
        QTest::newRow("dots and underscores") << "a.b_c" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "my fn" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("too long") << QString(256, QLatin1Char('x')) << false;
    }
    void idsAreValidated()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidId(id.toStdString()), valid);
    }

    void addAndFindNodes()
    {
        Architecture arch;
        QVERIFY(arch.addNode(makeNode("fn")));
        QVERIFY(!arch.addNode(makeNode("fn")));   // duplicate
        QVERIFY(!arch.addNode(makeNode("")));     // empty id
        QCOMPARE(arch.nodes().size(), std::size_t(1));
        QVERIFY(arch.node(NodeId("fn")));
        QVERIFY(!arch.node(NodeId("other")));
        QVERIFY(arch.checkInvariants().empty());
    }

    void edgesNeedBothEnds()
    {
        Architecture arch;
        arch.addNode(makeNode("a"));
        QVERIFY(!arch.addEdge(makeEdge("e", "a", "missing")));
        arch.addNode(makeNode("b"));
        QVERIFY(arch.addEdge(makeEdge("e", "a", "b")));
        QVERIFY(!arch.addEdge(makeEdge("e", "b", "a"))); // id taken
        QVERIFY(!arch.addNode(makeNode("e")));            // ids share one namespace
        QCOMPARE(arch.edges().size(), std::size_t(1));
    }

    void removingANodeRemovesItsEdges()
    {
        Architecture arch = diamondWithIsland();
        const std::vector<Edge> removed = arch.removeNode(NodeId("b"));
        QCOMPARE(removed.size(), std::size_t(3));
        QCOMPARE(arch.edges().size(), std::size_t(1));
        QVERIFY(arch.edge(EdgeId("ef")));
        QVERIFY(!arch.edge(EdgeId("ab")));
        QVERIFY(arch.node(NodeId("c")));
        QVERIFY(arch.checkInvariants().empty());
    }

    void removingByTheIdOfTheRemovedElement()
    {
        // Found building the largest design the limits allow: removeNode(nodes().back().id)
        // read its id after erasing the node that held it, and kept the node's edges.
        // Ids longer than a string keeps inline, so that the freed one is really gone.
        const auto longId = [](int i) { return "a-service-with-a-long-id-" + std::to_string(i); };
        Architecture arch;
        for (int i = 0; i < 6; ++i)
            QVERIFY(arch.addNode(makeNode(longId(i))));
        for (int i = 0; i < 5; ++i)
            QVERIFY(arch.addEdge(makeEdge("a-connection-with-a-long-id-" + std::to_string(i), longId(i), longId(i + 1))));
        const Architecture full = arch;
        while (!arch.nodes().empty()) {
            arch.removeNode(arch.nodes().back().id);
            QVERIFY(arch.checkInvariants().empty());
        }
        QVERIFY(arch.edges().empty());
        arch = full;
        while (!arch.edges().empty())
            QVERIFY(arch.removeEdge(arch.edges().back().id));
        QVERIFY(arch.checkInvariants().empty());
        QVERIFY(arch.addEdge(makeEdge("a-connection-with-a-long-id-0", longId(0), longId(1)))); // the id is free again
    }

    void removingAGroupKeepsItsMembers()
    {
        Architecture arch;
        arch.addGroup(Group{GroupId("g"), "Backend", {}});
        Node n = makeNode("fn");
        n.group = GroupId("g");
        arch.addNode(n);
        QVERIFY(arch.removeGroup(GroupId("g")));
        QVERIFY(!arch.node(NodeId("fn"))->group.has_value());
        QVERIFY(arch.checkInvariants().empty());
    }

    void uniqueIdSkipsTakenIds()
    {
        Architecture arch;
        arch.addNode(makeNode("fn-1"));
        arch.addNote(Note{NoteId("fn-2"), "text", {}, {}});
        QCOMPARE(arch.uniqueId("fn"), std::string("fn-3"));
    }

    void graphFindsCycles()
    {
        Architecture arch = diamondWithIsland();
        QVERIFY(ArchitectureGraph(arch).cycles().empty());
        arch.addEdge(makeEdge("ca", "c", "a"));
        arch.addNode(makeNode("self"));
        arch.addEdge(makeEdge("loop", "self", "self"));
        const auto cycles = ArchitectureGraph(arch).cycles();
        QCOMPARE(cycles.size(), std::size_t(2));
        QCOMPARE(names(cycles[0]), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(names(cycles[1]), (std::vector<std::string>{"self"}));
    }

    void graphOrdersTopologically()
    {
        Architecture arch = diamondWithIsland();
        const auto order = ArchitectureGraph(arch).topologicalOrder();
        QVERIFY(order.has_value());
        QCOMPARE(order->size(), std::size_t(6));
        auto position = [&](const char *id) {
            return std::find(order->begin(), order->end(), NodeId(id)) - order->begin();
        };
        for (const Edge &e : arch.edges())
            QVERIFY(position(e.source.str().c_str()) < position(e.target.str().c_str()));
        arch.addEdge(makeEdge("da", "d", "a"));
        QVERIFY(!ArchitectureGraph(arch).topologicalOrder().has_value());
    }

    void graphFindsIslandsLargestFirst()
    {
        const Architecture arch = diamondWithIsland();
        const auto islands = ArchitectureGraph(arch).islands();
        QCOMPARE(islands.size(), std::size_t(2));
        QCOMPARE(names(islands[0]), (std::vector<std::string>{"a", "b", "c", "d"}));
        QCOMPARE(names(islands[1]), (std::vector<std::string>{"e", "f"}));
    }

    void graphReachability()
    {
        const Architecture arch = diamondWithIsland();
        const ArchitectureGraph graph(arch);
        auto reached = names(graph.reachableFrom({NodeId("b")}));
        std::sort(reached.begin(), reached.end());
        QCOMPARE(reached, (std::vector<std::string>{"b", "c", "d"}));
        QCOMPARE(graph.reachableFrom({NodeId("nope")}).size(), std::size_t(0));
        QCOMPARE(graph.reachableFrom({NodeId("a"), NodeId("e")}).size(), std::size_t(6));
    }

    void emptyGraph()
    {
        const Architecture empty;
        const ArchitectureGraph graph(empty);
        QCOMPARE(graph.nodeCount(), std::size_t(0));
        QVERIFY(graph.cycles().empty());
        QVERIFY(graph.islands().empty());
        QVERIFY(graph.topologicalOrder()->empty());
    }

    void numbersFormatShortestAndExact_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integer valued") << 128.0 << "128";
        QTest::newRow("half") << 0.5 << "0.5";
        QTest::newRow("price") << 0.0000166667 << "0.0000166667";
        QTest::newRow("huge") << 1e21 << "1e+21";
        QTest::newRow("tiny") << 1e-30 << "1e-30";
        QTest::newRow("large") << 1e13 << "10000000000000";
        QTest::newRow("negative") << -3.25 << "-3.25";
    }
    void numbersFormatShortestAndExact()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatNumber(value)), text);
    }

    void propertyValuesAreChecked_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("problem"); // "" when accepted
        const int integer = int(PropertyType::Integer);
        const int choice = int(PropertyType::Choice);
        const int boolean = int(PropertyType::Boolean);
        QTest::newRow("in range") << integer << "512" << "";
        QTest::newRow("below") << integer << "64" << "must be between 128 and 10240 MB, not 64";
        QTest::newRow("above") << integer << "20000" << "must be between 128 and 10240 MB";
        QTest::newRow("choice ok") << choice << "arm64" << "";
        QTest::newRow("choice bad") << choice << "sparc" << "must be one of x86_64, arm64";
        QTest::newRow("bool ok") << boolean << "true" << "";
    }
    void propertyValuesAreChecked()
    {
        QFETCH(int, type);
        QFETCH(QString, input);
        QFETCH(QString, problem);
        PropertyDef def;
        def.type = PropertyType(type);
        if (def.type == PropertyType::Integer) {
            def.minimum = 128;
            def.maximum = 10240;
            def.unit = "MB";
        }
        def.choices = {"x86_64", "arm64"};
        const auto value = parsePropertyValue(def, input.toStdString());
        QVERIFY(value.has_value());
        const auto result = checkPropertyValue(def, *value);
        if (problem.isEmpty()) {
            QVERIFY2(!result, result ? result->c_str() : "");
        } else {
            QVERIFY(result.has_value());
            QVERIFY2(QString::fromStdString(*result).contains(problem), result->c_str());
        }
    }

    void wrongTypesAreRefused()
    {
        PropertyDef def;
        def.type = PropertyType::Integer;
        QVERIFY(!parsePropertyValue(def, "lots"));
        QVERIFY(!parsePropertyValue(def, "1.5"));
        QVERIFY(checkPropertyValue(def, PropertyValue(1.5)).has_value());
        QVERIFY(checkPropertyValue(def, PropertyValue(std::string("3"))).has_value());
        def.type = PropertyType::Number;
        QVERIFY(!checkPropertyValue(def, PropertyValue(std::int64_t(3))).has_value());
        def.type = PropertyType::Boolean;
        QVERIFY(!parsePropertyValue(def, "yes"));
    }

    void connectionKindsRoundTrip()
    {
        QCOMPARE(allConnectionKinds().size(), std::size_t(9));
        for (ConnectionKind kind : allConnectionKinds())
            QCOMPARE(connectionKindFromName(connectionKindName(kind)), kind);
        QVERIFY(!connectionKindFromName("teleport"));
    }

    void jsonWriterProducesValidJson()
    {
        JsonWriter json;
        json.beginObject()
            .key("text").value("quote \" backslash \\ newline \n tab \t bell \a")
            .key("list").beginArray().value(1).value(2.5).value(true).null().endArray()
            .key("nested").beginObject().key("empty").beginArray().endArray().endObject()
            .endObject();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json.text()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("text").toString(),
                 QStringLiteral("quote \" backslash \\ newline \n tab \t bell \a"));
        QCOMPARE(doc.object().value("list").toArray().size(), 4);
    }

    void jsonWriterWritesOnlyUtf8()
    {
        // Found by fuzz_writers (tests/fuzz/regressions/fuzz_writers/json-not-utf8-and-bom):
        // bytes that are not UTF-8 (a Latin-1 file name in a SARIF log) made invalid JSON, and
        // a leading U+FEFF was dropped by Qt's reader.
        const std::string latin1 = "caf\xe9 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 end\xe2\x82";
        const std::string marks = "\xef\xbb\xbf" "bom \xe2\x80\xa8 \xe2\x80\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
        JsonWriter json;
        json.beginObject().key(latin1).value(latin1).key("marks").value(marks).endObject();
        QVERIFY(json.text().find("\\ufeff") != std::string::npos);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json.text()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString replaced = QStringLiteral("caf\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD end\uFFFD\uFFFD");
        QCOMPARE(doc.object().value(replaced).toString(), replaced);
        QCOMPARE(doc.object().value("marks").toString(), QString::fromUtf8(marks.data() + 3).prepend(QChar(0xfeff)));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
