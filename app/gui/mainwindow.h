// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QGraphicsView;
class QLabel;

namespace nimbus::model {
class Catalog;
}

namespace nimbus::views {
class CanvasScene;
class Document;
} // namespace nimbus::views

namespace nimbus::app {

/// The designer window: for now the canvas showing the open design, the File and Help
/// menus and a status line; the palette, inspector and panels arrive with the designer
/// issue.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const model::Catalog &catalog, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `path`; on errors shows them and keeps the current design. True on success.
    bool openFile(const QString &path, bool interactive = true);
    views::Document &document() const { return *m_document; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void fitDesign();
    void onOpen();
    void onAbout();
    void updateTitleAndStatus();

    views::Document *m_document;
    views::CanvasScene *m_scene;
    QGraphicsView *m_view;
    QLabel *m_status;
};

} // namespace nimbus::app
