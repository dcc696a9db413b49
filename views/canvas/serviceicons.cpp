// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "serviceicons.h"

#include <resources/embeddedfiles.h>

#include <QHash>
#include <QIconEngine>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>
#include <memory>

namespace nimbus::views {

namespace {

/// One renderer per type, made on first use and kept for the life of the program.
QSvgRenderer *rendererFor(const std::string &typeId)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> cache;
    const QString key = QString::fromStdString(typeId);
    if (auto it = cache.find(key); it != cache.end())
        return it->get();
    std::shared_ptr<QSvgRenderer> renderer;
    for (const std::string &name : {"icons/" + typeId + ".svg", std::string("icons/generic.svg")}) {
        for (const auto &file : resources::embeddedFiles()) {
            if (file.path == name) {
                renderer = std::make_shared<QSvgRenderer>(QByteArray(file.content.data(), qsizetype(file.content.size())));
                break;
            }
        }
        if (renderer && renderer->isValid())
            break;
    }
    cache.insert(key, renderer);
    return renderer.get();
}

/// Draws the SVG at whatever size and device pixel ratio the icon is asked for.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(std::string typeId)
        : m_typeId(std::move(typeId))
    {}
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        paintServiceIcon(*painter, rect, m_typeId);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }
    QIconEngine *clone() const override { return new SvgIconEngine(m_typeId); }

private:
    std::string m_typeId;
};

} // namespace

QIcon serviceIcon(const std::string &typeId)
{
    return QIcon(new SvgIconEngine(typeId));
}

void paintServiceIcon(QPainter &painter, const QRectF &rect, const std::string &typeId)
{
    QSvgRenderer *renderer = rendererFor(typeId);
    if (!renderer)
        return;
    // Vector output (diagram export to PDF or SVG) keeps the icon as vector paths.
    if (const QPaintEngine *engine = painter.paintEngine();
        engine && (engine->type() == QPaintEngine::Pdf || engine->type() == QPaintEngine::SVG)) {
        renderer->render(&painter, rect);
        return;
    }
    // Rendering SVG on every frame is slow with thousands of boxes: draw a pixmap rendered
    // once per type and on-screen size instead (still crisp: the size includes the zoom
    // and the device pixel ratio).
    const qreal scale = std::sqrt(std::abs(painter.worldTransform().determinant()))
                        * (painter.device() ? painter.device()->devicePixelRatioF() : 1.0);
    const int side = std::clamp(static_cast<int>(std::ceil(rect.width() * scale)), 4, 512);
    const QString key = QStringLiteral("nimbus-icon-%1-%2").arg(QString::fromStdString(typeId)).arg(side);
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter iconPainter(&pixmap);
        iconPainter.setRenderHint(QPainter::Antialiasing);
        renderer->render(&iconPainter, QRectF(0, 0, side, side));
        iconPainter.end();
        QPixmapCache::insert(key, pixmap);
    }
    const bool smooth = painter.testRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawPixmap(rect, pixmap, QRectF(0, 0, side, side));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
}

} // namespace nimbus::views
