// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/cost/currency.h>

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace nimbus::app {

/// How the window looks: follow the desktop, or force a light or a dark palette.
enum class Theme { System, Light, Dark };

/// The user's preferences (Edit > Preferences…), kept with QSettings (organisation and
/// application "Nimbus"). Region and free tier are the settings of NEW designs; an open
/// design keeps its own.
struct Preferences
{
    QString region = QStringLiteral("us-east-1");
    bool freeTier = true;
    QString currencySymbol = QStringLiteral("$");
    QString currencyCode = QStringLiteral("USD"); ///< ISO code, shown in reports
    double exchangeRate = 1;                        ///< units of the currency per US dollar
    Theme theme = Theme::System;
    bool showGrid = true;
    int autosaveMinutes = 1; ///< 1 to 60

    static QStringList regions();
    static Preferences load();
    void save() const;
    /// The settings a new design starts with.
    model::Settings designSettings() const;
    /// The currency figures are shown in (symbol, code, rate).
    model::Currency currency() const;
    /// `amount` (US dollars) converted and written as "€1,234.56"; "<€0.01" under a cent.
    QString money(double amount) const;
};

/// Sets the application palette for `theme` (Fusion style for Light and Dark, so that the
/// palette is honoured everywhere; System puts back the style the application started with).
void applyTheme(Theme theme);

/// Whether the application's palette is dark (a forced dark theme, or a dark desktop when
/// the theme follows the system): the canvas and the charts take their dark colours then.
bool paletteIsDark();

/// The Preferences dialog; values() gives what it shows.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences values() const;

private:
    QComboBox *m_region;
    QCheckBox *m_freeTier;
    QLineEdit *m_currency;
    QLineEdit *m_currencyCode;
    QDoubleSpinBox *m_exchangeRate;
    QComboBox *m_theme;
    QCheckBox *m_grid;
    QSpinBox *m_autosave;
};

} // namespace nimbus::app
