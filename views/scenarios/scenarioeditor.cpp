// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenarioeditor.h"

#include <views/commands/scenariocommands.h>
#include <views/document/document.h>

#include <model/core/catalog.h>
#include <model/core/numberlimits.h>
#include <model/core/limits.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace nimbus::views {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

/// Selects the entry whose data is `value` ("" = As designed).
void selectData(QComboBox *box, const QString &value)
{
    const QSignalBlocker block(box);
    const int at = box->findData(value);
    box->setCurrentIndex(at < 0 ? 0 : at);
}

QComboBox *choiceBox(std::initializer_list<std::pair<QString, QString>> entries)
{
    auto *box = new QComboBox;
    box->addItem(ScenarioEditor::tr("As designed"), QString());
    for (const auto &[label, value] : entries)
        box->addItem(label, value);
    return box;
}

std::optional<std::string> optionalText(QComboBox *box)
{
    const QString value = box->currentData().toString();
    return value.isEmpty() ? std::nullopt : std::optional<std::string>(value.toStdString());
}

} // namespace

ScenarioEditor::ScenarioEditor(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("scenario-editor-tabs"));
    tabs->addTab(createSettings(), tr("Settings"));
    tabs->addTab(createOverrides(), tr("Overrides"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    connect(&m_document, &Document::scenariosChanged, this, &ScenarioEditor::refresh);
    connect(&m_document, &Document::documentReset, this, &ScenarioEditor::refresh);
    refresh();
}

QWidget *ScenarioEditor::createSettings()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("scenario-description"));
    m_description->setMaxLength(int(model::kMaxDescriptionLength));
    m_description->setPlaceholderText(tr("What this scenario stands for"));
    m_multiplier = new QDoubleSpinBox;
    m_multiplier->setObjectName(QStringLiteral("scenario-multiplier"));
    m_multiplier->setRange(0.01, 1000);
    m_multiplier->setDecimals(2);
    m_multiplier->setPrefix(QStringLiteral("×"));
    m_multiplier->setToolTip(tr("Multiplies the traffic of every entry point (clients, devices, schedules)"));
    m_region = choiceBox({});
    m_region->setObjectName(QStringLiteral("scenario-region"));
    m_freeTier = choiceBox({{tr("Applied"), QStringLiteral("on")}, {tr("Not applied"), QStringLiteral("off")}});
    m_freeTier->setObjectName(QStringLiteral("scenario-free-tier"));
    m_architecture = choiceBox({{tr("arm64 (Graviton)"), QStringLiteral("arm64")}, {tr("x86_64"), QStringLiteral("x86_64")}});
    m_architecture->setObjectName(QStringLiteral("scenario-architecture"));
    m_architecture->setToolTip(tr("Processor of every Lambda function and Fargate service"));
    m_capacity = choiceBox({{tr("On demand"), QStringLiteral("on-demand")}, {tr("Provisioned"), QStringLiteral("provisioned")}});
    m_capacity->setObjectName(QStringLiteral("scenario-capacity"));
    m_capacity->setToolTip(tr("Capacity mode of every DynamoDB table; provisioned capacity that a table does "
                              "not state is sized for its peak at 70% use"));
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Traffic:"), m_multiplier);
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("Free tier:"), m_freeTier);
    form->addRow(tr("Functions:"), m_architecture);
    form->addRow(tr("Tables:"), m_capacity);

    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (const model::Scenario *s = scenario()) {
            model::Scenario edited = *s;
            edited.description = text.toStdString();
            push(std::move(edited), tr("Describe scenario '%1'").arg(qs(s->name)), m_session);
        }
    });
    connect(m_multiplier, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (const model::Scenario *s = scenario()) {
            model::Scenario edited = *s;
            edited.trafficMultiplier = value;
            push(std::move(edited), tr("Set traffic of scenario '%1'").arg(qs(s->name)), m_session);
        }
    });
    connect(m_description, &QLineEdit::editingFinished, this, [this] { ++m_session; });
    connect(m_multiplier, &QDoubleSpinBox::editingFinished, this, [this] { ++m_session; });
    connect(m_region, &QComboBox::activated, this, [this] { onChoiceChanged(m_region, "region"); });
    connect(m_freeTier, &QComboBox::activated, this, [this] { onChoiceChanged(m_freeTier, "free tier"); });
    connect(m_architecture, &QComboBox::activated, this, [this] { onChoiceChanged(m_architecture, "architecture"); });
    connect(m_capacity, &QComboBox::activated, this, [this] { onChoiceChanged(m_capacity, "capacity mode"); });
    return page;
}

QWidget *ScenarioEditor::createOverrides()
{
    auto *page = new QWidget;
    m_overrides = new QTableWidget(0, 3);
    m_overrides->setObjectName(QStringLiteral("scenario-overrides"));
    m_overrides->setHorizontalHeaderLabels({tr("Service"), tr("Property"), tr("Value")});
    m_overrides->horizontalHeader()->setStretchLastSection(true);
    m_overrides->verticalHeader()->hide();
    m_overrides->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_overrides->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::AnyKeyPressed);
    connect(m_overrides, &QTableWidget::itemChanged, this, &ScenarioEditor::onOverrideEdited);

    m_target = new QLabel;
    m_target->setObjectName(QStringLiteral("scenario-override-target"));
    m_property = new QComboBox;
    m_property->setObjectName(QStringLiteral("scenario-override-property"));
    m_property->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_property->setMinimumContentsLength(12);
    m_value = new QLineEdit;
    m_value->setMaxLength(int(model::kMaxPropertyTextLength));
    m_value->setObjectName(QStringLiteral("scenario-override-value"));
    m_value->setPlaceholderText(tr("Value"));
    m_add = new QPushButton(tr("Add Override"));
    m_add->setObjectName(QStringLiteral("scenario-override-add"));
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(QStringLiteral("scenario-override-remove"));
    connect(m_property, &QComboBox::currentIndexChanged, this, &ScenarioEditor::fillOverrideValue);
    connect(m_add, &QPushButton::clicked, this, &ScenarioEditor::addOverride);
    connect(m_value, &QLineEdit::returnPressed, this, &ScenarioEditor::addOverride);
    connect(m_remove, &QPushButton::clicked, this, &ScenarioEditor::removeOverride);

    m_target->setWordWrap(true);
    m_value->setMinimumWidth(80);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_property, 2);
    addRow->addWidget(m_value, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_overrides, 1);
    layout->addWidget(m_target);
    layout->addLayout(addRow);
    return page;
}

const model::Scenario *ScenarioEditor::scenario() const
{
    const auto &all = m_document.architecture().scenarios();
    return m_index >= 0 && m_index < int(all.size()) ? &all[std::size_t(m_index)] : nullptr;
}

void ScenarioEditor::push(model::Scenario edited, const QString &text, int session)
{
    m_document.undoStack()->push(new EditScenarioCommand(m_document, std::size_t(m_index), std::move(edited), text, session));
}

void ScenarioEditor::setScenarioIndex(int index)
{
    if (index != m_index)
        ++m_session; // typing in another scenario is another undo step
    m_index = index;
    refresh();
}

void ScenarioEditor::setRegions(const QStringList &regions)
{
    const QSignalBlocker block(m_region);
    while (m_region->count() > 1)
        m_region->removeItem(1);
    for (const QString &r : regions)
        m_region->addItem(r, r);
    refresh();
}

void ScenarioEditor::setSelectedServices(const QStringList &nodeIds)
{
    m_selectedNode = nodeIds.isEmpty() ? QString() : nodeIds.front();
    fillPropertyChoices();
}

void ScenarioEditor::refresh()
{
    const model::Scenario *s = scenario();
    setEnabled(s != nullptr);
    const model::Scenario shown = s ? *s : model::Scenario{};
    {
        const QSignalBlocker a(m_description), b(m_multiplier);
        if (m_description->text() != qs(shown.description))
            m_description->setText(qs(shown.description));
        m_multiplier->setValue(shown.trafficMultiplier);
    }
    const QString region = shown.region ? qs(*shown.region) : QString();
    if (!region.isEmpty() && m_region->findData(region) < 0)
        m_region->addItem(region, region); // a region typed into the file by hand
    selectData(m_region, region);
    selectData(m_freeTier, !shown.freeTier ? QString() : *shown.freeTier ? QStringLiteral("on") : QStringLiteral("off"));
    selectData(m_architecture, shown.architecture ? qs(*shown.architecture) : QString());
    selectData(m_capacity, shown.capacityMode ? qs(*shown.capacityMode) : QString());
    fillOverrides(shown);
    fillPropertyChoices();
}

void ScenarioEditor::onChoiceChanged(QComboBox *box, const char *field)
{
    const model::Scenario *s = scenario();
    if (!s)
        return;
    model::Scenario edited = *s;
    const std::optional<std::string> value = optionalText(box);
    if (box == m_region)
        edited.region = value;
    else if (box == m_freeTier)
        edited.freeTier = value ? std::optional<bool>(*value == "on") : std::nullopt;
    else if (box == m_architecture)
        edited.architecture = value;
    else
        edited.capacityMode = value;
    if (edited == *s)
        return;
    push(std::move(edited), tr("Set %1 of scenario '%2'").arg(QLatin1String(field), qs(s->name)));
}

void ScenarioEditor::fillOverrideValue()
{
    const model::Node *node = m_document.architecture().node(model::NodeId(m_selectedNode.toStdString()));
    const model::ServiceType *type = node ? m_document.catalog().type(node->type) : nullptr;
    const model::PropertyDef *def = type ? type->property(m_property->currentData().toString().toStdString()) : nullptr;
    if (!def)
        return;
    const auto set = node->properties.find(def->key);
    m_value->setText(set != node->properties.end() ? qs(model::toString(set->second))
                     : def->defaultValue           ? qs(model::toString(*def->defaultValue))
                                                   : QString());
}

void ScenarioEditor::fillOverrides(const model::Scenario &s)
{
    const QSignalBlocker block(m_overrides);
    m_overrides->setRowCount(int(s.overrides.size()));
    for (std::size_t i = 0; i < s.overrides.size(); ++i) {
        const model::PropertyOverride &o = s.overrides[i];
        const model::Node *node = m_document.architecture().node(o.node);
        const model::ServiceType *type = node ? m_document.catalog().type(node->type) : nullptr;
        const model::PropertyDef *def = type ? type->property(o.property) : nullptr;
        auto *service = new QTableWidgetItem(node ? qs(node->name) : tr("%1 (missing)").arg(qs(o.node.str())));
        service->setToolTip(qs(o.node.str()));
        auto *property = new QTableWidgetItem(def ? qs(def->label) : qs(o.property));
        property->setToolTip(qs(o.property) + (def && !def->unit.empty() ? QStringLiteral(" (%1)").arg(qs(def->unit)) : QString()));
        for (QTableWidgetItem *item : {service, property})
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        auto *value = new QTableWidgetItem(qs(model::toString(o.value)));
        value->setToolTip(tr("Double-click to change"));
        const int row = int(i);
        m_overrides->setItem(row, ServiceColumn, service);
        m_overrides->setItem(row, PropertyColumn, property);
        m_overrides->setItem(row, ValueColumn, value);
    }
    m_overrides->resizeColumnToContents(ServiceColumn);
    m_overrides->resizeColumnToContents(PropertyColumn);
    m_remove->setEnabled(!s.overrides.empty());
}

void ScenarioEditor::fillPropertyChoices()
{
    const model::Node *node = m_document.architecture().node(model::NodeId(m_selectedNode.toStdString()));
    const model::ServiceType *type = node ? m_document.catalog().type(node->type) : nullptr;
    const QString wanted = m_property->currentData().toString();
    {
        const QSignalBlocker block(m_property);
        m_property->clear();
        if (type) {
            // Workload numbers first: they are what scenarios change most.
            for (const char *group : {"Workload", ""}) {
                for (const model::PropertyDef &def : type->properties) {
                    if ((def.group == "Workload") == (*group != '\0'))
                        m_property->addItem(qs(def.label), qs(def.key));
                }
            }
        }
        const int at = m_property->findData(wanted);
        m_property->setCurrentIndex(at < 0 ? (m_property->count() ? 0 : -1) : at);
    }
    m_target->setText(node ? tr("For %1:").arg(qs(node->name)) : tr("Select a service on the canvas to add an override"));
    const bool usable = type && scenario();
    m_property->setVisible(type != nullptr);
    m_value->setVisible(type != nullptr);
    m_add->setVisible(type != nullptr);
    m_add->setEnabled(usable);
    if (type)
        fillOverrideValue();
}

namespace {

/// The text as a value for the property, or the reason it is not one.
std::optional<model::PropertyValue> parseValue(const model::PropertyDef *def, const QString &text, QString *why)
{
    if (!def) {
        bool ok = false;
        const double number = text.toDouble(&ok); // "inf" and "nan" read as numbers here
        return ok && model::isWithinNumberLimit(number) ? model::PropertyValue(number)
                                                        : model::PropertyValue(text.toStdString());
    }
    std::optional<model::PropertyValue> value = model::parsePropertyValue(*def, text.trimmed().toStdString());
    if (value && def->type == model::PropertyType::Number)
        value = *model::toNumber(*value);
    const std::optional<std::string> problem = value ? model::checkPropertyValue(*def, *value)
                                                     : std::optional<std::string>("is not a valid value");
    if (problem) {
        *why = QStringLiteral("%1 %2").arg(qs(def->label), qs(*problem));
        return std::nullopt;
    }
    return value;
}

} // namespace

void ScenarioEditor::addOverride()
{
    const model::Scenario *s = scenario();
    const model::NodeId nodeId(m_selectedNode.toStdString());
    const model::Node *node = m_document.architecture().node(nodeId);
    const model::ServiceType *type = node ? m_document.catalog().type(node->type) : nullptr;
    if (!s || !type || m_property->currentIndex() < 0)
        return;
    const std::string key = m_property->currentData().toString().toStdString();
    QString why;
    const auto value = parseValue(type->property(key), m_value->text(), &why);
    if (!value) {
        Q_EMIT problem(why);
        return;
    }
    model::Scenario edited = *s;
    auto same = [&](const model::PropertyOverride &o) { return o.node == nodeId && o.property == key; };
    auto it = std::find_if(edited.overrides.begin(), edited.overrides.end(), same);
    if (it != edited.overrides.end())
        it->value = *value;
    else
        edited.overrides.push_back({nodeId, key, *value});
    push(std::move(edited), tr("Override %1 of %2 in scenario '%3'").arg(m_property->currentText(), qs(node->name), qs(s->name)));
}

void ScenarioEditor::removeOverride()
{
    const model::Scenario *s = scenario();
    const int row = m_overrides->currentRow();
    if (!s || row < 0 || row >= int(s->overrides.size()))
        return;
    model::Scenario edited = *s;
    edited.overrides.erase(edited.overrides.begin() + row);
    push(std::move(edited), tr("Remove an override from scenario '%1'").arg(qs(s->name)));
}

void ScenarioEditor::onOverrideEdited(QTableWidgetItem *item)
{
    const model::Scenario *s = scenario();
    if (!s || item->column() != ValueColumn || item->row() >= int(s->overrides.size()))
        return;
    const model::PropertyOverride &o = s->overrides[std::size_t(item->row())];
    const model::Node *node = m_document.architecture().node(o.node);
    const model::ServiceType *type = node ? m_document.catalog().type(node->type) : nullptr;
    QString why;
    const auto value = parseValue(type ? type->property(o.property) : nullptr, item->text(), &why);
    if (!value || *value == o.value) {
        if (!value)
            Q_EMIT problem(why);
        const QSignalBlocker block(m_overrides);
        item->setText(qs(model::toString(o.value)));
        return;
    }
    model::Scenario edited = *s;
    edited.overrides[std::size_t(item->row())].value = *value;
    push(std::move(edited), tr("Change an override of scenario '%1'").arg(qs(s->name)));
}

} // namespace nimbus::views
