// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "variantsview.h"

#include <QChart>
#include <QChartView>
#include <QVBoxLayout>

namespace nimbus::views::charts {

VariantsChartView::VariantsChartView(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
{
    setObjectName(QStringLiteral("variants-chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 200);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

VariantsChartView::~VariantsChartView() = default;

void VariantsChartView::setVariants(const std::vector<VariantColumn> &columns, const ChartOptions &options)
{
    m_columns = columns;
    QChart *old = m_view->chart();
    m_view->setChart(variantsChart(columns, options)); // the view owns the new chart
    delete old;
}

QChart *VariantsChartView::chart() const
{
    return m_view->chart();
}

} // namespace nimbus::views::charts
