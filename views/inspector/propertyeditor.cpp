// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "propertyeditor.h"

#include <model/core/limits.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>

#include <cmath>

namespace nimbus::views {

namespace {

// Used when the catalog gives no bound; wide, but small enough that one step below the
// minimum (the "no value" step) still fits an int.
constexpr double kWideRange = 1e9;

// Sessions are numbered across all editors, so that an editor rebuilt for the same item
// and key never reuses a number that could merge with an older undo step.
int s_lastSession = 0;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

/// The label as shown: long labels wrap in a narrow dock, but not right after a slash
/// ("Temp storage (/tmp)"), which a word joiner prevents.
QString labelText(const std::string &label)
{
    return q(label).replace(QStringLiteral("/"), QStringLiteral("/\u2060"));
}

/// A QDoubleSpinBox that writes numbers in their shortest form ("0.5", "120") instead of
/// padding them with zeros up to the number of decimals.
class NumberSpinBox final : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        text.remove(locale().groupSeparator());
        const QString point = locale().decimalPoint();
        if (text.contains(point)) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }
};

/// A QComboBox that elides a long current text (or placeholder) instead of cutting it off
/// under the arrow, for narrow docks.
class ElidingComboBox final : public QComboBox
{
public:
    using QComboBox::QComboBox;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QStylePainter painter(this);
        painter.setPen(palette().color(QPalette::Text));
        QStyleOptionComboBox option;
        initStyleOption(&option);
        painter.drawComplexControl(QStyle::CC_ComboBox, option);
        if (currentIndex() < 0 && !placeholderText().isEmpty()) {
            option.palette.setBrush(QPalette::ButtonText, option.palette.placeholderText());
            option.currentText = placeholderText();
        }
        const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                    QStyle::SC_ComboBoxEditField, this);
        option.currentText =
            fontMetrics().elidedText(option.currentText, Qt::ElideRight, field.width());
        painter.drawControl(QStyle::CE_ComboBoxLabel, option);
    }
};

} // namespace

PropertyEditor::PropertyEditor(model::PropertyDef definition, QWidget *parent)
    : QObject(parent)
    , m_def(std::move(definition))
    , m_label(new QLabel(labelText(m_def.label), parent))
    , m_editor(createEditor(parent))
    , m_reset(new QToolButton(parent))
    , m_error(new QLabel(parent))
{
    const QString key = q(m_def.key);
    m_label->setObjectName(QStringLiteral("label-") + key);
    m_label->setBuddy(m_editor);
    m_label->setWordWrap(true); // long labels take two lines in a narrow dock
    m_editor->setObjectName(QStringLiteral("property-") + key);
    m_editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_editor->setMinimumWidth(80);
    if (m_editor->focusPolicy() == Qt::WheelFocus)
        m_editor->setFocusPolicy(Qt::StrongFocus);
    m_editor->installEventFilter(this);

    m_reset->setObjectName(QStringLiteral("reset-") + key);
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setAutoRaise(true);
    m_reset->setFocusPolicy(Qt::NoFocus);
    m_reset->setEnabled(false);
    m_reset->setToolTip(tr("Reset %1 to the default").arg(q(m_def.label)));

    m_error->setObjectName(QStringLiteral("error-") + key);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPalette);
    m_error->hide();

    const QString tip = toolTipText();
    m_label->setToolTip(tip);
    m_editor->setToolTip(tip);

    connectEditor();
    connect(m_reset, &QToolButton::clicked, this, &PropertyEditor::resetRequested);
    showValue();
}

int PropertyEditor::addTo(QGridLayout &grid, int row)
{
    grid.addWidget(m_label, row, 0);
    grid.addWidget(m_editor, row, 1);
    grid.addWidget(m_reset, row, 2);
    grid.addWidget(m_error, row + 1, 1, 1, 2);
    return row + 2;
}

void PropertyEditor::setState(const PropertyState &state)
{
    m_state = state;
    m_reset->setEnabled(state.isSet);
    m_error->hide();
    showValue();
}

bool PropertyEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor)
        return QObject::eventFilter(watched, event);
    // A new focus-in starts a new editing session; commit (editingFinished) closes it.
    if (event->type() == QEvent::FocusIn)
        m_session = ++s_lastSession;
    // The wheel scrolls the inspector unless the editor was clicked first, so that
    // scrolling past a spin box or combo box never changes a value by accident.
    if (event->type() == QEvent::Wheel && !m_editor->hasFocus()) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

QWidget *PropertyEditor::createEditor(QWidget *parent)
{
    switch (m_def.type) {
    case model::PropertyType::Integer: {
        auto *spin = new QSpinBox(parent);
        m_minimum = std::ceil(std::max(m_def.minimum.value_or(-kWideRange), -kWideRange));
        const double maximum = std::floor(std::min(m_def.maximum.value_or(kWideRange), kWideRange));
        spin->setRange(static_cast<int>(m_minimum), static_cast<int>(std::max(maximum, m_minimum)));
        spin->setKeyboardTracking(false);
        return spin;
    }
    case model::PropertyType::Number: {
        auto *spin = new NumberSpinBox(parent);
        spin->setDecimals(4);
        m_minimum = std::max(m_def.minimum.value_or(-kWideRange), -kWideRange);
        const double maximum = std::min(m_def.maximum.value_or(kWideRange), kWideRange);
        spin->setRange(m_minimum, std::max(maximum, m_minimum));
        // Steps of one suit counts and milliseconds; fractions (0..1) step by hundredths.
        spin->setSingleStep(maximum - m_minimum <= 1 ? 0.01 : 1);
        spin->setKeyboardTracking(false);
        return spin;
    }
    case model::PropertyType::Boolean:
        return new QCheckBox(parent);
    case model::PropertyType::Choice: {
        auto *combo = new ElidingComboBox(parent);
        for (const std::string &choice : m_def.choices)
            combo->addItem(q(choice), q(choice));
        return combo;
    }
    case model::PropertyType::String:
        break;
    }
    auto *edit = new QLineEdit(parent);
    edit->setMaxLength(int(model::kMaxPropertyTextLength));
    return edit;
}

void PropertyEditor::connectEditor()
{
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor)) {
        connect(spin, &QSpinBox::valueChanged, this, [this, spin](int value) {
            if (spin->value() == spin->minimum() && !spin->specialValueText().isEmpty())
                return; // the "no value" step, not a value
            commit(model::PropertyValue(std::int64_t(value)), true);
        });
    } else if (auto *number = qobject_cast<QDoubleSpinBox *>(m_editor)) {
        connect(number, &QDoubleSpinBox::valueChanged, this, [this, number](double value) {
            if (number->value() == number->minimum() && !number->specialValueText().isEmpty())
                return;
            commit(model::PropertyValue(value), true);
        });
    } else if (auto *check = qobject_cast<QCheckBox *>(m_editor)) {
        connect(check, &QCheckBox::clicked, this, [this, check] {
            commit(model::PropertyValue(check->checkState() != Qt::Unchecked), false);
        });
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        connect(combo, &QComboBox::activated, this, [this, combo](int index) {
            commit(model::PropertyValue(combo->itemData(index).toString().toStdString()), false);
        });
    } else if (auto *edit = qobject_cast<QLineEdit *>(m_editor)) {
        connect(edit, &QLineEdit::editingFinished, this, &PropertyEditor::commitText);
    }
    if (auto *box = qobject_cast<QAbstractSpinBox *>(m_editor))
        connect(box, &QAbstractSpinBox::editingFinished, this, [this] { m_session = 0; });
}

void PropertyEditor::showValue()
{
    const QSignalBlocker blocker(m_editor);
    const std::optional<model::PropertyValue> &value = m_state.value;
    if (m_def.type == model::PropertyType::Integer || m_def.type == model::PropertyType::Number) {
        showNumber(value ? model::toNumber(*value) : std::nullopt);
    } else if (auto *check = qobject_cast<QCheckBox *>(m_editor)) {
        const bool on = value && std::holds_alternative<bool>(*value) && std::get<bool>(*value);
        check->setTristate(m_state.isMixed);
        check->setCheckState(m_state.isMixed ? Qt::PartiallyChecked
                             : on            ? Qt::Checked
                                             : Qt::Unchecked);
        check->setText(m_state.isDefault ? tr("(default)") : value ? QString() : stateText());
        showLighterStyle(m_state.isDefault || !value);
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        const QString text = value ? q(model::toString(*value)) : QString();
        const int index = m_state.isDefault ? -1 : combo->findData(text);
        if (m_state.isDefault)
            combo->setPlaceholderText(tr("%1 (default)").arg(text));
        else
            combo->setPlaceholderText(value ? text : stateText());
        combo->setCurrentIndex(index);
        showLighterStyle(index < 0);
    } else if (auto *edit = qobject_cast<QLineEdit *>(m_editor)) {
        const QString text = value && !m_state.isDefault ? q(model::toString(*value)) : QString();
        if (m_state.isMixed) {
            edit->setPlaceholderText(stateText());
        } else if (m_def.defaultValue) {
            const QString shown = q(model::toString(*m_def.defaultValue));
            edit->setPlaceholderText(tr("%1 (default)").arg(shown.isEmpty() ? tr("empty") : shown));
        } else {
            edit->setPlaceholderText(stateText());
        }
        if (edit->text() != text)
            edit->setText(text);
    }
}

void PropertyEditor::showNumber(const std::optional<double> &number)
{
    // Without a value the spin box sits on one extra step below its range, shown as text.
    const QString suffix = unitSuffix() + (m_state.isDefault ? tr(" (default)") : QString());
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor)) {
        const int minimum = static_cast<int>(m_minimum);
        spin->setMinimum(number ? minimum : minimum - 1);
        spin->setSpecialValueText(number ? QString() : stateText());
        spin->setSuffix(suffix);
        const int shown = number ? static_cast<int>(std::clamp(std::round(*number), double(minimum),
                                                               double(spin->maximum())))
                                 : spin->minimum();
        if (spin->value() != shown)
            spin->setValue(shown);
    } else if (auto *box = qobject_cast<QDoubleSpinBox *>(m_editor)) {
        box->setMinimum(number ? m_minimum : m_minimum - 1);
        box->setSpecialValueText(number ? QString() : stateText());
        box->setSuffix(suffix);
        const double shown =
            number ? std::clamp(*number, m_minimum, box->maximum()) : box->minimum();
        if (box->value() != shown)
            box->setValue(shown);
    }
    showLighterStyle(m_state.isDefault || !number);
    // The editor cannot show a value outside the catalog's range (a file may hold one, up to
    // the format's limit): it says what the value is, so that the user sees what to fix.
    if (number && !m_state.isMixed && m_state.value) {
        if (const std::optional<std::string> reason =
                model::checkPropertyValue(m_def, *m_state.value)) {
            m_error->setText(tr("%1 %2").arg(q(m_def.label), q(*reason)));
            m_error->show();
        }
    }
}

void PropertyEditor::showLighterStyle(bool lighter)
{
    // Resetting to a default-constructed palette and font makes the editor inherit again.
    if (!lighter) {
        m_editor->setPalette(QPalette());
        m_editor->setFont(QFont());
        return;
    }
    QPalette palette = m_editor->palette();
    const QColor grey = palette.color(QPalette::PlaceholderText);
    palette.setColor(QPalette::Text, grey);
    palette.setColor(QPalette::ButtonText, grey);
    palette.setColor(QPalette::WindowText, grey);
    m_editor->setPalette(palette);
    QFont font = m_editor->font();
    font.setItalic(true);
    m_editor->setFont(font);
}

void PropertyEditor::commit(const model::PropertyValue &value, bool merging)
{
    if (const std::optional<std::string> reason = model::checkPropertyValue(m_def, value)) {
        m_error->setText(tr("%1 %2").arg(q(m_def.label), q(*reason)));
        m_error->show();
        return;
    }
    m_error->hide();
    int session = 0;
    if (merging && m_editor->hasFocus()) {
        if (m_session == 0)
            m_session = ++s_lastSession;
        session = m_session;
    }
    Q_EMIT valueEdited(value, session);
}

void PropertyEditor::commitText()
{
    auto *edit = static_cast<QLineEdit *>(m_editor);
    if (!edit->isModified())
        return;
    edit->setModified(false);
    if (edit->text().isEmpty()) {
        // An empty field means "use the default"; these properties give "" no meaning.
        if (m_state.isSet)
            Q_EMIT resetRequested();
        return;
    }
    commit(model::PropertyValue(edit->text().toStdString()), false);
}

QString PropertyEditor::stateText() const
{
    return m_state.isMixed ? tr("— mixed —") : tr("not set");
}

QString PropertyEditor::unitSuffix() const
{
    return m_def.unit.empty() ? QString() : QLatin1Char(' ') + q(m_def.unit);
}

QString PropertyEditor::toolTipText() const
{
    const QString unit = unitSuffix();
    QStringList facts;
    if (m_def.minimum && m_def.maximum)
        facts << tr("Range: %1 to %2%3")
                     .arg(q(model::formatNumber(*m_def.minimum)),
                          q(model::formatNumber(*m_def.maximum)), unit);
    else if (m_def.minimum)
        facts << tr("Range: at least %1%2").arg(q(model::formatNumber(*m_def.minimum)), unit);
    else if (m_def.maximum)
        facts << tr("Range: at most %1%2").arg(q(model::formatNumber(*m_def.maximum)), unit);
    if (!m_def.choices.empty()) {
        QStringList choices;
        for (const std::string &choice : m_def.choices)
            choices << q(choice);
        facts << tr("Choices: %1").arg(choices.join(QStringLiteral(", ")));
    }
    if (m_def.defaultValue) {
        const QString shown = q(model::toString(*m_def.defaultValue));
        facts << tr("Default: %1").arg(shown.isEmpty() ? tr("empty") : shown + unit);
    } else {
        facts << tr("Default: not set");
    }
    for (QString &fact : facts)
        fact = fact.toHtmlEscaped();
    // Rich text, so that the long help texts wrap instead of making a screen-wide tooltip.
    return QStringLiteral("<p><b>%1</b></p><p>%2</p><p>%3</p>")
        .arg(q(m_def.label).toHtmlEscaped(), q(m_def.help).toHtmlEscaped(),
             facts.join(QStringLiteral("<br>")));
}

} // namespace nimbus::views
