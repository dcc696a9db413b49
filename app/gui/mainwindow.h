// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "preferences.h"

#include <model/core/diagnostic.h>
#include <model/cost/estimate.h>
#include <model/cost/pricelist.h>
#include <views/charts/costcharts.h>

#include <QMainWindow>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QThreadPool;
class QTimer;
class QUndoView;

namespace nimbus::model {
class Architecture;
class Catalog;
}

namespace nimbus::views {
class CanvasScene;
class CanvasView;
class CostDashboard;
class CostTablePanel;
class Document;
class FindingsPanel;
class InspectorPanel;
class PalettePanel;
class ScenarioPanel;
namespace charts {
class VariantsChartView;
}
} // namespace nimbus::views

namespace nimbus::app {

class TemplateGallery;

/// The designer window: canvas in the middle, palette on the left, inspector on the
/// right, findings and costs below, undo history; File, Edit and View menus. It owns the
/// Document and recomputes the analysis (validation and cost) shortly after each change.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const model::Catalog &catalog, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `path`; on errors shows them (when `interactive`), puts them in `problems`
    /// (when given) and keeps the current design. True on success.
    bool openFile(const QString &path, bool interactive = true, QStringList *problems = nullptr);
    bool saveTo(const QString &path);
    /// Reads a SAM or CloudFormation template as a new untitled design laid out with
    /// Graphviz. On errors shows them (when `interactive`) and keeps the open design.
    bool importTemplate(const QString &path, bool interactive = true);
    /// Writes the design as a template (nested stack files beside `path` when needed).
    bool exportTemplate(const QString &path, bool cloudFormation, bool interactive = true);
    /// File > Export Report…: the executive cost report as a PDF, in the preferred currency.
    bool exportReport(const QString &path, bool interactive = true);
    /// File > Export Cost CSV…: every line item of the estimate, in the preferred currency.
    bool exportCostCsv(const QString &path, bool interactive = true);

    views::Document &document() const { return *m_document; }
    views::CanvasScene *scene() const { return m_scene; }
    views::CanvasView *view() const { return m_view; }
    views::PalettePanel *palette() const { return m_palette; }
    views::InspectorPanel *inspector() const { return m_inspector; }
    views::FindingsPanel *findings() const { return m_findings; }
    views::CostTablePanel *costs() const { return m_costs; }
    views::ScenarioPanel *scenarios() const { return m_scenarios; }

    /// File > Compare with Design…: reads `path` and shows it beside the open design in the
    /// Scenarios panel's table (kept up to date as the open design changes) until the panel
    /// goes back to scenarios. On errors shows them (when `interactive`); false then.
    bool compareWithDesign(const QString &path, bool interactive = true);
    /// The scenario the canvas and cost table are priced as; empty for the design as drawn.
    QString activeScenario() const { return m_activeScenario; }
    views::CostDashboard *dashboard() const { return m_dashboard; }
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    /// Shows and raises the "Cost dashboard" dock (View > Cost Dashboard).
    void showDashboard();
    /// Designs with more services than this have their server comparison computed in the
    /// background (the newest edit wins), so that editing never waits for it. Default 400.
    void setDashboardInlineLimit(std::size_t services) { m_dashboardInlineLimit = services; }

    /// Runs the analysis now instead of after the short delay (tests, screenshots).
    void analyseNow();
    /// Writes the recovery file now (the autosave timer does it every few minutes, see
    /// Preferences::autosaveMinutes).
    void autosaveNow();
    int autosaveInterval() const; ///< milliseconds

    /// File > New from Template…: shows the gallery of starter designs (window-modal, not
    /// blocking) and opens a copy of the one chosen. The dialog deletes itself when closed.
    TemplateGallery *openTemplateGallery();
    /// Asks to save changes, then opens a copy of the design at `path` as a new untitled,
    /// modified design (the template file itself is never written). True on success.
    bool newFromTemplate(const QString &path, bool interactive = true);
    /// Monthly cost of `design` with the window's price lists, formatted with the preferred
    /// currency symbol ("$1,234.56"); empty when its region has no price list.
    QString monthlyCost(const model::Architecture &design);

    /// Edit > Preferences…: shows the dialog (not blocking); OK stores and applies.
    PreferencesDialog *openPreferences();
    const Preferences &preferences() const { return m_preferences; }
    /// Stores `preferences` with QSettings and applies them at once.
    void applyPreferences(const Preferences &preferences);
    /// Where the recovery copy of `path` (or of an untitled design) is kept.
    static QString recoveryPathFor(const QString &path);
    /// Loads a recovery copy into the window as a modified design titled after `original`.
    bool restoreRecovery(const QString &recoveryPath, const QString &original);
    /// At start-up without a file: offers to recover an untitled design left by a session
    /// that did not end normally.
    void offerUntitledRecovery();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createDashboardDock(QDockWidget *besides);
    /// Hands the dashboard its figures: the server comparison and a Monte Carlo run are
    /// computed here, and only while the dashboard can be seen (else marked stale).
    void updateDashboard(const model::Architecture &arch, const std::optional<model::Estimate> &estimate,
                         const model::PriceList *prices,
                         const model::EstimateOptions &options);
    bool isDashboardShown() const;
    void useDashboardPreferences();
    /// Currency and theme for every chart the window shows.
    views::charts::ChartOptions chartOptions() const;
    void createActions();
    void usePreferences();
    void followPalette();
    void createArrangeMenu();
    void createScenarioDock(QDockWidget *besides);
    void onCompareWithDesign();
    /// The design the canvas is priced as: the document's, or the active scenario's view of
    /// it (built in `storage`).
    const model::Architecture &analysedDesign(model::Architecture &storage) const;
    void updateScenarioComparison();
    void showVariantsChart();
    void onNew();
    void onOpen();
    bool onSave();
    bool onSaveAs();
    void onAbout();
    void onImportTemplate();
    void onExportTemplate(bool cloudFormation);
    void onExportReport();
    void onExportCostCsv();
    /// Runs `write` with the price list of the design's region; on failure shows its error.
    bool exportCosts(const QString &failureTitle, bool interactive,
                     const std::function<bool(const model::PriceList &, QString *)> &write);
    void showProblems(const QString &title, const QString &text, const model::Diagnostics &diagnostics,
                      bool interactive);
    bool maybeSave();
    void updateTitle();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    const model::PriceList *pricesFor(const std::string &region);

    const model::Catalog &m_catalog;
    views::Document *m_document;
    views::CanvasScene *m_scene;
    views::CanvasView *m_view;
    views::PalettePanel *m_palette = nullptr;
    views::InspectorPanel *m_inspector = nullptr;
    views::FindingsPanel *m_findings = nullptr;
    views::CostTablePanel *m_costs = nullptr;
    views::ScenarioPanel *m_scenarios = nullptr;
    views::charts::VariantsChartView *m_variantsChart = nullptr; ///< owned by the scenario panel
    QString m_activeScenario;                            ///< view state, not saved
    std::unique_ptr<model::Architecture> m_otherDesign; ///< File > Compare with Design
    QString m_otherPath;
    views::CostDashboard *m_dashboard = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    bool m_dashboardStale = true;
    std::size_t m_dashboardInlineLimit = 400;
    std::atomic<int> m_dashboardGeneration = 0; ///< bumped by each update; older results are dropped
    std::atomic<int> m_scenarioGeneration = 0;  ///< the same for the scenario comparison
    QThreadPool *m_dashboardPool = nullptr;
    QUndoView *m_undoView = nullptr;
    QLabel *m_costLabel;
    QLabel *m_findingsLabel;
    QTimer *m_analysisTimer;
    QTimer *m_autosaveTimer;
    QMenu *m_recentMenu = nullptr;
    std::map<std::string, std::unique_ptr<model::PriceList>> m_prices;
    bool m_fittedOnce = false;
    Preferences m_preferences;
};

} // namespace nimbus::app
