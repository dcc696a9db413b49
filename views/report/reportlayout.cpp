// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "reportlayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <numeric>
#include <utility>

namespace nimbus::views::report {

QFont ReportStyle::font(qreal points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

PageFlow::PageFlow(QString section, QRectF body) : m_section(std::move(section)), m_body(body)
{
    newPage();
}

void PageFlow::newPage()
{
    m_pages.push_back(Page{m_section, {}});
    m_y = 0;
}

void PageFlow::place(const Block &block)
{
    if (m_y > 0 && m_y + block.height > m_body.height()) {
        newPage();
        if (m_tableHeader)
            place(*m_tableHeader);
    }
    m_pages.back().pieces.emplace_back(QRectF(0, m_y, m_body.width(), block.height), block.paint);
    m_y += block.height;
}

void PageFlow::add(Block block)
{
    if (block.keepWithNext) {
        m_pending.push_back(std::move(block));
        return;
    }
    // The waiting headings go to the next page with this block when they would be orphaned.
    const qreal together = std::accumulate(m_pending.begin(), m_pending.end(), block.height,
                                           [](qreal sum, const Block &b) { return sum + b.height; });
    if (!m_pending.empty() && m_y > 0 && m_y + together > m_body.height()) {
        const std::optional<Block> header = std::exchange(m_tableHeader, std::nullopt);
        newPage();
        m_tableHeader = header;
    }
    for (const Block &b : std::exchange(m_pending, {}))
        place(b);
    place(block);
}

void PageFlow::gap(qreal height)
{
    if (m_y > 0 && m_pending.empty())
        m_y = std::min(m_y + height, m_body.height());
}

void PageFlow::beginTable(Block header)
{
    header.keepWithNext = true;
    add(header);
    header.keepWithNext = false;
    m_tableHeader = std::move(header);
}

void PageFlow::endTable()
{
    m_tableHeader.reset();
}

void PageFlow::breakPage()
{
    for (const Block &b : std::exchange(m_pending, {}))
        place(b);
    if (m_y > 0)
        newPage();
}

std::vector<Page> PageFlow::takePages()
{
    for (const Block &b : std::exchange(m_pending, {}))
        place(b);
    if (m_pages.size() > 1 && m_pages.back().pieces.empty())
        m_pages.pop_back();
    return std::exchange(m_pages, {});
}

qreal TextMeasure::wrappedHeight(const QString &text, const QFont &font, qreal width) const
{
    const QFontMetricsF metrics(font, m_device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

qreal TextMeasure::lineHeight(const QFont &font) const
{
    return QFontMetricsF(font, m_device).height();
}

QString excerpt(const QString &text, qsizetype maxCharacters)
{
    if (text.size() <= maxCharacters)
        return text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), maxCharacters);
    if (cut < maxCharacters / 2)
        cut = maxCharacters;
    return text.left(cut) + QChar(0x2026)
           + QCoreApplication::translate("Report", " (shortened; the full text has %1 characters)")
                 .arg(QLocale(QLocale::English).toString(text.size()));
}

QString fittedExcerpt(const QPainter &painter, const QRectF &rect, const QString &text, qsizetype maxCharacters)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const auto fits = [&](const QString &shown) {
        return metrics.boundingRect(rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, shown).height()
               <= rect.height();
    };
    QString shown = excerpt(text, maxCharacters);
    if (fits(shown))
        return shown;
    // The excerpt's length that fits, by bisection: [low] fits, [high] does not.
    qsizetype low = 0;
    qsizetype high = std::min(maxCharacters, text.size());
    while (high - low > 1) {
        const qsizetype middle = (low + high) / 2;
        (fits(excerpt(text, middle)) ? low : high) = middle;
    }
    return excerpt(text, low);
}

void drawElided(QPainter &painter, const QRectF &rect, const QString &text, Qt::Alignment align)
{
    const QString shown = painter.fontMetrics().elidedText(text, Qt::ElideRight, int(rect.width()));
    painter.drawText(rect, int(align | Qt::AlignVCenter), shown);
}

Block tableRow(const std::vector<Column> &columns, QStringList cells, qreal height,
               const QFont &font, bool header, bool shaded)
{
    Block block;
    block.height = height;
    block.paint = [columns, cells = std::move(cells), font, header, shaded](QPainter &p, const QRectF &r) {
        const ReportStyle style;
        if (shaded)
            p.fillRect(r, style.band);
        p.setFont(font);
        p.setPen(header ? style.muted : style.ink);
        const qreal total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                            [](qreal s, const Column &c) { return s + c.width; });
        const qreal pad = 6;
        qreal x = r.left();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const qreal w = r.width() * columns[i].width / total;
            if (i < std::size_t(cells.size()) && !cells[int(i)].isEmpty())
                drawElided(p, QRectF(x + pad, r.top(), w - 2 * pad, r.height()), cells[int(i)],
                           columns[i].align);
            x += w;
        }
        p.setPen(QPen(style.rule, header ? 1.5 : 0.5));
        p.drawLine(r.bottomLeft(), r.bottomRight());
    };
    return block;
}

Block heading(const QString &text, const TextMeasure &measure, qreal points)
{
    const QFont font = ReportStyle::font(points, true);
    Block block;
    block.height = measure.lineHeight(font) + 10;
    block.keepWithNext = true;
    block.paint = [text, font](QPainter &p, const QRectF &r) {
        p.setFont(font);
        p.setPen(ReportStyle().ink);
        drawElided(p, r.adjusted(0, 0, 0, -10), text, Qt::AlignLeft);
    };
    return block;
}

Block paragraph(const QString &text, const QFont &font, const QColor &color, qreal width,
                const TextMeasure &measure)
{
    Block block;
    block.height = measure.wrappedHeight(text, font, width) + 4;
    block.paint = [text, font, color](QPainter &p, const QRectF &r) {
        p.setFont(font);
        p.setPen(color);
        p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    };
    return block;
}

} // namespace nimbus::views::report
