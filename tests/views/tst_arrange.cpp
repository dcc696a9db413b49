// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The Arrange menu (auto layout, align, distribute) and the overview, driven through the
// real window's actions and mouse, offscreen.

#include "common/testdata.h"

#include <app/gui/mainwindow.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/canvasview.h>
#include <views/canvas/overviewwidget.h>
#include <views/canvas/serviceitem.h>
#include <views/document/document.h>

#include <QAction>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <map>
#include <memory>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

std::map<std::string, model::Point> positions(const views::Document &document)
{
    std::map<std::string, model::Point> result;
    for (const model::Node &node : document.architecture().nodes())
        result[node.id.str()] = node.position;
    return result;
}

} // namespace

class TestArrange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = std::make_unique<app::MainWindow>(builtinCatalog());
        QVERIFY(m_window->openFile(sourcePath("templates/web-application.nimbus"), false));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->view()->zoomToFit();
    }

    void cleanup()
    {
        m_window->document().undoStack()->setClean();
        m_window.reset();
    }

    QAction *action(const char *name)
    {
        auto *a = m_window->findChild<QAction *>(QLatin1String(name));
        if (!a)
            qWarning("no action %s", name);
        return a;
    }

    void select(const QStringList &ids) { m_window->scene()->selectItems(ids, {}); }

    void arrangeMenuSitsBetweenEditAndView()
    {
        QStringList titles;
        for (QAction *a : m_window->menuBar()->actions())
            titles << a->text().remove(QLatin1Char('&'));
        const qsizetype arrange = titles.indexOf(QStringLiteral("Arrange"));
        QVERIFY(arrange > 0);
        QCOMPARE(titles.at(arrange - 1), QStringLiteral("Edit"));
        QCOMPARE(titles.at(arrange + 1), QStringLiteral("View"));
        QCOMPARE(action("action-auto-layout")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    }

    void autoLayoutIsOneUndoStepWithoutOverlaps()
    {
        views::Document &document = m_window->document();
        const auto before = positions(document);
        QCOMPARE(document.undoStack()->count(), 0);
        action("action-auto-layout")->trigger();
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Auto layout"));
        const auto after = positions(document);
        QVERIFY(after != before);
        const qreal w = views::ServiceItem::kWidth, h = views::ServiceItem::kHeight;
        for (auto a = after.begin(); a != after.end(); ++a) {
            const QRectF ra(a->second.x, a->second.y, w, h);
            QCOMPARE(m_window->scene()->serviceItem(QString::fromStdString(a->first))->pos(), ra.topLeft());
            for (auto b = std::next(a); b != after.end(); ++b) {
                const QRectF rb(b->second.x, b->second.y, w, h);
                QVERIFY2(!ra.intersects(rb), (a->first + " overlaps " + b->first).c_str());
            }
        }
        m_window->view()->zoomToFit();
        m_window->analyseNow();
        QTest::qWait(50);
        QVERIFY(m_window->grab().save(QStringLiteral("/tmp/arrange.png")));

        // Laying out again changes nothing and pushes nothing.
        action("action-auto-layout")->trigger();
        QCOMPARE(document.undoStack()->count(), 1);

        document.undoStack()->undo();
        QVERIFY(positions(document) == before);
        for (const auto &[id, p] : before)
            QCOMPARE(m_window->scene()->serviceItem(QString::fromStdString(id))->pos(), QPointF(p.x, p.y));
        document.undoStack()->redo();
        QVERIFY(positions(document) == after);
    }

    void alignNeedsTwoAndDistributeThree()
    {
        const QStringList ids = idsOf(3);
        select({});
        QVERIFY(!action("action-align-left")->isEnabled());
        select(ids.mid(0, 2));
        QVERIFY(action("action-align-left")->isEnabled());
        QVERIFY(!action("action-distribute-horizontally")->isEnabled());
        select(ids);
        QVERIFY(action("action-distribute-horizontally")->isEnabled());
        QVERIFY(action("action-distribute-vertically")->isEnabled());
    }

    void alignLeftMakesXEqual()
    {
        views::Document &document = m_window->document();
        const QStringList ids = idsOf(3);
        double minX = 1e9;
        for (const QString &id : ids)
            minX = std::min(minX, node(id).x);
        const auto before = positions(document);
        select(ids);
        action("action-align-left")->trigger();
        QCOMPARE(document.undoStack()->count(), 1);
        for (const QString &id : ids) {
            QCOMPARE(node(id).x, minX);
            QCOMPARE(node(id).y, before.at(id.toStdString()).y); // y untouched
        }
        // Already aligned: nothing is pushed.
        action("action-align-left")->trigger();
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QVERIFY(positions(document) == before);
    }

    void otherAlignments()
    {
        const QStringList ids = idsOf(3);
        const qreal w = views::ServiceItem::kWidth, h = views::ServiceItem::kHeight;
        select(ids);
        double maxRight = -1e9, maxBottom = -1e9;
        for (const QString &id : ids) {
            maxRight = std::max(maxRight, node(id).x + w);
            maxBottom = std::max(maxBottom, node(id).y + h);
        }
        action("action-align-right")->trigger();
        action("action-align-bottom")->trigger();
        for (const QString &id : ids) {
            QCOMPARE(node(id).x + w, maxRight);
            QCOMPARE(node(id).y + h, maxBottom);
        }
        QCOMPARE(m_window->document().undoStack()->count(), 2);
        m_window->document().undoStack()->setIndex(0);
        action("action-align-hcentre")->trigger();
        action("action-align-vcentre")->trigger();
        for (const QString &id : ids) {
            QCOMPARE(node(id).x, node(ids.first()).x);
            QCOMPARE(node(id).y, node(ids.first()).y);
        }
    }

    void distributeSpacesEvenly()
    {
        views::Document &document = m_window->document();
        const QStringList ids = idsOf(4);
        select(ids);
        for (const bool horizontal : {true, false}) {
            document.undoStack()->setIndex(0);
            auto coord = [&](const QString &id) { return horizontal ? node(id).x : node(id).y; };
            std::vector<double> before;
            for (const QString &id : ids)
                before.push_back(coord(id));
            action(horizontal ? "action-distribute-horizontally" : "action-distribute-vertically")->trigger();
            QCOMPARE(document.undoStack()->count(), 1);
            std::vector<double> after;
            for (const QString &id : ids)
                after.push_back(coord(id));
            std::sort(before.begin(), before.end());
            std::sort(after.begin(), after.end());
            QCOMPARE(after.front(), before.front()); // the outermost stay put
            QCOMPARE(after.back(), before.back());
            const double step = (after.back() - after.front()) / 3;
            for (int i = 1; i < 4; ++i)
                QVERIFY(qAbs(after[i] - after[i - 1] - step) < 1e-9);
        }
    }

    void overviewMovesTheView()
    {
        auto *overview = m_window->findChild<views::OverviewWidget *>(QStringLiteral("overview"));
        QVERIFY(overview);
        QVERIFY(overview->isVisible());
        views::CanvasView *view = m_window->view();
        view->zoomTo100();
        view->zoomBy(2.0); // much of the diagram is out of view now
        QCoreApplication::processEvents();
        auto visibleCentre = [view] { return view->mapToScene(view->viewport()->rect().center()); };

        // Click on the service farthest from the view's centre: the view centres on it.
        const QPointF start = visibleCentre();
        QPointF goal;
        for (const QString &id : idsOf(100)) {
            const QPointF centre(node(id).x + views::ServiceItem::kWidth / 2, node(id).y + views::ServiceItem::kHeight / 2);
            if (QLineF(centre, start).length() > QLineF(goal, start).length())
                goal = centre;
        }
        QTest::mouseClick(overview->viewport(), Qt::LeftButton, Qt::NoModifier, overview->mapFromScene(goal));
        QCoreApplication::processEvents();
        QVERIFY(QLineF(visibleCentre(), start).length() > 50);
        const QRectF visible = overview->visibleSceneRect();
        QVERIFY2(visible.contains(goal), "the clicked point is in view");

        // Dragging follows the mouse.
        const QPointF before = visibleCentre();
        const QPoint from = overview->mapFromScene(goal);
        const QPoint to = from + QPoint(overview->width() / 3, overview->height() / 4);
        QTest::mousePress(overview->viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(overview->viewport(), to);
        QTest::mouseRelease(overview->viewport(), Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY(visibleCentre().x() > before.x());
        QCOMPARE(m_window->document().undoStack()->count(), 0); // view state only
    }

private:
    model::Point node(const QString &id) const
    {
        return m_window->document().architecture().node(model::NodeId(id.toStdString()))->position;
    }

    /// The first `n` service ids, in document order.
    QStringList idsOf(int n) const
    {
        QStringList ids;
        for (const model::Node &node : m_window->document().architecture().nodes()) {
            if (ids.size() < n)
                ids << QString::fromStdString(node.id.str());
        }
        return ids;
    }

    std::unique_ptr<app::MainWindow> m_window;
};

QTEST_MAIN(TestArrange)
#include "tst_arrange.moc"
