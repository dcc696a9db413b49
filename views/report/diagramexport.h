// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "../canvas/canvasscene.h"
#include "../document/document.h"

#include <QBrush>
#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QImage;
class QPainter;

namespace nimbus::views {

/// The file formats a diagram is exported to.
enum class DiagramFormat { Png, Svg, Pdf };

/// The format named by the extension of `path` (.png, .svg, .pdf, any case); nullopt otherwise.
std::optional<DiagramFormat> diagramFormatForPath(const QString &path);

/// What a diagram export contains and how it looks (File > Export Diagram…, `nimbus render`).
struct DiagramExportOptions
{
    enum class Background { White, Canvas, Transparent };
    enum class PdfPage { FitDiagram, A4Landscape };

    int scale = 1; ///< PNG only: 1 or 2 pixels per canvas unit (the file says 96 or 192 dpi)
    Background background = Background::White; ///< Transparent is white in a PDF
    PdfPage pdfPage = PdfPage::FitDiagram;
    bool title = true;
    QString titleText; ///< empty: the design's name
    bool date = false; ///< today's date beside the title
    bool legend = true;
    /// When not empty, only these services, the connections among them and the groups
    /// they belong to (the selection); notes are left out.
    QStringList nodeIds;
};

/// A design drawn as a picture, for slides and documents. It draws a private canvas scene
/// built from a copy of the architecture, so the output shows no selection, handles,
/// hover, costs or finding badges, whatever the window shows. The page has margins, an
/// optional title above the diagram and an optional legend below it (the service
/// categories and types used, and the connection kinds used). Units are canvas units
/// (1/96 inch). Needs a QApplication; no window and no display (offscreen works).
class DiagramExport final
{
    Q_DECLARE_TR_FUNCTIONS(DiagramExport)

public:
    DiagramExport(const model::Catalog &catalog, const model::Architecture &architecture,
                  DiagramExportOptions options);
    /// The design open in `document`, titled with its display name unless `options` says.
    explicit DiagramExport(const Document &document, DiagramExportOptions options = {});
    ~DiagramExport();
    Q_DISABLE_COPY_MOVE(DiagramExport)

    /// Number of services drawn (0 when the selection or the design is empty).
    int serviceCount() const { return int(m_document.architecture().nodes().size()); }
    /// The whole page, margins included, in canvas units.
    QSizeF size() const { return m_size; }
    /// Where the diagram itself sits on the page.
    QRectF diagramRect() const { return m_diagramTarget; }

    /// Paints the page with its top-left corner at the painter's origin, one canvas unit per
    /// painter unit. The painter's device should have 96 dpi so that fonts have the size
    /// they have on the canvas (QSvgGenerator and QPdfWriter set up by write*() do).
    void paint(QPainter &painter) const;
    /// Pixels per canvas unit of the PNG: options' scale, or less when the page would
    /// have more than kMaxImagePixels (model/core/limits.h).
    qreal imageScale() const;
    /// The size of toImage() in pixels.
    QSize imageSize() const;
    /// The page as an image of imageSize() pixels.
    QImage toImage() const;

    /// Writes the page to `path` in the format its extension names. False with `error` set
    /// (unknown extension, file not writable).
    bool write(const QString &path, QString *error = nullptr) const;
    bool writePng(const QString &path, QString *error = nullptr) const;
    bool writeSvg(const QString &path, QString *error = nullptr) const;
    bool writePdf(const QString &path, QString *error = nullptr) const;

private:
    void layout();
    QString titleText() const;

    DiagramExportOptions m_options;
    Document m_document;
    mutable CanvasScene m_scene; ///< QGraphicsScene::render() is not const, drawing changes nothing
    QBrush m_canvasBackground;
    QRectF m_diagramSource; ///< the drawn items, in scene coordinates
    QRectF m_diagramTarget; ///< the same, on the page
    QRectF m_titleRect;
    QRectF m_legendRect;
    QSizeF m_size;
};

} // namespace nimbus::views
