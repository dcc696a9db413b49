// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "preferences.h"

#include <model/cost/currency.h>
#include <model/cost/estimate.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPalette>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QVBoxLayout>

#include <algorithm>

namespace nimbus::app {

namespace {

/// Organisation and application "Nimbus", as main() sets them (tests may not).
QString settingsName()
{
    return QStringLiteral("Nimbus");
}

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QPalette darkPalette()
{
    const QColor window(0x2d, 0x2f, 0x33), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    const QColor disabled(0x80, 0x84, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x29, 0x2b, 0x2f));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x33, 0x35, 0x39));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa9, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

QStringList Preferences::regions()
{
    return {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("eu-central-1")};
}

Preferences Preferences::load()
{
    const QSettings s(settingsName(), settingsName());
    Preferences p;
    const QString region = s.value(QStringLiteral("preferences/region"), p.region).toString();
    if (regions().contains(region))
        p.region = region;
    p.freeTier = s.value(QStringLiteral("preferences/freeTier"), p.freeTier).toBool();
    p.currencySymbol = s.value(QStringLiteral("preferences/currencySymbol"), p.currencySymbol).toString();
    const QString code = s.value(QStringLiteral("preferences/currencyCode"), p.currencyCode).toString().trimmed().toUpper();
    if (!code.isEmpty())
        p.currencyCode = code;
    const double rate = s.value(QStringLiteral("preferences/exchangeRate"), p.exchangeRate).toDouble();
    if (model::isValidExchangeRate(rate))
        p.exchangeRate = rate;
    p.theme = themeFromKey(s.value(QStringLiteral("preferences/theme")).toString());
    p.showGrid = s.value(QStringLiteral("preferences/showGrid"), p.showGrid).toBool();
    p.autosaveMinutes = std::clamp(s.value(QStringLiteral("preferences/autosaveMinutes"), p.autosaveMinutes).toInt(), 1, 60);
    return p;
}

void Preferences::save() const
{
    QSettings s(settingsName(), settingsName());
    s.setValue(QStringLiteral("preferences/region"), region);
    s.setValue(QStringLiteral("preferences/freeTier"), freeTier);
    s.setValue(QStringLiteral("preferences/currencySymbol"), currencySymbol);
    s.setValue(QStringLiteral("preferences/currencyCode"), currencyCode);
    s.setValue(QStringLiteral("preferences/exchangeRate"), exchangeRate);
    s.setValue(QStringLiteral("preferences/theme"), themeKey(theme));
    s.setValue(QStringLiteral("preferences/showGrid"), showGrid);
    s.setValue(QStringLiteral("preferences/autosaveMinutes"), autosaveMinutes);
    s.sync();
}

model::Settings Preferences::designSettings() const
{
    model::Settings s;
    s.region = region.toStdString();
    s.freeTier = freeTier;
    return s;
}

model::Currency Preferences::currency() const
{
    model::Currency c;
    c.symbol = currencySymbol.toStdString();
    c.code = currencyCode.toStdString();
    c.perUsd = exchangeRate;
    return c;
}

QString Preferences::money(double amount) const
{
    return QString::fromStdString(model::formatCurrency(amount, currency()));
}

bool paletteIsDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

void applyTheme(Theme theme)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    static const QString startStyle = QApplication::style()->name();
    static Theme applied = Theme::System;
    if (theme == applied)
        return; // restyling every window is not free
    applied = theme;
    if (theme == Theme::System) {
        QApplication::setStyle(startStyle);
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_region(new QComboBox(this))
    , m_freeTier(new QCheckBox(tr("Include the AWS free tier"), this))
    , m_currency(new QLineEdit(this))
    , m_currencyCode(new QLineEdit(this))
    , m_exchangeRate(new QDoubleSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_grid(new QCheckBox(tr("Show the grid on the canvas"), this))
    , m_autosave(new QSpinBox(this))
{
    setObjectName(QStringLiteral("preferences"));
    setWindowTitle(tr("Preferences"));
    m_region->setObjectName(QStringLiteral("pref-region"));
    m_region->addItems(Preferences::regions());
    m_region->setCurrentText(preferences.region);
    m_freeTier->setObjectName(QStringLiteral("pref-free-tier"));
    m_freeTier->setChecked(preferences.freeTier);
    m_currency->setObjectName(QStringLiteral("pref-currency"));
    m_currency->setMaxLength(4);
    m_currency->setText(preferences.currencySymbol);
    m_currencyCode->setObjectName(QStringLiteral("pref-currency-code"));
    m_currencyCode->setMaxLength(3);
    m_currencyCode->setInputMask(QStringLiteral(">AAA"));
    m_currencyCode->setText(preferences.currencyCode);
    m_exchangeRate->setObjectName(QStringLiteral("pref-exchange-rate"));
    m_exchangeRate->setDecimals(4);
    m_exchangeRate->setRange(model::kMinExchangeRate, model::kMaxExchangeRate);
    m_exchangeRate->setValue(preferences.exchangeRate);
    m_exchangeRate->setToolTip(tr("Units of your currency for one US dollar. Prices are in US dollars; "
                                  "Nimbus never fetches a rate, the figure is yours."));
    m_theme->setObjectName(QStringLiteral("pref-theme"));
    m_theme->addItem(tr("System"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(preferences.theme)));
    m_grid->setObjectName(QStringLiteral("pref-grid"));
    m_grid->setChecked(preferences.showGrid);
    m_autosave->setObjectName(QStringLiteral("pref-autosave"));
    m_autosave->setRange(1, 60);
    m_autosave->setSuffix(tr(" min"));
    m_autosave->setValue(preferences.autosaveMinutes);

    auto *form = new QFormLayout;
    form->addRow(tr("Region of new designs:"), m_region);
    form->addRow(QString(), m_freeTier);
    form->addRow(tr("Currency symbol:"), m_currency);
    form->addRow(tr("Currency code:"), m_currencyCode);
    form->addRow(tr("Units per US dollar:"), m_exchangeRate);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(QString(), m_grid);
    form->addRow(tr("Autosave every:"), m_autosave);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::values() const
{
    Preferences p;
    p.region = m_region->currentText();
    p.freeTier = m_freeTier->isChecked();
    p.currencySymbol = m_currency->text().trimmed().isEmpty() ? QStringLiteral("$") : m_currency->text().trimmed();
    const QString code = m_currencyCode->text().trimmed();
    p.currencyCode = code.size() == 3 ? code : QStringLiteral("USD");
    p.exchangeRate = m_exchangeRate->value();
    p.theme = Theme(m_theme->currentData().toInt());
    p.showGrid = m_grid->isChecked();
    p.autosaveMinutes = m_autosave->value();
    return p;
}

} // namespace nimbus::app
