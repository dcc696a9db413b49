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
{
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
#ifndef NDEBUG
        const QStringList problems = checkInvariants();
        Q_ASSERT_X(problems.isEmpty(), "Document", qPrintable(problems.join(QLatin1Char('\n'))));
#endif
        Q_EMIT changed();
    });
}

Document::~Document() = default;

QString Document::displayName() const
{
    if (!m_architecture.name().empty())
        return QString::fromStdString(m_architecture.name());
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).completeBaseName();
    return tr("Untitled");
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
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
    Q_EMIT changed();
    return result.diagnostics;
}

bool Document::save(const QString &path, QString *error)
{
    std::string message;
    if (!model::saveProjectFile(m_architecture, path.toStdString(), message)) {
        if (error)
            *error = QString::fromStdString(message);
        return false;
    }
    m_undoStack->setClean();
    if (path != m_filePath) {
        m_filePath = path;
        Q_EMIT filePathChanged();
    }
    return true;
}

void Document::newDesign(model::Settings settings)
{
    m_architecture = model::Architecture();
    m_architecture.settings() = std::move(settings);
    m_undoStack->clear();
    m_undoStack->setClean();
    m_filePath.clear();
    Q_EMIT documentReset();
    Q_EMIT filePathChanged();
    Q_EMIT changed();
}

model::Diagnostics Document::recover(const QString &recoveryPath, const QString &originalPath)
{
    model::Diagnostics diagnostics = open(recoveryPath);
    if (model::hasErrors(diagnostics))
        return diagnostics;
    m_filePath = originalPath;
    m_undoStack->resetClean(); // unsaved until the user saves it
    Q_EMIT filePathChanged();
    Q_EMIT changed();
    return diagnostics;
}

void Document::adopt(model::Architecture design)
{
    m_architecture = std::move(design);
    m_undoStack->clear();
    m_undoStack->resetClean();
    m_filePath.clear();
    Q_EMIT documentReset();
    Q_EMIT filePathChanged();
    Q_EMIT changed();
}

QStringList Document::checkInvariants() const
{
    QStringList problems;
    for (const std::string &p : m_architecture.checkInvariants())
        problems << QString::fromStdString(p);
    return problems;
}

} // namespace nimbus::views
