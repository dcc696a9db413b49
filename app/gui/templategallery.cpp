// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "templategallery.h"

#include <model/io/projectfile.h>
#include <views/report/diagramexport.h>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nimbus::app {

namespace {

constexpr QSize kThumb(200, 120);
constexpr QSize kLarge(460, 280);

/// `image` scaled into a white frame of exactly `size`, centred.
QImage framed(const QImage &image, QSize size)
{
    QImage out(size, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::white);
    if (image.isNull())
        return out;
    const QImage scaled = image.scaled(size - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&out);
    painter.drawImage((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2, scaled);
    painter.setPen(QColor(0xc8, 0xcd, 0xd5));
    painter.drawRect(out.rect().adjusted(0, 0, -1, -1));
    return out;
}

} // namespace

QString TemplateGallery::templatesDirectory()
{
    const QString installed = QDir::cleanPath(QCoreApplication::applicationDirPath()
                                              + QStringLiteral("/../share/nimbus/templates"));
    if (QDir(installed).exists())
        return installed;
#ifdef NIMBUS_SOURCE_DIR
    const QString source = QStringLiteral(NIMBUS_SOURCE_DIR "/templates");
    if (QDir(source).exists())
        return source;
#endif
    return {};
}

std::vector<TemplateEntry> TemplateGallery::loadTemplates(const QString &directory, const model::Catalog &catalog,
                                                          const CostText &cost)
{
    std::vector<TemplateEntry> entries;
    if (directory.isEmpty())
        return entries;
    const QDir dir(directory);
    for (const QString &file : dir.entryList({QStringLiteral("*.nimbus")}, QDir::Files, QDir::Name)) {
        const QString path = dir.absoluteFilePath(file);
        model::ProjectLoadResult loaded = model::readProjectFile(path.toStdString(), catalog);
        if (!loaded.ok())
            continue;
        const model::Architecture &design = loaded.architecture;
        TemplateEntry entry;
        entry.path = path;
        entry.name = QString::fromStdString(design.name());
        if (entry.name.isEmpty())
            entry.name = QFileInfo(file).completeBaseName();
        entry.description = QString::fromStdString(design.description());
        entry.services = int(design.nodes().size());
        const QString money = cost ? cost(design) : QString();
        entry.cost = money.isEmpty() ? tr("cost not available") : tr("%1 / month").arg(money);
        views::DiagramExportOptions options;
        options.title = false;
        options.legend = false;
        entry.preview = views::DiagramExport(catalog, design, options).toImage();
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const TemplateEntry &a, const TemplateEntry &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return entries;
}

TemplateGallery::TemplateGallery(std::vector<TemplateEntry> entries, QWidget *parent)
    : QDialog(parent)
    , m_entries(std::move(entries))
    , m_list(new QListWidget(this))
    , m_preview(new QLabel(this))
    , m_name(new QLabel(this))
    , m_cost(new QLabel(this))
    , m_description(new QLabel(this))
{
    setObjectName(QStringLiteral("template-gallery"));
    setWindowTitle(tr("New from Template"));
    m_list->setObjectName(QStringLiteral("template-list"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(kThumb);
    m_list->setGridSize(kThumb + QSize(24, 52));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(true);
    for (const TemplateEntry &entry : m_entries) {
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(framed(entry.preview, kThumb))),
                                         entry.name + QLatin1Char('\n') + entry.cost, m_list);
        item->setToolTip(entry.description);
        item->setData(Qt::UserRole, entry.path);
    }

    m_preview->setFixedSize(kLarge);
    m_name->setObjectName(QStringLiteral("template-name"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    m_cost->setObjectName(QStringLiteral("template-cost"));
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_description->setObjectName(QStringLiteral("template-description"));
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *details = new QVBoxLayout;
    details->addWidget(m_preview);
    details->addWidget(m_name);
    details->addWidget(m_cost);
    details->addWidget(m_description, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    open->setObjectName(QStringLiteral("template-open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, [this, open](int row) {
        open->setEnabled(row >= 0);
        showDetails(row);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(details);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(1180, 720);
    if (m_entries.empty()) {
        open->setEnabled(false);
        m_name->setText(tr("No starter designs were found."));
    } else {
        m_list->setCurrentRow(0);
    }
}

QString TemplateGallery::chosenPath() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void TemplateGallery::showDetails(int row)
{
    if (row < 0 || row >= int(m_entries.size()))
        return;
    const TemplateEntry &entry = m_entries[size_t(row)];
    m_preview->setPixmap(QPixmap::fromImage(framed(entry.preview, kLarge)));
    m_name->setText(entry.name);
    m_cost->setText(tr("%1 · %n service(s)", nullptr, entry.services).arg(entry.cost));
    m_description->setText(entry.description);
}

} // namespace nimbus::app
