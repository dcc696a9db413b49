// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "findingsfiltermodel.h"

#include "findingsmodel.h"

namespace nimbus::views {

namespace {

std::size_t slot(model::Severity severity)
{
    return static_cast<std::size_t>(severity);
}

} // namespace

FindingsFilterModel::FindingsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

bool FindingsFilterModel::isSeverityShown(model::Severity severity) const
{
    return m_shown.at(slot(severity));
}

void FindingsFilterModel::setSeverityShown(model::Severity severity, bool shown)
{
    if (m_shown.at(slot(severity)) == shown)
        return;
    m_shown.at(slot(severity)) = shown;
    invalidateFilter();
}

bool FindingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant severity = index.data(FindingsModel::SeverityRole);
    if (!severity.isValid())
        return true;
    const int value = severity.toInt();
    return value < 0 || value >= static_cast<int>(m_shown.size()) ||
           m_shown.at(static_cast<std::size_t>(value));
}

} // namespace nimbus::views
