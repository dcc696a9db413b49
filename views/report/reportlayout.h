// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QPaintDevice;
class QPainter;

namespace nimbus::views::report {

/// Page units are 1/96 inch (the report's PDF writer runs at 96 dpi, like the canvas).
constexpr qreal kDpi = 96;

/// Fonts and colours of the report, one place for all pages.
struct ReportStyle
{
    QColor ink{0x1f, 0x29, 0x37};
    QColor muted{0x6b, 0x72, 0x80};
    QColor rule{0xd1, 0xd5, 0xdb};
    QColor band{0xf3, 0xf4, 0xf6};
    QColor accent{0xd9, 0x6b, 0x0b};     ///< serverless (as views/charts draws it)
    QColor contrast{0x1d, 0x5f, 0xb8};   ///< servers
    QColor good{0x15, 0x80, 0x3d};
    QColor bad{0xb9, 0x1c, 0x1c};
    QColor warn{0xb4, 0x53, 0x09};

    static QFont font(qreal points, bool bold = false);
};

/// Paints one piece of a page into the rectangle it was given.
using PaintFn = std::function<void(QPainter &, const QRectF &)>;

/// One block of a flowing page: a heading, a table row, a paragraph. Blocks keep their
/// height; the flow never splits one.
struct Block
{
    qreal height = 0;
    PaintFn paint;
    bool keepWithNext = false; ///< headings stay on the page of the block after them
};

/// A finished page: its section name (for the table of contents and tests) and its painters.
struct Page
{
    QString section;
    std::vector<std::pair<QRectF, PaintFn>> pieces; ///< in body coordinates
};

/// Lays blocks out top to bottom over as many pages as they need. A table's header row
/// is repeated at the top of every page the table continues on.
class PageFlow final
{
public:
    PageFlow(QString section, QRectF body);

    void add(Block block);
    void gap(qreal height);
    /// Starts a table: `header` is added now and again on each continuation page.
    void beginTable(Block header);
    void endTable();
    /// Starts a new page even if this one has room.
    void breakPage();
    std::vector<Page> takePages();

private:
    void place(const Block &block);
    void newPage();

    QString m_section;
    QRectF m_body;
    std::vector<Page> m_pages;
    std::vector<Block> m_pending; ///< keep-with-next blocks waiting for their successor
    std::optional<Block> m_tableHeader;
    qreal m_y = 0;
};

/// Text helpers measured against the report's paint device.
class TextMeasure final
{
public:
    explicit TextMeasure(QPaintDevice *device) : m_device(device) {}
    /// Height of `text` wrapped to `width` in `font`.
    qreal wrappedHeight(const QString &text, const QFont &font, qreal width) const;
    qreal lineHeight(const QFont &font) const;
    QPaintDevice *device() const { return m_device; }

private:
    QPaintDevice *m_device;
};

/// At most `maxCharacters` of `text`, cut at a space where there is one, followed by a
/// note that the text was shortened and how long it is; `text` itself when it fits. A
/// report shows such an excerpt so that it never lays out a text of unbounded length.
QString excerpt(const QString &text, qsizetype maxCharacters);

/// The longest excerpt() of `text`, of at most `maxCharacters`, that fits `rect` when drawn
/// word-wrapped with `painter`'s font.
QString fittedExcerpt(const QPainter &painter, const QRectF &rect, const QString &text, qsizetype maxCharacters);

/// Draws `text` elided to fit `rect` on one line.
void drawElided(QPainter &painter, const QRectF &rect, const QString &text, Qt::Alignment align);

/// A column of a simple table: its share of the width and how its cells align.
struct Column
{
    QString title;
    qreal width = 1; ///< relative
    Qt::Alignment align = Qt::AlignLeft;
};

/// A single-line table row block: cells elided to their columns, optional bold and a
/// shaded band. Header rows are bold and underlined.
Block tableRow(const std::vector<Column> &columns, QStringList cells, qreal height,
               const QFont &font, bool header = false, bool shaded = false);

/// A section heading block that stays with what follows it.
Block heading(const QString &text, const TextMeasure &measure, qreal points = 16);

/// A wrapped paragraph block of the body width.
Block paragraph(const QString &text, const QFont &font, const QColor &color, qreal width,
                const TextMeasure &measure);

} // namespace nimbus::views::report
