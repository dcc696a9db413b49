// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <QDialog>
#include <QImage>
#include <QString>

#include <functional>
#include <vector>

class QLabel;
class QListWidget;

namespace nimbus::app {

/// One starter design of the gallery, read from a *.nimbus file of the templates folder.
struct TemplateEntry
{
    QString path;
    QString name;
    QString description;
    QString cost; ///< "$1,234.56 / month", or a note that it cannot be estimated
    QImage preview;
    int services = 0;
};

/// File > New from Template…: the starter designs with a preview, a description and the
/// headline monthly cost. Accepting it chooses one (chosenPath()); the caller opens a copy.
class TemplateGallery final : public QDialog
{
    Q_OBJECT

public:
    /// Monthly cost of a design, already formatted ("$1,234.56"); empty when unknown.
    using CostText = std::function<QString(const model::Architecture &)>;

    /// The installed templates (../share/nimbus/templates beside the executable), else
    /// those of the source tree; empty when neither exists.
    static QString templatesDirectory();
    /// Reads every *.nimbus of `directory`, sorted by name; unreadable files are left out.
    static std::vector<TemplateEntry> loadTemplates(const QString &directory, const model::Catalog &catalog,
                                                    const CostText &cost);

    TemplateGallery(std::vector<TemplateEntry> entries, QWidget *parent = nullptr);

    const std::vector<TemplateEntry> &entries() const { return m_entries; }
    QListWidget *list() const { return m_list; }
    /// The template chosen (the current one); empty when none.
    QString chosenPath() const;

private:
    void showDetails(int row);

    std::vector<TemplateEntry> m_entries;
    QListWidget *m_list;
    QLabel *m_preview;
    QLabel *m_name;
    QLabel *m_cost;
    QLabel *m_description;
};

} // namespace nimbus::app
