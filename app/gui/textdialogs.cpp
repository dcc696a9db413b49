// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "textdialogs.h"

#include <model/core/limits.h>

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace nimbus::app {

std::optional<QString> askLine(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial, int maxLength)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextValue(initial); // creates the line edit
    if (auto *edit = dialog.findChild<QLineEdit *>())
        edit->setMaxLength(maxLength);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

std::optional<QString> askLines(QWidget *parent, const QString &title, const QString &label,
                                const QString &initial, int maxLength)
{
    QString text = initial;
    for (;;) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(parent, title, label, text, &ok);
        if (!ok)
            return std::nullopt;
        if (text.size() <= maxLength)
            return text;
        const std::size_t length = model::utf8Length(text.toStdString());
        if (length <= std::size_t(maxLength))
            return text;
        QMessageBox::warning(parent, title,
                             QString::fromStdString(model::tooLongMessage("The text", length, std::size_t(maxLength))));
    }
}

} // namespace nimbus::app
