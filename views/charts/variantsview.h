// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "costcharts.h"

#include <QWidget>

class QChart;
class QChartView;

namespace nimbus::views::charts {

/// The variants chart in a widget, for places outside views/charts (the Scenarios panel):
/// serverless against servers per scenario or design. It shows what setVariants() hands in.
class VariantsChartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariantsChartView)

public:
    explicit VariantsChartView(QWidget *parent = nullptr);
    ~VariantsChartView() override;

    void setVariants(const std::vector<VariantColumn> &columns, const ChartOptions &options);
    QChart *chart() const;
    const std::vector<VariantColumn> &variants() const { return m_columns; }

private:
    QChartView *m_view;
    std::vector<VariantColumn> m_columns;
};

} // namespace nimbus::views::charts
