// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "exportdiagramdialog.h"
#include "textdialogs.h"

#include "../cli/estimatecommand.h"

#include <model/analysis/validate.h>
#include <model/analysis/workload.h>
#include <model/core/limits.h>
#include <model/graph/architecturegraph.h>
#include <model/cost/estimate.h>
#include <views/canvas/arrange.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/canvasview.h>
#include <views/canvas/overviewwidget.h>
#include <views/canvas/serviceitem.h>
#include <views/commands/groupnotecommands.h>
#include <views/costs/costtablepanel.h>
#include <views/document/document.h>
#include <views/findings/analysis.h>
#include <views/findings/findingspanel.h>
#include <views/inspector/inspectorpanel.h>
#include <views/palette/palettepanel.h>

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsItem>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <cmath>
#include <sstream>

namespace nimbus::app {

MainWindow::MainWindow(const model::Catalog &catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_document(new views::Document(catalog, this))
    , m_scene(new views::CanvasScene(*m_document, this))
    , m_view(new views::CanvasView(m_scene, this))
    , m_costLabel(new QLabel(this))
    , m_findingsLabel(new QLabel(this))
    , m_analysisTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
{
    setCentralWidget(m_view);
    setAcceptDrops(true);
    statusBar()->addWidget(m_findingsLabel, 1);
    statusBar()->addPermanentWidget(m_costLabel);
    createDocks();
    createActions();

    m_scene->setKindChooser([this](const std::vector<model::ConnectionKind> &kinds, const QPointF &scenePos)
                                -> std::optional<model::ConnectionKind> {
        QMenu menu(this);
        menu.setTitle(tr("Connection kind"));
        for (model::ConnectionKind kind : kinds)
            menu.addAction(QString::fromUtf8(model::connectionKindName(kind).data()))->setData(int(kind));
        const QPoint global = m_view->viewport()->mapToGlobal(m_view->mapFromScene(scenePos));
        QAction *chosen = menu.exec(global);
        if (!chosen)
            return std::nullopt;
        return model::ConnectionKind(chosen->data().toInt());
    });
    connect(m_scene, &views::CanvasScene::noteEditRequested, this, [this](const QString &id) {
        const model::Note *note = m_document->architecture().note(model::NoteId(id.toStdString()));
        if (!note)
            return;
        const std::optional<QString> text = askLines(this, tr("Edit note"), tr("Note:"),
                                                     QString::fromStdString(note->text), int(model::kMaxNoteLength));
        if (text)
            m_document->undoStack()->push(new views::ChangeNoteCommand(*m_document, note->id, text->toStdString(), note->position));
    });
    connect(m_scene, &views::CanvasScene::connectionRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });
    connect(m_scene, &views::CanvasScene::editRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });

    m_analysisTimer->setSingleShot(true);
    m_analysisTimer->setInterval(150);
    connect(m_analysisTimer, &QTimer::timeout, this, &MainWindow::analyseNow);
    connect(m_document, &views::Document::changed, m_analysisTimer, qOverload<>(&QTimer::start));
    connect(m_document, &views::Document::changed, this, &MainWindow::updateTitle);
    connect(m_document, &views::Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &views::Document::documentReset, this, [this] {
        m_fittedOnce = false;
        if (isVisible())
            m_view->zoomToFit();
    });
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_preferences = Preferences::load();
    usePreferences(); // theme, grid, autosave interval
    m_autosaveTimer->start();

    resize(1440, 900);
    updateTitle();
    analyseNow();
}

MainWindow::~MainWindow()
{
    ++m_dashboardGeneration; // a comparison still running is not wanted any more
    if (m_dashboardPool)
        m_dashboardPool->waitForDone();
    // The scene is destroyed with the window's children, after this class is gone; the
    // selection it clears then must not reach this window's slots.
    m_scene->disconnect(this);
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    m_palette = new views::PalettePanel(m_catalog, this);
    dock(tr("Services"), QStringLiteral("palette-dock"), m_palette, Qt::LeftDockWidgetArea);
    connect(m_palette, &views::PalettePanel::addRequested, this, [this](const QString &type) {
        const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
        m_scene->addService(type, centre - QPointF(views::ServiceItem::kWidth / 2, views::ServiceItem::kHeight / 2));
    });

    m_inspector = new views::InspectorPanel(*m_document, this);
    dock(tr("Properties"), QStringLiteral("inspector-dock"), m_inspector, Qt::RightDockWidgetArea);
    connect(m_scene, &views::CanvasScene::selectionIdsChanged, m_inspector, &views::InspectorPanel::setSelection);

    m_undoView = new QUndoView(m_document->undoStack(), this);
    m_undoView->setEmptyLabel(tr("<opened design>"));
    auto *history = dock(tr("History"), QStringLiteral("history-dock"), m_undoView, Qt::RightDockWidgetArea);

    m_findings = new views::FindingsPanel(*m_document, this);
    auto *findingsDock = dock(tr("Findings"), QStringLiteral("findings-dock"), m_findings, Qt::BottomDockWidgetArea);
    connect(m_findings, &views::FindingsPanel::findingActivated, this,
            [this](const QStringList &nodes, const QStringList &edges) {
                m_scene->selectItems(nodes, edges);
                QRectF area;
                for (QGraphicsItem *item : m_scene->selectedItems())
                    area |= item->sceneBoundingRect();
                if (!area.isNull())
                    m_view->centreOn(area);
            });
    m_costs = new views::CostTablePanel(this);
    auto *costsDock = dock(tr("Monthly cost"), QStringLiteral("costs-dock"), m_costs, Qt::BottomDockWidgetArea);
    connect(m_costs, &views::CostTablePanel::serviceActivated, this, [this](const QString &id) {
        m_scene->selectItems({id}, {});
    });
    tabifyDockWidget(findingsDock, costsDock);
    createScenarioDock(costsDock);
    dock(tr("Overview"), QStringLiteral("overview-dock"), new views::OverviewWidget(m_view, this),
         Qt::LeftDockWidgetArea);
    findingsDock->raise();
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("inspector-dock")), history);
    createDashboardDock(history);
    findChild<QDockWidget *>(QStringLiteral("inspector-dock"))->raise();
    resizeDocks({findingsDock}, {220}, Qt::Vertical);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("inspector-dock")), findChild<QDockWidget *>(QStringLiteral("palette-dock"))},
                {380, 250}, Qt::Horizontal);
}

void MainWindow::createArrangeMenu()
{
    QMenu *arrange = menuBar()->addMenu(tr("&Arrange"));
    QAction *layout = arrange->addAction(tr("Auto &Layout"), this, [this] {
        bool pushed = false;
        const QString error = views::autoLayoutDesign(*m_document, &pushed);
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Auto layout failed: %1").arg(error), 8000);
        else if (!pushed)
            statusBar()->showMessage(tr("The design is already laid out"), 4000);
    });
    layout->setObjectName(QStringLiteral("action-auto-layout"));
    layout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    layout->setStatusTip(tr("Lay the whole design out automatically, keeping groups together"));
    arrange->addSeparator();

    QList<QAction *> needTwo, needThree;
    auto align = [&](const QString &text, const char *name, views::Alignment alignment) {
        QAction *a = arrange->addAction(text, this, [this, alignment] {
            views::alignServices(*m_document, m_scene->selectedNodeIds(), alignment);
        });
        a->setObjectName(QLatin1String(name));
        needTwo.append(a);
    };
    align(tr("Align &Left"), "action-align-left", views::Alignment::Left);
    align(tr("Align &Right"), "action-align-right", views::Alignment::Right);
    align(tr("Align &Top"), "action-align-top", views::Alignment::Top);
    align(tr("Align &Bottom"), "action-align-bottom", views::Alignment::Bottom);
    align(tr("Align &Horizontal Centres"), "action-align-hcentre", views::Alignment::HorizontalCentres);
    align(tr("Align &Vertical Centres"), "action-align-vcentre", views::Alignment::VerticalCentres);
    arrange->addSeparator();
    auto distribute = [&](const QString &text, const char *name, Qt::Orientation orientation) {
        QAction *a = arrange->addAction(text, this, [this, orientation] {
            views::distributeServices(*m_document, m_scene->selectedNodeIds(), orientation);
        });
        a->setObjectName(QLatin1String(name));
        needThree.append(a);
    };
    distribute(tr("Distribute &Horizontally"), "action-distribute-horizontally", Qt::Horizontal);
    distribute(tr("Distribute &Vertically"), "action-distribute-vertically", Qt::Vertical);

    auto updateEnabled = [this, needTwo, needThree] {
        const qsizetype n = m_scene->selectedNodeIds().size();
        for (QAction *a : needTwo)
            a->setEnabled(n >= 2);
        for (QAction *a : needThree)
            a->setEnabled(n >= 3);
    };
    connect(m_scene, &QGraphicsScene::selectionChanged, this, updateEnabled);
    connect(m_scene, &views::CanvasScene::selectionIdsChanged, this, updateEnabled); // selectItems() blocks the other
    updateEnabled();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("main-toolbar"));
    toolbar->setMovable(false);
    auto add = [&](QMenu *menu, const QString &text, QKeySequence::StandardKey key, auto slot, bool onToolbar = false) {
        QAction *action = menu->addAction(text, this, slot);
        action->setShortcut(key);
        if (onToolbar)
            toolbar->addAction(action);
        return action;
    };
    add(file, tr("&New"), QKeySequence::New, &MainWindow::onNew, true);
    QAction *fromTemplate = file->addAction(tr("New from &Template…"), this, &MainWindow::openTemplateGallery);
    fromTemplate->setObjectName(QStringLiteral("action-new-from-template"));
    fromTemplate->setStatusTip(tr("Start a new design from one of the starter architectures"));
    add(file, tr("&Open…"), QKeySequence::Open, &MainWindow::onOpen, true);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    add(file, tr("&Save"), QKeySequence::Save, &MainWindow::onSave, true);
    add(file, tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::onSaveAs);
    file->addSeparator();
    QAction *compare = file->addAction(tr("Compare with &Design…"), this, &MainWindow::onCompareWithDesign);
    compare->setObjectName(QStringLiteral("action-compare-with-design"));
    compare->setStatusTip(tr("Put another design file beside this one: monthly cost, servers, break-even, 3-year saving"));
    QAction *importAction = file->addAction(tr("&Import Template…"), this, &MainWindow::onImportTemplate);
    importAction->setObjectName(QStringLiteral("action-import-template"));
    importAction->setStatusTip(tr("Read an AWS SAM or CloudFormation template (YAML or JSON) into a new design"));
    QMenu *exportMenu = file->addMenu(tr("&Export Template"));
    QAction *exportSam = exportMenu->addAction(tr("AWS &SAM Template…"), this, [this] { onExportTemplate(false); });
    exportSam->setObjectName(QStringLiteral("action-export-sam"));
    exportSam->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction *exportCfn = exportMenu->addAction(tr("Plain &CloudFormation Template…"), this, [this] { onExportTemplate(true); });
    exportCfn->setObjectName(QStringLiteral("action-export-cloudformation"));
    QAction *exportDiagram = file->addAction(tr("Export &Diagram…"), this, [this] {
        const QString written = ExportDiagramDialog::exportDiagram(*m_document, m_scene->selectedNodeIds(), this);
        if (!written.isEmpty())
            statusBar()->showMessage(tr("Diagram written to %1").arg(QDir::toNativeSeparators(written)), 6000);
    });
    exportDiagram->setObjectName(QStringLiteral("action-export-diagram"));
    file->addAction(tr("Export &Report…"), this, &MainWindow::onExportReport)
        ->setObjectName(QStringLiteral("action-export-report"));
    file->addAction(tr("Export Cost &CSV…"), this, &MainWindow::onExportCostCsv)
        ->setObjectName(QStringLiteral("action-export-cost-csv"));
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    edit->addSeparator();
    QAction *remove = edit->addAction(tr("&Delete"), m_scene, &views::CanvasScene::deleteSelection);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);
    QAction *copy = edit->addAction(tr("&Copy"), this, [this] {
        const QByteArray text = m_scene->copySelection();
        if (text.isEmpty())
            return;
        auto *mime = new QMimeData;
        mime->setData(QString::fromLatin1(views::CanvasScene::kClipboardMime), text);
        mime->setText(QString::fromUtf8(text));
        QGuiApplication::clipboard()->setMimeData(mime);
    });
    copy->setShortcut(QKeySequence::Copy);
    QAction *cut = edit->addAction(tr("Cu&t"), this, [this, copy] {
        copy->trigger();
        m_scene->deleteSelection();
    });
    cut->setShortcut(QKeySequence::Cut);
    QAction *paste = edit->addAction(tr("&Paste"), this, [this] {
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        if (!mime)
            return;
        QByteArray text = mime->data(QString::fromLatin1(views::CanvasScene::kClipboardMime));
        if (text.isEmpty())
            text = mime->text().toUtf8();
        if (!m_scene->paste(text, QPointF(2 * views::CanvasScene::kGrid, 2 * views::CanvasScene::kGrid)))
            statusBar()->showMessage(tr("The clipboard holds no Nimbus services"), 4000);
    });
    paste->setShortcut(QKeySequence::Paste);
    QAction *duplicate = edit->addAction(tr("D&uplicate"), m_scene, &views::CanvasScene::duplicateSelection);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *group = edit->addAction(tr("&Group Selection…"), this, [this] {
        if (m_scene->selectedNodeIds().isEmpty())
            return;
        const std::optional<QString> title =
            askLine(this, tr("Group services"), tr("Title of the group:"), tr("Group"), int(model::kMaxNameLength));
        if (title && !title->trimmed().isEmpty())
            m_scene->groupSelection(title->trimmed());
    });
    group->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    edit->addSeparator();
    QAction *all = edit->addAction(tr("Select &All"), this, [this] {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
    });
    all->setShortcut(QKeySequence::SelectAll);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("Pre&ferences…"), this, &MainWindow::openPreferences);
    preferences->setObjectName(QStringLiteral("action-preferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence::Preferences);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [=, this](const QPoint &pos) {
        const QPointF scenePos = m_view->mapToScene(pos);
        QGraphicsItem *under = m_scene->itemAt(scenePos, m_view->transform());
        if (under && !under->isSelected() && (under->flags() & QGraphicsItem::ItemIsSelectable)) {
            m_scene->selectItems({}, {});
            under->setSelected(true);
        }
        QMenu menu(this);
        const bool hasSelection = !m_scene->selectedItems().isEmpty();
        for (QAction *a : {cut, copy, duplicate, remove, group})
            a->setEnabled(hasSelection);
        menu.addActions({cut, copy, paste, duplicate, remove});
        menu.addAction(group);
        menu.addAction(tr("Add &Note Here…"), this, [this, scenePos] {
            const std::optional<QString> text =
                askLines(this, tr("Add note"), tr("Note:"), QString(), int(model::kMaxNoteLength));
            if (text && !text->trimmed().isEmpty())
                m_scene->addNote(scenePos, text->trimmed());
        });
        menu.addSeparator();
        menu.addAction(all);
        menu.addAction(tr("Zoom to &Fit"), m_view, &views::CanvasView::zoomToFit);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
        for (QAction *a : {cut, copy, duplicate, remove, group})
            a->setEnabled(true);
    });

    createArrangeMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    toolbar->addSeparator();
    add(view, tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); }, true);
    add(view, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); }, true);
    QAction *fit = view->addAction(tr("Zoom to &Fit"), m_view, &views::CanvasView::zoomToFit);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    toolbar->addAction(fit);
    QAction *actual = view->addAction(tr("&Actual Size"), m_view, &views::CanvasView::zoomTo100);
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addSeparator();
    QAction *dashboard = view->addAction(tr("Cost &Dashboard"), this, &MainWindow::showDashboard);
    dashboard->setObjectName(QStringLiteral("action-cost-dashboard"));
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    dashboard->setStatusTip(tr("Show the cost charts: breakdown, serverless vs servers, TCO and uncertainty"));
    view->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Nimbus"), this, &MainWindow::onAbout);
}

const model::PriceList *MainWindow::pricesFor(const std::string &region)
{
    auto it = m_prices.find(region);
    if (it == m_prices.end()) {
        std::ostringstream err;
        auto loaded = loadPrices(region, "", err);
        it = m_prices.emplace(region, loaded ? std::make_unique<model::PriceList>(std::move(*loaded)) : nullptr).first;
    }
    return it->second.get();
}

void MainWindow::analyseNow()
{
    m_analysisTimer->stop();
    model::Architecture scenarioView;
    const model::Architecture &arch = analysedDesign(scenarioView);
    views::Analysis analysis;
    model::EstimateOptions options;
    const model::PriceList *prices = pricesFor(arch.settings().region);
    // One graph view and one workload serve both validation and the estimate.
    const model::ArchitectureGraph graph(arch);
    const model::Workload workload = model::propagateWorkload(arch, m_catalog, graph);
    analysis.findings = model::validate(arch, m_catalog, graph, workload);
    if (prices) {
        options.freeTier = arch.settings().freeTier;
        options.explain = arch.nodes().size() <= 500; // formulas for tooltips, when cheap
        analysis.estimate = model::estimate(arch, m_catalog, *prices, options, graph, workload);
    }
    QHash<QString, QString> costs;
    if (analysis.estimate) {
        for (const model::Node &n : arch.nodes()) {
            const double cost = analysis.estimate->nodeTotal(n.id);
            if (cost > 0)
                costs.insert(QString::fromStdString(n.id.str()),
                             m_preferences.money(cost) +
                                 (std::isfinite(cost) ? QStringLiteral("/mo") : QString()));
        }
        m_costLabel->setText(tr("Monthly cost: <b>%1</b> · %2")
                                 .arg(m_preferences.money(analysis.estimate->total),
                                      QString::fromStdString(arch.settings().region))
                             + (m_activeScenario.isEmpty() ? QString() : tr(" · scenario <b>%1</b>").arg(m_activeScenario.toHtmlEscaped())));
    } else {
        m_costLabel->setText(tr("No price list for %1").arg(QString::fromStdString(arch.settings().region)));
    }
    const model::FindingSummary summary = model::summarise(analysis.findings);
    m_findingsLabel->setText(tr("%n error(s)", nullptr, summary.errors) + QStringLiteral(" · ")
                             + tr("%n warning(s)", nullptr, summary.warnings) + QStringLiteral(" · ")
                             + tr("%n service(s)", nullptr, int(arch.nodes().size())));
    m_scene->setCosts(costs);
    m_scene->setFindings(analysis.findings);
    m_findings->setAnalysis(analysis);
    m_costs->setAnalysis(analysis);
    updateScenarioComparison();
    updateDashboard(arch, analysis.estimate, prices, options);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Nimbus").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        m_view->zoomToFit();
    }
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About Nimbus"),
                       tr("<b>Nimbus %1</b><p>Design, check, price and export AWS serverless "
                          "architectures.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace nimbus::app
