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

/// One open design: owns its Architecture, its undo stack, its file path and clean state.
/// Views read it through the const API and observe its signals, which are past-tense facts
/// carrying ids. It offers no mutators: every change is a command (views/commands/) pushed
/// on undoStack(), and commands reach the model through DocumentEditor (documenteditor_p.h).
/// The catalog is borrowed and must outlive it.
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
    bool isModified() const;

    /// Reads `path`. When it has errors the open design is kept unchanged and the
    /// diagnostics say why; otherwise the design is replaced and documentReset() fires.
    model::Diagnostics open(const QString &path);
    /// Writes the design to `path` atomically; on success the document becomes clean and
    /// takes `path` as its file. False with `error` set otherwise (the old file is intact).
    bool save(const QString &path, QString *error = nullptr);
    /// Starts an empty, untitled design (File > New) with `settings` (region, free tier).
    void newDesign(model::Settings settings = {});
    /// Takes over a recovered copy: the design read from `recoveryPath` becomes the open
    /// design, titled and saved as `originalPath`, and counts as modified.
    model::Diagnostics recover(const QString &recoveryPath, const QString &originalPath);
    /// Takes over a design made elsewhere (an imported template) as a new, untitled design
    /// that counts as modified until it is saved.
    void adopt(model::Architecture design);

    /// Broken invariants of the model, in words (run after every command in debug builds).
    QStringList checkInvariants() const;

Q_SIGNALS:
    void documentReset();
    void filePathChanged();
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeMoved(const QString &id);
    void nodeChanged(const QString &id); ///< name or group
    void nodePropertyChanged(const QString &id, const QString &key);
    void edgeAdded(const QString &id);
    void edgeRemoved(const QString &id);
    void edgePropertyChanged(const QString &id, const QString &key);
    /// Groups or notes were added, removed or changed (they are few; views redraw them all).
    void decorationsChanged();
    /// A scenario was added, removed, renamed or edited (they are few; views reread them).
    void scenariosChanged();
    /// Once per command, for coarse observers (analysis, title).
    void changed();

private:
    friend class DocumentEditor;

    const model::Catalog &m_catalog;
    model::Architecture m_architecture;
    QUndoStack *m_undoStack;
    QString m_filePath;
};

} // namespace nimbus::views
