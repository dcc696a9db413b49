// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "document.h"

#include <model/io/projectfile.h>

#include <QFileInfo>
#include <QUndoStack>

namespace nimbus::views {

Document::Document(const model::Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_undoStack(new QUndoStack(this))
{}

Document::~Document() = default;

QString Document::displayName() const
{
    if (!m_architecture.name().empty())
        return QString::fromStdString(m_architecture.name());
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).completeBaseName();
    return tr("Untitled");
}

model::Diagnostics Document::open(const QString &path)
{
    model::ProjectLoadResult result = model::readProjectFile(path.toStdString(), m_catalog);
    if (!result.ok())
        return result.diagnostics;
    m_architecture = std::move(result.architecture);
    m_undoStack->clear();
    m_undoStack->setClean();
    m_filePath = path;
    Q_EMIT documentReset();
    Q_EMIT filePathChanged();
    return result.diagnostics;
}

} // namespace nimbus::views
