// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>

#include <QSortFilterProxyModel>

#include <array>

namespace nimbus::views {

/// Shows only the findings of the severities switched on (all of them at first). It sits
/// between a FindingsModel and the view; the filter is view state, never saved or undone.
class FindingsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsFilterModel)

public:
    explicit FindingsFilterModel(QObject *parent = nullptr);

    bool isSeverityShown(model::Severity severity) const;
    void setSeverityShown(model::Severity severity, bool shown);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::array<bool, 3> m_shown{true, true, true}; ///< by model::Severity
};

} // namespace nimbus::views
