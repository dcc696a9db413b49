// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <views/canvas/canvasscene.h>
#include <views/document/document.h>

#include <QApplication>
#include <QFileDialog>
#include <QGraphicsView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace nimbus::app {

MainWindow::MainWindow(const model::Catalog &catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_document(new views::Document(catalog, this))
    , m_scene(new views::CanvasScene(*m_document, this))
    , m_view(new QGraphicsView(m_scene, this))
    , m_status(new QLabel(this))
{
    m_view->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    setCentralWidget(m_view);
    statusBar()->addWidget(m_status, 1);
    createMenus();
    connect(m_document, &views::Document::documentReset, this, &MainWindow::updateTitleAndStatus);
    resize(1200, 780);
    updateTitleAndStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::onOpen);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Nimbus"), this, &MainWindow::onAbout);
}

bool MainWindow::openFile(const QString &path, bool interactive)
{
    const model::Diagnostics diagnostics = m_document->open(path);
    if (!model::hasErrors(diagnostics)) {
        fitDesign();
        return true;
    }
    QStringList lines;
    for (const model::Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    if (interactive) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot open design"),
                        tr("%1 could not be opened. Your current design is unchanged.")
                            .arg(path),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
    }
    m_status->setText(lines.value(0));
    return false;
}

void MainWindow::fitDesign()
{
    // The view has its real size only once shown; showEvent() fits again then.
    m_view->resetTransform();
    m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Never enlarge a small design beyond 100%: boxes and text would look bloated.
    if (m_view->transform().m11() > 1.0) {
        m_view->resetTransform();
        m_view->centerOn(m_scene->sceneRect().center());
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    fitDesign();
}

void MainWindow::onOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), QString(),
                                                      tr("Nimbus designs (*.nimbus)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About Nimbus"),
                       tr("<b>Nimbus %1</b><p>Design, check, price and export AWS serverless "
                          "architectures.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::updateTitleAndStatus()
{
    setWindowTitle(tr("%1 — Nimbus").arg(m_document->displayName()));
    const auto &arch = m_document->architecture();
    m_status->setText(tr("%n service(s)", nullptr, int(arch.nodes().size())) + QStringLiteral(", ")
                      + tr("%n connection(s)", nullptr, int(arch.edges().size()))
                      + QStringLiteral(" · ") + QString::fromStdString(arch.settings().region));
}

} // namespace nimbus::app
