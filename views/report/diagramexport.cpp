// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "diagramexport.h"

#include "../canvas/displaytext.h"
#include "diagramlegend.h"

#include "../document/outputfile.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <set>

namespace nimbus::views {

namespace {

constexpr qreal kMargin = 32;
constexpr qreal kTitleGap = 18;  ///< between the title and the diagram
constexpr qreal kLegendGap = 26; ///< between the diagram and the legend
constexpr qreal kMinLegendWidth = 480;
constexpr qreal kDpi = 96;            ///< one canvas unit is one pixel at 96 dpi
constexpr qreal kMinPdfFit = 0.45;    ///< below this, text on an A4 page is too small to read
constexpr int kDotsPerMeter96 = 3780; ///< 96 dpi

QFont titleFont()
{
    QFont font;
    font.setPointSizeF(15);
    font.setBold(true);
    return font;
}

QFont dateFont()
{
    QFont font;
    font.setPointSizeF(9);
    return font;
}

QString dateText()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

/// The part of `design` to draw: the services `ids`, the connections among them and the
/// groups they are in. The whole design when `ids` is empty.
model::Architecture partToDraw(const model::Architecture &design, const QStringList &ids)
{
    if (ids.isEmpty())
        return design;
    model::Architecture part;
    part.setName(design.name());
    part.setDescription(design.description());
    part.settings() = design.settings();
    std::set<std::string> groups;
    for (const model::Node &node : design.nodes()) {
        if (!ids.contains(QString::fromStdString(node.id.str())))
            continue;
        part.addNode(node);
        if (node.group)
            groups.insert(node.group->str());
    }
    for (const model::Group &group : design.groups()) {
        if (groups.contains(group.id.str()))
            part.addGroup(group);
    }
    for (const model::Edge &edge : design.edges()) {
        if (part.node(edge.source) && part.node(edge.target))
            part.addEdge(edge);
    }
    return part;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/// `svg` with each font family Qt wrote replaced by the font actually used, with a generic
/// fallback: Qt writes the requested family, often "Sans Serif", which is no CSS family, so
/// browsers would draw the labels in their default (serif) font.
QByteArray withPortableFonts(const QByteArray &svg)
{
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    QHash<QString, QString> replacements;
    for (const QRegularExpressionMatch &match : family.globalMatch(text)) {
        const QString requested = match.captured(1);
        if (!replacements.contains(requested))
            replacements.insert(requested, QFontInfo(QFont(requested)).family());
    }
    for (auto it = replacements.cbegin(); it != replacements.cend(); ++it)
        text.replace(QStringLiteral("font-family=\"%1\"").arg(it.key()),
                     QStringLiteral("font-family=\"%1, sans-serif\"").arg(it.value()));
    return text.toUtf8();
}

} // namespace

std::optional<DiagramFormat> diagramFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return DiagramFormat::Png;
    if (suffix == QLatin1String("svg"))
        return DiagramFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return DiagramFormat::Pdf;
    return std::nullopt;
}

DiagramExport::DiagramExport(const model::Catalog &catalog, const model::Architecture &architecture,
                             DiagramExportOptions options)
    : m_options(std::move(options))
    , m_document(catalog)
    , m_scene(m_document)
{
    m_document.adopt(partToDraw(architecture, m_options.nodeIds));
    // The page paints its own background (white, the canvas colour or none).
    m_canvasBackground = m_scene.backgroundBrush();
    m_scene.setBackgroundBrush(Qt::NoBrush);
    layout();
}

DiagramExport::DiagramExport(const Document &document, DiagramExportOptions options)
    : DiagramExport(document.catalog(), document.architecture(), [&] {
        if (options.titleText.isEmpty())
            options.titleText = document.displayName();
        return std::move(options);
    }())
{
}

DiagramExport::~DiagramExport() = default;

QString DiagramExport::titleText() const
{
    return displayText(m_options.titleText.isEmpty() ? m_document.displayName() : m_options.titleText);
}

void DiagramExport::layout()
{
    // A little room around the items so that antialiased edges are not clipped.
    m_diagramSource = m_scene.itemsBoundingRect().adjusted(-4, -4, 4, 4);
    if (m_diagramSource.isEmpty())
        m_diagramSource = QRectF(0, 0, 240, 80);
    qreal width = m_diagramSource.width();
    qreal y = kMargin;
    if (m_options.title) {
        const QFontMetricsF title(titleFont(), &diagramMetricsDevice());
        qreal titleWidth = title.horizontalAdvance(titleText());
        if (m_options.date)
            titleWidth +=
                16 +
                QFontMetricsF(dateFont(), &diagramMetricsDevice()).horizontalAdvance(dateText());
        m_titleRect = QRectF(kMargin, y, titleWidth, title.height());
        width = std::max(width, titleWidth);
        y += title.height() + kTitleGap;
    }
    const DiagramLegend legend(m_document.catalog(), m_document.architecture());
    const bool hasLegend = m_options.legend && !legend.isEmpty();
    if (hasLegend) // as wide as the diagram, but not so narrow that it becomes a column
        width = std::max(width, std::min(legend.naturalWidth(), std::max(width, kMinLegendWidth)));
    m_diagramTarget =
        QRectF(QPointF(kMargin + (width - m_diagramSource.width()) / 2, y), m_diagramSource.size());
    y += m_diagramSource.height();
    m_legendRect = QRectF();
    if (hasLegend) {
        y += kLegendGap;
        m_legendRect = QRectF(kMargin, y, width, legend.heightFor(width));
        y += m_legendRect.height();
    }
    m_size = QSizeF(std::ceil(width + 2 * kMargin), std::ceil(y + kMargin));
}

void DiagramExport::paint(QPainter &painter) const
{
    painter.save();
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    const QRectF page(QPointF(0, 0), m_size);
    if (m_options.background == DiagramExportOptions::Background::White)
        painter.fillRect(page, Qt::white);
    else if (m_options.background == DiagramExportOptions::Background::Canvas)
        painter.fillRect(page, m_canvasBackground);
    if (m_options.title) {
        painter.save();
        painter.setFont(titleFont());
        painter.setPen(QColor(0x20, 0x24, 0x2c));
        const QString title = titleText();
        painter.drawText(m_titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
        if (m_options.date) {
            const qreal left =
                m_titleRect.left() +
                QFontMetricsF(titleFont(), &diagramMetricsDevice()).horizontalAdvance(title) + 16;
            painter.setFont(dateFont());
            painter.setPen(QColor(0x5a, 0x63, 0x73));
            painter.drawText(QRectF(left, m_titleRect.top(), m_titleRect.right() - left + 40,
                                    m_titleRect.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, dateText());
        }
        painter.restore();
    }
    if (m_scene.items().isEmpty()) {
        painter.setFont(dateFont());
        painter.setPen(QColor(0x5a, 0x63, 0x73));
        painter.drawText(m_diagramTarget, Qt::AlignCenter, tr("(no services)"));
    } else {
        m_scene.render(&painter, m_diagramTarget, m_diagramSource);
    }
    if (!m_legendRect.isEmpty())
        DiagramLegend(m_document.catalog(), m_document.architecture()).paint(painter, m_legendRect);
    painter.restore();
}

QImage DiagramExport::toImage() const
{
    const int scale = std::clamp(m_options.scale, 1, 4);
    QImage image((m_size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(kDotsPerMeter96); // fonts in points get their canvas size
    image.setDotsPerMeterY(kDotsPerMeter96);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paint(painter);
    painter.end();
    // Tell viewers the real density, so that a 2x image shows at the size of a 1x one.
    image.setDotsPerMeterX(kDotsPerMeter96 * scale);
    image.setDotsPerMeterY(kDotsPerMeter96 * scale);
    return image;
}

bool DiagramExport::write(const QString &path, QString *error) const
{
    const std::optional<DiagramFormat> format = diagramFormatForPath(path);
    if (!format)
        return fail(error, tr("%1: unknown diagram format '%2' (use .png, .svg or .pdf)")
                               .arg(QDir::toNativeSeparators(path), QFileInfo(path).suffix()));
    switch (*format) {
    case DiagramFormat::Png:
        return writePng(path, error);
    case DiagramFormat::Svg:
        return writeSvg(path, error);
    case DiagramFormat::Pdf:
        break;
    }
    return writePdf(path, error);
}

bool DiagramExport::writePng(const QString &path, QString *error) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!toImage().save(&buffer, "PNG"))
        return fail(error,
                    tr("%1: the PNG image could not be made").arg(QDir::toNativeSeparators(path)));
    return writeOutputFile(path, bytes, error);
}

bool DiagramExport::writeSvg(const QString &path, QString *error) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(int(kDpi));
    svg.setSize(m_size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), m_size));
    svg.setTitle(svgText(titleText())); // Qt writes both as they are, into XML
    svg.setDescription(svgText(tr("Drawn by Nimbus")));
    QPainter painter(&svg);
    paint(painter);
    painter.end();
    return writeOutputFile(path, withPortableFonts(buffer.data()), error);
}

bool DiagramExport::writePdf(const QString &path, QString *error) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setResolution(int(kDpi)); // vector output: the resolution only sets the units
    pdf.setCreator(QStringLiteral("Nimbus"));
    pdf.setTitle(titleText());
    qreal fit = 1;
    if (m_options.pdfPage == DiagramExportOptions::PdfPage::FitDiagram) {
        const QSizeF points = m_size * 72.0 / kDpi;
        pdf.setPageLayout(
            QPageLayout(QPageSize(QSizeF(std::ceil(points.width()), std::ceil(points.height())),
                                  QPageSize::Point, QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF()));
    } else {
        // A4 landscape, shrunk to fit; when that would make the text unreadable, the next
        // larger A size that keeps it readable (the print dialog can still fit it to A4).
        QPageSize page(QPageSize::A4);
        for (QPageSize::PageSizeId id :
             {QPageSize::A4, QPageSize::A3, QPageSize::A2, QPageSize::A1, QPageSize::A0}) {
            page = QPageSize(id);
            const QSizeF points = page.size(QPageSize::Point).transposed();
            fit = std::min({1.0, points.width() * kDpi / 72 / m_size.width(),
                            points.height() * kDpi / 72 / m_size.height()});
            if (fit >= kMinPdfFit)
                break;
        }
        pdf.setPageLayout(QPageLayout(page, QPageLayout::Landscape, QMarginsF()));
    }
    QPainter painter(&pdf);
    if (!painter.isActive())
        return fail(
            error,
            tr("%1: the PDF document could not be made").arg(QDir::toNativeSeparators(path)));
    const QRectF area = pdf.pageLayout().paintRectPixels(pdf.resolution());
    painter.translate((area.width() - m_size.width() * fit) / 2,
                      (area.height() - m_size.height() * fit) / 2);
    painter.scale(fit, fit);
    paint(painter);
    painter.end();
    return writeOutputFile(path, bytes, error);
}

} // namespace nimbus::views
