// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <model/core/architecture.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>
#include <model/layout/autolayout.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <random>
#include <string>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;
using nimbus::tests::sourcePath;

namespace {

// Set in the child process of reportsMissingDotEngine(), which runs without Graphviz plugins.
constexpr const char *kNoDotChild = "NIMBUS_LAYOUT_NO_DOT_CHILD";

Node makeNode(const std::string &id, std::optional<GroupId> group = {})
{
    Node n;
    n.id = NodeId(id);
    n.type = "lambda-function";
    n.name = id;
    n.group = std::move(group);
    return n;
}

void wire(Architecture &arch, const std::string &from, const std::string &to)
{
    Edge e;
    e.id = EdgeId(arch.uniqueId("e"));
    e.source = NodeId(from);
    e.target = NodeId(to);
    QVERIFY(arch.addEdge(std::move(e)));
}

Architecture chain(int length)
{
    Architecture arch;
    for (int i = 0; i < length; ++i) {
        arch.addNode(makeNode("c" + std::to_string(i)));
        if (i > 0)
            wire(arch, "c" + std::to_string(i - 1), "c" + std::to_string(i));
    }
    return arch;
}

Architecture fanOut(int width)
{
    Architecture arch;
    arch.addNode(makeNode("root"));
    for (int i = 0; i < width; ++i) {
        arch.addNode(makeNode("leaf" + std::to_string(i)));
        wire(arch, "root", "leaf" + std::to_string(i));
    }
    return arch;
}

/// Two groups wired to each other and to ungrouped nodes on both sides.
Architecture twoGroups()
{
    Architecture arch;
    arch.addGroup(Group{GroupId("api"), "API", {}});
    arch.addGroup(Group{GroupId("data"), "Data", {}});
    arch.addNode(makeNode("client"));
    arch.addNode(makeNode("gateway", GroupId("api")));
    arch.addNode(makeNode("reader", GroupId("api")));
    arch.addNode(makeNode("writer", GroupId("api")));
    arch.addNode(makeNode("table", GroupId("data")));
    arch.addNode(makeNode("queue", GroupId("data")));
    arch.addNode(makeNode("worker"));
    arch.addNode(makeNode("audit"));
    wire(arch, "client", "gateway");
    wire(arch, "gateway", "reader");
    wire(arch, "gateway", "writer");
    wire(arch, "reader", "table");
    wire(arch, "writer", "table");
    wire(arch, "writer", "queue");
    wire(arch, "queue", "worker");
    wire(arch, "worker", "table");
    wire(arch, "client", "audit");
    wire(arch, "audit", "table");
    return arch;
}

/// Random wiring, self-loops and parallel edges included, a third of the nodes in groups.
Architecture randomDesign(int nodes, int edges, int groups, unsigned seed)
{
    std::mt19937 rng(seed);
    Architecture arch;
    for (int g = 0; g < groups; ++g)
        arch.addGroup(Group{GroupId("g" + std::to_string(g)), "Group", {}});
    std::uniform_int_distribution<int> anyNode(0, nodes - 1);
    std::uniform_int_distribution<int> anyGroup(0, 3 * groups - 1);
    for (int i = 0; i < nodes; ++i) {
        const int g = anyGroup(rng);
        arch.addNode(
            makeNode("s" + std::to_string(i),
                     g < groups ? std::optional(GroupId("g" + std::to_string(g))) : std::nullopt));
    }
    for (int e = 0; e < edges; ++e)
        wire(arch, "s" + std::to_string(anyNode(rng)), "s" + std::to_string(anyNode(rng)));
    return arch;
}

struct Box
{
    double left, top, right, bottom;
    bool intersects(const Box &o) const
    {
        return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }
};

Box boxAt(const Point &p, const LayoutOptions &options)
{
    return {p.x, p.y, p.x + options.nodeWidth, p.y + options.nodeHeight};
}

/// Lays `design` out and checks what holds for every design: success, one position per
/// node in the design's order, nothing left of or above the margin, no two boxes overlapping.
LayoutResult layOut(const Architecture &design, const LayoutOptions &options = {})
{
    LayoutResult result = autoLayout(design, options);
    [&] {
        QVERIFY2(result.ok(), result.error.c_str());
        QCOMPARE(result.positions.size(), design.nodes().size());
        for (std::size_t i = 0; i < result.positions.size(); ++i) {
            const auto &[id, p] = result.positions[i];
            QCOMPARE(id, design.nodes()[i].id);
            QVERIFY2(p.x >= options.margin && p.y >= options.margin, id.str().c_str());
        }
        for (std::size_t i = 0; i < result.positions.size(); ++i) {
            const Box a = boxAt(result.positions[i].second, options);
            for (std::size_t j = i + 1; j < result.positions.size(); ++j) {
                const bool overlap = a.intersects(boxAt(result.positions[j].second, options));
                QVERIFY2(!overlap, (result.positions[i].first.str() + " overlaps " +
                                    result.positions[j].first.str())
                                       .c_str());
            }
        }
    }();
    return result;
}

/// No non-member box enters a group's frame: the members' bounding box grown as the canvas
/// draws it (18 units on three sides, 40 above for the title).
void verifyGroupsKeptTogether(const Architecture &design, const LayoutResult &result,
                              const LayoutOptions &options = {})
{
    QCOMPARE(result.positions.size(), design.nodes().size());
    for (const Group &group : design.groups()) {
        std::optional<Box> frame;
        for (std::size_t i = 0; i < design.nodes().size(); ++i) {
            if (design.nodes()[i].group != group.id)
                continue;
            const Box b = boxAt(result.positions[i].second, options);
            frame = frame ? Box{std::min(frame->left, b.left), std::min(frame->top, b.top),
                                std::max(frame->right, b.right), std::max(frame->bottom, b.bottom)}
                          : b;
        }
        if (!frame)
            continue;
        const Box grown{frame->left - 18, frame->top - 40, frame->right + 18, frame->bottom + 18};
        for (std::size_t i = 0; i < design.nodes().size(); ++i) {
            if (design.nodes()[i].group == group.id)
                continue;
            const std::string what = design.nodes()[i].id.str() + " inside group " + group.id.str();
            QVERIFY2(!grown.intersects(boxAt(result.positions[i].second, options)), what.c_str());
        }
    }
}

/// The smallest coordinate on one axis; NaN (which compares unequal) when there are no positions.
double minimum(const LayoutResult &result, double Point::*axis)
{
    if (result.positions.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double low = result.positions.front().second.*axis;
    for (const auto &[id, p] : result.positions)
        low = std::min(low, p.*axis);
    return low;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDesignIsOk()
    {
        const LayoutResult result = autoLayout(Architecture());
        QVERIFY(result.ok());
        QVERIFY(result.positions.empty());
    }

    void chainRunsLeftToRight()
    {
        const LayoutOptions options;
        const LayoutResult result = layOut(chain(6), options);
        for (std::size_t i = 1; i < result.positions.size(); ++i) {
            const Point &before = result.positions[i - 1].second;
            const Point &after = result.positions[i].second;
            QCOMPARE_GT(after.x, before.x);
            QCOMPARE(after.x - before.x, options.nodeWidth + options.rankSeparation);
            QCOMPARE(after.y, before.y);
        }
        // The layout's bounding box starts at the margin.
        QCOMPARE(minimum(result, &Point::x), options.margin);
        QCOMPARE(minimum(result, &Point::y), options.margin);
    }

    void chainRunsTopToBottom()
    {
        LayoutOptions options;
        options.leftToRight = false;
        options.nodeWidth = 100;
        options.nodeHeight = 40;
        options.rankSeparation = 50;
        options.margin = 10;
        const LayoutResult result = layOut(chain(5), options);
        for (std::size_t i = 1; i < result.positions.size(); ++i) {
            const Point &before = result.positions[i - 1].second;
            const Point &after = result.positions[i].second;
            QCOMPARE(after.y - before.y, options.nodeHeight + options.rankSeparation);
            QCOMPARE(after.x, before.x);
        }
        QCOMPARE(minimum(result, &Point::x), options.margin);
        QCOMPARE(minimum(result, &Point::y), options.margin);
    }

    void fanOutDoesNotOverlap()
    {
        const LayoutResult result = layOut(fanOut(12));
        const double rootX = result.positions.front().second.x;
        for (std::size_t i = 1; i < result.positions.size(); ++i)
            QCOMPARE_GT(result.positions[i].second.x, rootX);
    }

    void nodesWithoutEdgesGetPlaces()
    {
        Architecture design;
        for (int i = 0; i < 10; ++i)
            design.addNode(makeNode("lonely" + std::to_string(i)));
        layOut(design);
    }

    void selfLoopsAndParallelEdges()
    {
        Architecture design = chain(3);
        wire(design, "c0", "c0");
        wire(design, "c1", "c1");
        wire(design, "c0", "c1");
        wire(design, "c0", "c1");
        wire(design, "c2", "c0");
        layOut(design);
    }

    void groupsStayTogether()
    {
        const Architecture design = twoGroups();
        const LayoutResult result = layOut(design);
        verifyGroupsKeptTogether(design, result);
    }

    void groupedNodesOnlyAndEmptyGroups()
    {
        Architecture design;
        design.addGroup(Group{GroupId("all"), "All", {}});
        design.addGroup(Group{GroupId("unused"), "Unused", {}});
        for (const char *id : {"a", "b", "c"})
            design.addNode(makeNode(id, GroupId("all")));
        wire(design, "a", "b");
        wire(design, "a", "c");
        const LayoutResult result = layOut(design);
        // The group's frame is part of the layout, so it too starts at the margin.
        QCOMPARE_GE(minimum(result, &Point::x), LayoutOptions().margin + 18);
        QCOMPARE_GE(minimum(result, &Point::y), LayoutOptions().margin + 40);
    }

    void randomDesignDoesNotOverlap_data()
    {
        QTest::addColumn<bool>("leftToRight");
        QTest::newRow("left to right") << true;
        QTest::newRow("top to bottom") << false;
    }
    void randomDesignDoesNotOverlap()
    {
        QFETCH(bool, leftToRight);
        LayoutOptions options;
        options.leftToRight = leftToRight;
        const Architecture design = randomDesign(300, 450, 8, 7);
        const LayoutResult result = layOut(design, options);
        verifyGroupsKeptTogether(design, result, options);
    }

    void layoutIsDeterministic()
    {
        const Architecture design = randomDesign(120, 200, 4, 11);
        const LayoutResult first = layOut(design);
        // Other layouts in between reshuffle the heap, which once changed where clusters went.
        layOut(twoGroups());
        layOut(randomDesign(200, 300, 6, 5));
        for (int run = 0; run < 3; ++run)
            QVERIFY(layOut(design).positions == first.positions);
    }

    void templatesLayOutWithoutOverlap()
    {
        const QDir folder(sourcePath(QStringLiteral("templates")));
        const QStringList files =
            folder.entryList({QStringLiteral("*.nimbus")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            const ProjectLoadResult loaded =
                readProjectFile(folder.filePath(file).toStdString(), builtinCatalog());
            QVERIFY2(loaded.ok(), qPrintable(file));
            const LayoutResult result = layOut(loaded.architecture);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(file));
            verifyGroupsKeptTogether(loaded.architecture, result);
        }
    }

    /// What File > Import Template does with a template: import it, then lay it out. Every
    /// importable template of the public serverless-patterns collection gets a layout with
    /// no two boxes overlapping and its groups kept apart.
    void importedCorpusTemplatesLayOutWithoutOverlap()
    {
        const QDir corpus(QDir(qEnvironmentVariable("NIMBUS_SOURCE_DIR", sourcePath(QString())))
                              .filePath(QStringLiteral("../shared/corpus/serverless-patterns")));
        if (!corpus.exists())
            QSKIP(qPrintable(QStringLiteral("the template corpus is not at %1").arg(corpus.path())));
        const QStringList files = corpus.entryList(
            {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() > 300);
        int laidOut = 0;
        std::size_t nodes = 0, largest = 0;
        QElapsedTimer timer;
        timer.start();
        for (const QString &file : files) {
            const iac::ImportResult imported = iac::importTemplateFile(corpus.filePath(file).toStdString(), builtinCatalog());
            if (!imported.ok())
                continue; // the few invalid upstream files are tst_import's business
            const LayoutResult result = layOut(imported.design);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(file));
            verifyGroupsKeptTogether(imported.design, result);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(file));
            ++laidOut;
            nodes += imported.design.nodes().size();
            largest = std::max(largest, imported.design.nodes().size());
        }
        QVERIFY(laidOut > 300);
        qInfo("%d imported templates laid out (%zu nodes, largest %zu) in %lld ms", laidOut, nodes, largest,
              static_cast<long long>(timer.elapsed()));
    }

    /// libgvc reads GVBINDIR once per process, so the check runs in a child process that
    /// points it at an empty folder: no plugin configuration, hence no dot engine.
    void reportsMissingDotEngine()
    {
        if (qEnvironmentVariableIsSet(kNoDotChild)) {
            const LayoutResult result = autoLayout(chain(3));
            QVERIFY(!result.ok());
            QVERIFY(result.positions.empty());
            QVERIFY2(result.error.starts_with("Graphviz dot layout engine not available: "),
                     result.error.c_str());
            return;
        }
        const QTemporaryDir noPlugins;
        QVERIFY(noPlugins.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kNoDotChild), QStringLiteral("1"));
        env.insert(QStringLiteral("GVBINDIR"), noPlugins.path());
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("reportsMissingDotEngine")});
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 child.readAll().constData());
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
