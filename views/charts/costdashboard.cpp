// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "costdashboard.h"

#include "chartstyle.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace nimbus::views {

namespace {

constexpr int kWideLayout = 900; ///< from this width, two charts side by side
const QSize kSavedChartSize(1000, 600);

QChart *emptyChart(const QString &title, const charts::ChartOptions &options)
{
    auto *chart = new QChart;
    charts::styleChart(chart, options, title);
    chart->legend()->setVisible(false);
    return chart;
}

QString chartFileName(CostDashboard::Chart which)
{
    switch (which) {
    case CostDashboard::Chart::Breakdown:
        return QStringLiteral("cost-breakdown");
    case CostDashboard::Chart::Servers:
        return QStringLiteral("serverless-vs-servers");
    case CostDashboard::Chart::Tco:
        return QStringLiteral("total-cost-of-ownership");
    case CostDashboard::Chart::MonteCarlo:
        break;
    }
    return QStringLiteral("cost-uncertainty");
}

} // namespace

CostDashboard::CostDashboard(const model::Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_monteCarloNote(new QLabel(this))
    , m_byService(new QToolButton(this))
    , m_byCategory(new QToolButton(this))
    , m_tileGrid(new QGridLayout)
    , m_chartGrid(new QGridLayout)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addLayout(m_tileGrid);
    for (int i = 0; i < 4; ++i) {
        auto *tile = new QFrame(content);
        tile->setFrameShape(QFrame::StyledPanel);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setSpacing(2);
        m_headlineCaptions[i] = new QLabel(tile);
        m_headlineValues[i] = new QLabel(tile);
        m_headlineValues[i]->setObjectName(QStringLiteral("headline-%1").arg(i));
        m_headlineValues[i]->setTextFormat(Qt::RichText);
        m_headlineValues[i]->setWordWrap(true);
        tileLayout->addWidget(m_headlineCaptions[i]);
        tileLayout->addWidget(m_headlineValues[i]);
        m_tiles[i] = tile;
    }
    m_monteCarloNote->setObjectName(QStringLiteral("monte-carlo-note"));
    m_monteCarloNote->setWordWrap(true);
    m_monteCarloNote->hide();

    m_byService->setText(tr("By service"));
    m_byCategory->setText(tr("By category"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *b : {m_byService, m_byCategory}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        group->addButton(b);
    }
    m_byService->setObjectName(QStringLiteral("breakdown-by-service"));
    m_byCategory->setObjectName(QStringLiteral("breakdown-by-category"));
    m_byService->setChecked(true);
    connect(m_byService, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setBreakdown(charts::Breakdown::ByService);
    });
    connect(m_byCategory, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setBreakdown(charts::Breakdown::ByCategory);
    });
    auto *toggle = new QWidget(this);
    auto *toggleLayout = new QHBoxLayout(toggle);
    toggleLayout->setContentsMargins(0, 0, 0, 0);
    toggleLayout->addWidget(m_byService);
    toggleLayout->addWidget(m_byCategory);

    column->addLayout(m_chartGrid);
    m_cards[0] = card(Chart::Breakdown, toggle, nullptr);
    m_cards[1] = card(Chart::Servers, nullptr, nullptr);
    m_cards[2] = card(Chart::Tco, nullptr, nullptr);
    m_cards[3] = card(Chart::MonteCarlo, nullptr, m_monteCarloNote);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    arrange(1);
    rebuild();
}

CostDashboard::~CostDashboard()
{
    for (QChartView *view : m_views)
        delete view->chart(); // a view does not own the chart it shows
}

QWidget *CostDashboard::card(Chart which, QWidget *extra, QWidget *note)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 4);
    auto *header = new QHBoxLayout;
    if (extra)
        header->addWidget(extra);
    header->addStretch(1);
    auto *save = new QToolButton(box);
    save->setText(tr("Save chart as PNG/SVG…"));
    save->setAutoRaise(true);
    save->setObjectName(QStringLiteral("save-%1").arg(chartFileName(which)));
    connect(save, &QToolButton::clicked, this, [this, which] { saveChartInteractively(which); });
    header->addWidget(save, 0, Qt::AlignTop);
    layout->addLayout(header);
    if (note)
        layout->addWidget(note);

    auto *view = new QChartView(box);
    view->setObjectName(chartFileName(which));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(which == Chart::Breakdown ? 340 : 300); // room for seven two-line legend entries
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, which](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(tr("Save chart as PNG/SVG…"), this, [this, which] { saveChartInteractively(which); });
        menu.exec(view->mapToGlobal(pos));
    });
    layout->addWidget(view);
    m_views[std::size_t(which)] = view;
    return box;
}

void CostDashboard::setData(const model::Estimate *estimate, const model::Comparison *comparison,
                            const model::MonteCarloResult *monteCarlo)
{
    m_estimate = estimate ? std::optional(*estimate) : std::nullopt;
    m_comparison = comparison ? std::optional(*comparison) : std::nullopt;
    m_monteCarlo = monteCarlo ? std::optional(*monteCarlo) : std::nullopt;
    rebuild();
}

void CostDashboard::setMonteCarloNote(const QString &note)
{
    m_monteCarloNote->setText(note);
    m_monteCarloNote->setVisible(!note.isEmpty());
}

void CostDashboard::setOptions(const charts::ChartOptions &options)
{
    m_options = options;
    rebuild();
}

void CostDashboard::setBreakdown(charts::Breakdown breakdown)
{
    if (breakdown == m_breakdown)
        return;
    m_breakdown = breakdown;
    (breakdown == charts::Breakdown::ByService ? m_byService : m_byCategory)->setChecked(true);
    rebuild();
}

QChart *CostDashboard::chart(Chart which) const
{
    return m_views[std::size_t(which)]->chart();
}

QChartView *CostDashboard::chartView(Chart which) const
{
    return m_views[std::size_t(which)];
}

QString CostDashboard::headline(int index) const
{
    if (index < 0 || index >= 4)
        return {};
    return m_headlineCaptions[index]->text() + QStringLiteral(": ") + m_headlineValues[index]->text();
}

bool CostDashboard::saveChart(Chart which, const QString &path, QString *error) const
{
    return charts::saveChartImage(chart(which), path, kSavedChartSize, error);
}

void CostDashboard::saveChartInteractively(Chart which)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), chartFileName(which) + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveChart(which, path, &error))
        QMessageBox::warning(this, tr("Save chart"), error);
}

void CostDashboard::rebuild()
{
    QChart *built[4] = {};
    built[0] = m_estimate ? charts::breakdownChart(*m_estimate, m_catalog, m_breakdown, m_options)
                           : emptyChart(tr("Monthly cost: no price list for this region"), m_options);
    built[1] = m_comparison ? charts::serversChart(*m_comparison, m_options)
                             : emptyChart(tr("Serverless vs servers: not computed"), m_options);
    built[2] = m_comparison ? charts::tcoChart(*m_comparison, m_options)
                             : emptyChart(tr("Total cost of ownership: not computed"), m_options);
    built[3] = m_monteCarlo ? charts::monteCarloChart(*m_monteCarlo, m_options)
                             : emptyChart(tr("Monthly cost uncertainty: not computed"), m_options);
    for (std::size_t i = 0; i < 4; ++i) {
        QChart *old = m_views[i]->chart();
        m_views[i]->setChart(built[i]);
        m_views[i]->setBackgroundBrush(built[i]->backgroundBrush());
        delete old;
    }
    updateHeadlines();
}

void CostDashboard::updateHeadlines()
{
    const model::Currency &c = m_options.currency;
    const QString dash = QStringLiteral("—");
    auto set = [this](int i, const QString &caption, const QString &value, const QString &detail) {
        m_headlineCaptions[i]->setText(caption);
        m_headlineValues[i]->setText(QStringLiteral("<span style='font-size:15pt; font-weight:600'>%1</span>"
                                                    "<br><span style='font-size:8pt'>%2</span>")
                                         .arg(value.toHtmlEscaped(), detail.toHtmlEscaped()));
    };
    set(0, tr("Monthly cost"), m_estimate ? charts::money(m_estimate->total, c) : dash,
        m_estimate ? tr("AWS bill of this design, per month") : tr("no price list for this region"));
    if (!m_comparison) {
        set(1, tr("Servers instead"), dash, tr("not computed"));
        set(2, tr("Break-even"), dash, tr("not computed"));
        set(3, tr("3-year saving"), dash, tr("not computed"));
        return;
    }
    const model::Comparison &cmp = *m_comparison;
    set(1, tr("Servers instead"), charts::money(cmp.servers.total(), c),
        tr("per month all-in, against %1 serverless all-in").arg(charts::money(cmp.serverless.total(), c)));
    if (cmp.tooLargeToCompare) {
        set(2, tr("Break-even"), tr("none"),
            tr("the costs are too large to price, so they cannot be compared"));
        set(3, tr("3-year saving"), QString::fromUtf8(model::kTooLargeToPrice),
            tr("cannot be compared"));
        return;
    }
    if (cmp.breakEven > 0) {
        const bool serverlessCheaperLow = !cmp.sweep.empty() && cmp.sweep.front().serverless < cmp.sweep.front().servers;
        set(2, tr("Break-even"), tr("%1 traffic").arg(charts::multipleText(cmp.breakEven)),
            serverlessCheaperLow ? tr("servers are cheaper above this traffic")
                                 : tr("serverless is cheaper above this traffic"));
    } else {
        set(2, tr("Break-even"), tr("none"),
            cmp.serverlessCheaperThroughout ? tr("serverless is cheaper from ×0.01 to ×100 traffic")
                                            : tr("servers are cheaper from ×0.01 to ×100 traffic"));
    }
    const double saving = cmp.tco3Servers - cmp.tco3Serverless;
    if (saving >= 0)
        set(3, tr("3-year saving"), charts::money(saving, c), tr("serverless against servers, all-in"));
    else
        set(3, tr("3-year extra cost"), charts::money(-saving, c), tr("servers are cheaper over 3 years"));
}

void CostDashboard::arrange(int columns)
{
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (int i = 0; i < 4; ++i) {
        m_tileGrid->removeWidget(m_tiles[i]);
        m_chartGrid->removeWidget(m_cards[i]);
    }
    const int tileColumns = columns == 1 ? 2 : 4;
    for (int i = 0; i < 4; ++i) {
        m_tileGrid->addWidget(m_tiles[i], i / tileColumns, i % tileColumns);
        m_chartGrid->addWidget(m_cards[i], i / columns, i % columns);
    }
}

void CostDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange(event->size().width() >= kWideLayout ? 2 : 1);
}

} // namespace nimbus::views
