// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "propertysheet.h"

#include "propertyeditor.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace nimbus::views {

namespace {

void useSecondaryText(QWidget &widget, qreal scale)
{
    QPalette palette = widget.palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    widget.setPalette(palette);
    QFont font = widget.font();
    font.setPointSizeF(font.pointSizeF() * scale);
    widget.setFont(font);
}

} // namespace

PropertySheet::PropertySheet(QWidget *parent)
    : QWidget(parent)
    , m_swatch(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_description(new QLabel(this))
    , m_grid(new QGridLayout)
{
    setObjectName(QStringLiteral("property-sheet"));
    // Titles are names from the design (or an imported template): never read as HTML.
    for (QLabel *label : {m_title, m_subtitle, m_description})
        label->setTextFormat(Qt::PlainText);
    m_swatch->setObjectName(QStringLiteral("inspector-swatch"));
    m_title->setObjectName(QStringLiteral("inspector-title"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("inspector-subtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    useSecondaryText(*m_subtitle, 0.95);
    m_description->setObjectName(QStringLiteral("inspector-description"));
    m_description->setWordWrap(true);
    useSecondaryText(*m_description, 0.95);
    m_description->hide();

    auto *titles = new QVBoxLayout;
    titles->setSpacing(1);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_swatch, 0, Qt::AlignTop);
    header->addLayout(titles, 1);

    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(6);
    // In a narrow dock the labels wrap and the editors keep the larger share of the width.
    m_grid->setColumnStretch(0, 2);
    m_grid->setColumnStretch(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_description);
    layout->addSpacing(4);
    layout->addLayout(m_grid);
    layout->addStretch(1);
}

void PropertySheet::setHeader(const QString &title, const QString &subtitle, const QColor &colour)
{
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
    m_swatch->setVisible(colour.isValid());
    if (colour.isValid()) {
        m_swatch->setStyleSheet(
            QStringLiteral("background-color: %1; border: 1px solid %2; border-radius: 4px;")
                .arg(colour.name(), colour.darker(130).name()));
    }
    // The swatch is as tall as the title's first line, beside it.
    const int side = m_title->fontMetrics().height() - 2;
    m_swatch->setFixedSize(side, side);
}

void PropertySheet::setDescription(const QString &text)
{
    m_description->setText(text);
    m_description->setVisible(!text.isEmpty());
}

QLineEdit *PropertySheet::addNameRow()
{
    auto *label = new QLabel(tr("Name"), this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("name-edit"));
    m_nameEdit->setMinimumWidth(80);
    m_nameEdit->setToolTip(tr("The name shown on the canvas and in reports"));
    label->setBuddy(m_nameEdit);
    m_grid->addWidget(label, m_row, 0);
    m_grid->addWidget(m_nameEdit, m_row, 1, 1, 2);
    ++m_row;
    return m_nameEdit;
}

QLabel *PropertySheet::addInfoRow(const QString &label, const QString &value,
                                  const QString &objectName)
{
    auto *name = new QLabel(label, this);
    name->setTextFormat(Qt::PlainText);
    auto *shown = new QLabel(value, this);
    shown->setObjectName(objectName);
    shown->setWordWrap(true);
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    shown->setTextFormat(Qt::PlainText);
    shown->setMinimumWidth(80);
    m_grid->addWidget(name, m_row, 0, Qt::AlignTop);
    m_grid->addWidget(shown, m_row, 1, 1, 2);
    ++m_row;
    return shown;
}

void PropertySheet::addSection(const QString &title)
{
    auto *section = new QWidget(this);
    section->setObjectName(QStringLiteral("section-") + title);
    auto *layout = new QHBoxLayout(section);
    layout->setContentsMargins(0, m_row == 0 ? 0 : 10, 0, 2);
    layout->setSpacing(6);
    auto *label = new QLabel(title, section);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    auto *line = new QFrame(section);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    QPalette palette = line->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Mid));
    line->setPalette(palette);
    layout->addWidget(label);
    layout->addWidget(line, 1, Qt::AlignVCenter);
    m_grid->addWidget(section, m_row, 0, 1, 3);
    ++m_row;
}

PropertyEditor *PropertySheet::addEditor(const model::PropertyDef &definition)
{
    auto *editor = new PropertyEditor(definition, this);
    m_row = editor->addTo(*m_grid, m_row);
    m_editors.push_back(editor);
    return editor;
}

void PropertySheet::addNote(const QString &text)
{
    auto *note = new QLabel(text, this);
    note->setTextFormat(Qt::PlainText);
    note->setObjectName(QStringLiteral("inspector-note"));
    note->setWordWrap(true);
    useSecondaryText(*note, 1.0);
    m_grid->addWidget(note, m_row, 0, 1, 3);
    ++m_row;
}

PropertyEditor *PropertySheet::editor(const QString &key) const
{
    const std::string wanted = key.toStdString();
    for (PropertyEditor *editor : m_editors) {
        if (editor->definition().key == wanted)
            return editor;
    }
    return nullptr;
}

} // namespace nimbus::views
