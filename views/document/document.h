// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/diagnostic.h>

#include <QObject>
#include <QString>

class QUndoStack;

namespace nimbus::views {

/// One open design: owns its Architecture, its undo stack and its file path. Views read
/// it through the const API and observe its signals; edits will arrive as commands on
/// undoStack() (STYLE.md section 2). The catalog is borrowed and must outlive it.
class Document final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Document)

public:
    explicit Document(const model::Catalog &catalog, QObject *parent = nullptr);
    ~Document() override;

    const model::Architecture &architecture() const { return m_architecture; }
    const model::Catalog &catalog() const { return m_catalog; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    /// The design's name, or the file name, or "Untitled".
    QString displayName() const;

    /// Reads `path`. When it has errors the open design is kept unchanged and the
    /// diagnostics say why; otherwise the design is replaced and documentReset() fires.
    model::Diagnostics open(const QString &path);

Q_SIGNALS:
    void documentReset();
    void filePathChanged();

private:
    const model::Catalog &m_catalog;
    model::Architecture m_architecture;
    QUndoStack *m_undoStack;
    QString m_filePath;
};

} // namespace nimbus::views
