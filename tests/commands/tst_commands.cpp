// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <model/io/projectfile.h>
#include <views/commands/additemscommand.h>
#include <views/commands/movenodescommand.h>
#include <views/commands/removeitemscommand.h>
#include <views/commands/scenariocommands.h>
#include <views/commands/setpropertycommands.h>
#include <views/document/document.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace nimbus;
using model::EdgeId;
using model::NodeId;

namespace {

std::string yaml(const views::Document &d)
{
    return model::writeProject(d.architecture());
}

model::Node node(const char *id, const char *type, double x = 0, double y = 0)
{
    model::Node n;
    n.id = NodeId(id);
    n.type = type;
    n.name = id;
    n.position = {x, y};
    return n;
}

model::Edge edge(const char *id, const char *from, const char *to, model::ConnectionKind kind)
{
    model::Edge e;
    e.id = EdgeId(id);
    e.source = NodeId(from);
    e.target = NodeId(to);
    e.kind = kind;
    return e;
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<views::Document>(tests::builtinCatalog());
        QVERIFY(!model::hasErrors(m_document->open(tests::sourcePath("templates/web-application.nimbus"))));
    }

    /// Pushes a command and checks redo -> undo -> redo against the serialized design.
    void roundTrip(QUndoCommand *command)
    {
        const std::string before = yaml(*m_document);
        m_document->undoStack()->push(command); // redo
        const std::string after = yaml(*m_document);
        QVERIFY(after != before);
        m_document->undoStack()->undo();
        QCOMPARE(yaml(*m_document), before);
        m_document->undoStack()->redo();
        QCOMPARE(yaml(*m_document), after);
        QVERIFY(m_document->checkInvariants().isEmpty());
    }

    void addItems()
    {
        QSignalSpy added(m_document.get(), &views::Document::nodeAdded);
        QSignalSpy edges(m_document.get(), &views::Document::edgeAdded);
        roundTrip(new views::AddItemsCommand(*m_document, {node("queue", "sqs-queue", 100, 100)},
                                             {edge("to-queue", "create-order", "queue", model::ConnectionKind::Publish)},
                                             "Add queue"));
        QCOMPARE(added.count(), 2); // redo, then redo again
        QCOMPARE(edges.count(), 2);
        QCOMPARE(added.first().first().toString(), QStringLiteral("queue"));
    }

    void removeNodeWithItsEdges()
    {
        QSignalSpy removed(m_document.get(), &views::Document::edgeRemoved);
        roundTrip(new views::RemoveItemsCommand(*m_document, {NodeId("public-api")}, {}));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Delete 1 service(s)"));
        QVERIFY(!m_document->architecture().node(NodeId("public-api")));
        QVERIFY(!m_document->architecture().edge(EdgeId("api-to-create")));
        QVERIFY(removed.count() >= 5);
        m_document->undoStack()->undo();
        QVERIFY(m_document->architecture().edge(EdgeId("api-to-create"))); // same ids back
    }

    void removeEdgesOnly()
    {
        roundTrip(new views::RemoveItemsCommand(*m_document, {}, {EdgeId("list-reads"), EdgeId("create-writes")}));
        QCOMPARE(m_document->architecture().nodes().size(), std::size_t(10));
    }

    void moveIsOneStep()
    {
        QSignalSpy moved(m_document.get(), &views::Document::nodeMoved);
        std::vector<views::MoveNodesCommand::Move> moves = {
            {NodeId("cdn"), {260, 40}, {300, 60}}, {NodeId("site-bucket"), {510, 40}, {550, 60}}, {NodeId("browser"), {0, 200}, {40, 220}}};
        roundTrip(new views::MoveNodesCommand(*m_document, moves, views::MoveNodesCommand::Gesture::Drag));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Move 3 service(s)"));
        QCOMPARE(m_document->architecture().node(NodeId("cdn"))->position, (model::Point{300, 60}));
        QCOMPARE(moved.count(), 9);
    }

    void dragsDoNotMerge()
    {
        auto drag = [&](double x) {
            m_document->undoStack()->push(new views::MoveNodesCommand(
                *m_document, {{NodeId("cdn"), m_document->architecture().node(NodeId("cdn"))->position, {x, 0}}},
                views::MoveNodesCommand::Gesture::Drag));
        };
        drag(10);
        drag(20);
        QCOMPARE(m_document->undoStack()->count(), 2);
    }

    void nudgesOfTheSameSelectionMerge()
    {
        auto nudge = [&](const char *id, double dx) {
            const model::Point p = m_document->architecture().node(NodeId(id))->position;
            m_document->undoStack()->push(new views::MoveNodesCommand(
                *m_document, {{NodeId(id), p, {p.x + dx, p.y}}}, views::MoveNodesCommand::Gesture::Nudge));
        };
        nudge("cdn", 10);
        nudge("cdn", 10);
        nudge("cdn", 10);
        QCOMPARE(m_document->undoStack()->count(), 1);
        nudge("site-bucket", 10); // another selection: a new step
        QCOMPARE(m_document->undoStack()->count(), 2);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->architecture().node(NodeId("cdn"))->position, (model::Point{260, 40}));
    }

    void setNodeProperty()
    {
        QSignalSpy changed(m_document.get(), &views::Document::nodePropertyChanged);
        roundTrip(new views::SetNodePropertyCommand(*m_document, NodeId("create-order"), "memoryMb", std::int64_t(1024)));
        QCOMPARE(changed.first().at(1).toString(), QStringLiteral("memoryMb"));
        // Clearing a property returns it to the catalog default.
        roundTrip(new views::SetNodePropertyCommand(*m_document, NodeId("create-order"), "timeoutSeconds", std::nullopt));
    }

    void propertyEditsMergeWithinASession()
    {
        for (std::int64_t mb : {200, 300, 400})
            m_document->undoStack()->push(
                new views::SetNodePropertyCommand(*m_document, NodeId("profile"), "memoryMb", mb, /*session=*/7));
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->push(
            new views::SetNodePropertyCommand(*m_document, NodeId("profile"), "memoryMb", std::int64_t(500), /*session=*/8));
        QCOMPARE(m_document->undoStack()->count(), 2); // a new session does not merge
        m_document->undoStack()->push(
            new views::SetNodePropertyCommand(*m_document, NodeId("profile"), "timeoutSeconds", std::int64_t(9), 8));
        QCOMPARE(m_document->undoStack()->count(), 3); // another key does not merge
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(std::get<std::int64_t>(m_document->architecture().node(NodeId("profile"))->properties.at("memoryMb")),
                 std::int64_t(256));
    }

    void noOpsAreNotPushed()
    {
        m_document->undoStack()->push(
            new views::SetNodePropertyCommand(*m_document, NodeId("create-order"), "memoryMb", std::int64_t(512)));
        m_document->undoStack()->push(new views::RenameNodeCommand(*m_document, NodeId("cdn"), "Website CDN"));
        m_document->undoStack()->push(new views::MoveNodesCommand(
            *m_document, {{NodeId("cdn"), {260, 40}, {260, 40}}}, views::MoveNodesCommand::Gesture::Drag));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void setEdgePropertyAndRename()
    {
        roundTrip(new views::SetEdgePropertyCommand(*m_document, EdgeId("api-to-list"), "multiplier", 0.7));
        roundTrip(new views::RenameNodeCommand(*m_document, NodeId("cdn"), "Static site CDN"));
    }

    void scenarioCommandsRoundTrip()
    {
        QSignalSpy changed(m_document.get(), &views::Document::scenariosChanged);
        model::Scenario winter;
        winter.name = "winter";
        winter.trafficMultiplier = 0.5;
        roundTrip(new views::AddScenarioCommand(*m_document, 1, winter, QStringLiteral("Add scenario")));
        QCOMPARE(m_document->architecture().scenarios().at(1).name, std::string("winter"));
        QCOMPARE(changed.count(), 3);
        model::Scenario edited = winter;
        edited.name = "deep winter";
        edited.overrides.push_back({NodeId("browser"), "peakRps", 40.0});
        roundTrip(new views::EditScenarioCommand(*m_document, 1, edited, QStringLiteral("Edit scenario")));
        QCOMPARE(m_document->architecture().scenarios().at(1), edited);
        roundTrip(new views::RemoveScenarioCommand(*m_document, 0));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Delete scenario 'launch'"));
        QCOMPARE(m_document->architecture().scenarios().front().name, std::string("deep winter"));
    }

    void scenarioEditsMergeWithinASession()
    {
        model::Scenario s = m_document->architecture().scenarios().front();
        for (double traffic : {0.3, 0.4, 0.5}) {
            s.trafficMultiplier = traffic;
            m_document->undoStack()->push(new views::EditScenarioCommand(*m_document, 0, s, QStringLiteral("Traffic"), 7));
        }
        QCOMPARE(m_document->undoStack()->count(), 1);
        s.description = "other field, other session";
        m_document->undoStack()->push(new views::EditScenarioCommand(*m_document, 0, s, QStringLiteral("Describe"), 8));
        QCOMPARE(m_document->undoStack()->count(), 2);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->architecture().scenarios().front().trafficMultiplier, 0.2);
    }

    void saveMarksClean()
    {
        QTemporaryDir dir;
        m_document->undoStack()->push(new views::RenameNodeCommand(*m_document, NodeId("cdn"), "Edge cache"));
        QVERIFY(m_document->isModified());
        const QString path = dir.filePath("saved.nimbus");
        QString error;
        QVERIFY2(m_document->save(path, &error), qPrintable(error));
        QVERIFY(!m_document->isModified());
        QCOMPARE(m_document->filePath(), path);
        views::Document reopened(tests::builtinCatalog());
        QVERIFY(!model::hasErrors(reopened.open(path)));
        QCOMPARE(yaml(reopened), yaml(*m_document));
        QVERIFY(!m_document->save(dir.filePath("missing/folder/x.nimbus"), &error));
        QVERIFY(!error.isEmpty());
    }

private:
    std::unique_ptr<views::Document> m_document;
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
