// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "costcharts.h"

#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>

#include <QWidget>

#include <array>
#include <optional>

class QChartView;
class QGridLayout;
class QLabel;
class QToolButton;

namespace nimbus::views {

/// The cost dashboard docked beside the canvas: headline figures (monthly cost, servers
/// instead, break-even, 3-year saving) and four charts (breakdown by service or by
/// category, serverless vs servers across traffic, TCO, Monte Carlo), each of which can be
/// saved as PNG or SVG. It only shows the figures it is handed (copies of the app's
/// derived data); it never computes costs itself.
class CostDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostDashboard)

public:
    enum class Chart { Breakdown, Servers, Tco, MonteCarlo };

    explicit CostDashboard(const model::Catalog &catalog, QWidget *parent = nullptr);
    ~CostDashboard() override;

    /// Shows these figures; a null pointer leaves that part empty with a short note.
    void setData(const model::Estimate *estimate, const model::Comparison *comparison,
                 const model::MonteCarloResult *monteCarlo);
    /// Why the Monte Carlo chart is missing or how it was computed ("" for nothing).
    void setMonteCarloNote(const QString &note);
    void setOptions(const charts::ChartOptions &options);
    const charts::ChartOptions &options() const { return m_options; }
    void setBreakdown(charts::Breakdown breakdown);
    charts::Breakdown breakdown() const { return m_breakdown; }

    QChart *chart(Chart which) const;
    QChartView *chartView(Chart which) const;
    /// The headline texts as shown: "Monthly cost" -> "$1,234/month", etc.
    QString headline(int index) const;
    /// Saves a chart at the size reports use; false with `*error` set on failure.
    bool saveChart(Chart which, const QString &path, QString *error) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void updateHeadlines();
    void arrange(int columns);
    void saveChartInteractively(Chart which);
    QWidget *card(Chart which, QWidget *extra, QWidget *note);

    const model::Catalog &m_catalog;
    std::optional<model::Estimate> m_estimate;
    std::optional<model::Comparison> m_comparison;
    std::optional<model::MonteCarloResult> m_monteCarlo;
    charts::ChartOptions m_options;
    charts::Breakdown m_breakdown = charts::Breakdown::ByService;
    std::array<QChartView *, 4> m_views{};
    std::array<QWidget *, 4> m_cards{};
    std::array<QLabel *, 4> m_headlineValues{};
    std::array<QLabel *, 4> m_headlineCaptions{};
    std::array<QWidget *, 4> m_tiles{};
    QLabel *m_monteCarloNote;
    QToolButton *m_byService;
    QToolButton *m_byCategory;
    QGridLayout *m_tileGrid;
    QGridLayout *m_chartGrid;
    int m_columns = 0;
};

} // namespace nimbus::views
