// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <app/gui/mainwindow.h>
#include <views/canvas/canvasscene.h>
#include <views/document/document.h>

#include <QGraphicsRectItem>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

int nodeItems(const QGraphicsScene &scene)
{
    int count = 0;
    for (QGraphicsItem *item : scene.items()) {
        if (!item->data(0).toString().isEmpty())
            ++count;
    }
    return count;
}

} // namespace

class TestViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentOpensADesign()
    {
        views::Document document(builtinCatalog());
        QSignalSpy reset(&document, &views::Document::documentReset);
        const auto diagnostics = document.open(sourcePath("templates/web-application.nimbus"));
        QVERIFY(!model::hasErrors(diagnostics));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(document.displayName(), QStringLiteral("Web application"));
        QCOMPARE(document.architecture().nodes().size(), std::size_t(10));
        QVERIFY(document.undoStack()->isClean());
    }

    void aBrokenFileKeepsTheOpenDesign()
    {
        views::Document document(builtinCatalog());
        document.open(sourcePath("templates/web-application.nimbus"));
        QSignalSpy reset(&document, &views::Document::documentReset);
        const auto diagnostics = document.open(sourcePath("tests/data/malformed/bad-yaml.nimbus"));
        QVERIFY(model::hasErrors(diagnostics));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(document.architecture().nodes().size(), std::size_t(10));
        QVERIFY(document.filePath().endsWith("web-application.nimbus"));
    }

    void sceneMirrorsTheDocument()
    {
        views::Document document(builtinCatalog());
        views::CanvasScene scene(document);
        QCOMPARE(nodeItems(scene), 0);
        document.open(sourcePath("templates/web-application.nimbus"));
        QCOMPARE(nodeItems(scene), 10);
        // Each service box sits at its model position.
        for (QGraphicsItem *item : scene.items()) {
            const QString id = item->data(0).toString();
            if (id.isEmpty())
                continue;
            const model::Node *node = document.architecture().node(model::NodeId(id.toStdString()));
            QVERIFY(node);
            QCOMPARE(item->pos(), QPointF(node->position.x, node->position.y));
        }
    }

    void mainWindowShowsTheDesign()
    {
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(sourcePath("templates/web-application.nimbus"), false));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Web application — Nimbus"));
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 600);
        QVERIFY(!window.openFile(sourcePath("tests/data/malformed/no-header.nimbus"), false));
        QCOMPARE(window.document().architecture().nodes().size(), std::size_t(10));
    }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
