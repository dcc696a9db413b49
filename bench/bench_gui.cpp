// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Prints how long the designer takes to open and draw a 2,000-service design, and how
// long one frame of dragging a service takes in it (offscreen; run with
// QT_QPA_PLATFORM=offscreen). Median of repeated runs.

#include "synthetic.h"

#include <app/cli/builtincatalog.h>
#include <app/gui/mainwindow.h>
#include <model/io/projectfile.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/canvasview.h>
#include <views/canvas/serviceitem.h>
#include <views/document/document.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    using namespace nimbus;
    const model::CatalogLoadResult catalog = app::loadCatalog();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.nimbus"));
    std::string error;
    model::saveProjectFile(bench::syntheticDesign(2000), path.toStdString(), error);

    std::vector<double> openTimes;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        app::MainWindow window(catalog.catalog);
        window.openFile(path, false);
        window.show();
        window.analyseNow();
        window.view()->viewport()->grab(); // forces a full paint of the visible scene
        openTimes.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("open, analyse and draw 2,000 services       %10.1f ms\n", median(openTimes));

    app::MainWindow window(catalog.catalog);
    window.openFile(path, false);
    window.show();
    window.analyseNow();
    window.view()->zoomTo100();
    views::ServiceItem *item = window.scene()->serviceItem(
        QString::fromStdString(window.document().architecture().nodes()[1000].id.str()));
    window.view()->centerOn(item);
    QApplication::processEvents();
    std::vector<double> frames;
    std::vector<double> fullFrames;
    for (int step = 0; step < 60; ++step) {
        QElapsedTimer timer;
        timer.start();
        item->setPos(item->pos() + QPointF(3, 1)); // what a mouse move during a drag does,
        QApplication::processEvents();             // and the repaint of what it changed
        frames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        window.view()->viewport()->repaint(); // worst case: the whole visible canvas
        fullFrames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("one drag frame in a 2,000-service design    %10.2f ms (median of 60)\n", median(frames));
    std::printf("full repaint of the visible canvas          %10.2f ms (median of 60)\n", median(fullFrames));

    // The cost dashboard adds the server comparison (and, up to its size limit, a Monte
    // Carlo run) to every analysis while it is shown.
    for (int services : {400, 2000}) {
        const QString sized = dir.filePath(QStringLiteral("dashboard-%1.nimbus").arg(services));
        model::saveProjectFile(bench::syntheticDesign(services), sized.toStdString(), error);
        app::MainWindow shown(catalog.catalog);
        shown.openFile(sized, false);
        shown.show();
        auto analyse = [&shown] {
            std::vector<double> analyses;
            for (int run = 0; run < 3; ++run) {
                QElapsedTimer timer;
                timer.start();
                shown.analyseNow();
                analyses.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            }
            return median(analyses);
        };
        std::printf("analyse %5d services, dashboard hidden    %10.1f ms\n", services, analyse());
        shown.showDashboard();
        std::printf("analyse %5d services, dashboard shown     %10.1f ms\n", services, analyse());
        shown.document().undoStack()->setClean();
    }
    return 0;
}
