// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <optional>
#include <string>
#include <string_view>

namespace nimbus::model {

/// A node's property as a number: the value set on the node, else the catalog default,
/// else `fallback`. Text that is not a number also gives `fallback`.
double numberProperty(const Node &node, const ServiceType &type, std::string_view key,
                      double fallback);

/// A node's property as text (choices, strings, and numbers or booleans in their text
/// form): the node's value, else the catalog default, else "".
std::string textProperty(const Node &node, const ServiceType &type, std::string_view key);

/// A node's property as a number (node value, else catalog default); nullopt when neither
/// gives one.
std::optional<double> optionalNumber(const Node &node, const ServiceType &type, std::string_view key);

/// The purpose of an edge ("data", "on-failure", "on-success", "dead-letter").
std::string edgePurpose(const Edge &edge);

/// True when the node sets the property or the catalog gives it a default.
bool hasProperty(const Node &node, const ServiceType &type, std::string_view key);

} // namespace nimbus::model
