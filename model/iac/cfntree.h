// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/tree.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Small builders for CloudFormation template fragments held as Trees. Intrinsic
/// functions are written in their short form ("!Ref Orders"), which is how people write
/// templates by hand and what the exporter emits.
namespace nimbus::model::cfn {

Tree text(const std::string &value); ///< a string scalar, quoted when YAML would read it otherwise
Tree integer(long long value);
Tree number(double value);
Tree boolean(bool value);
Tree ref(const std::string &logicalId);
Tree getAtt(const std::string &logicalId, const std::string &attribute);
Tree sub(const std::string &pattern);
Tree list(std::vector<Tree> items);
Tree map(std::vector<std::pair<std::string, Tree>> entries);

/// The map under `key` in `parent`, created (empty) when missing. When the value there is
/// not a plain map (an intrinsic function written by hand) it is left alone and a
/// throw-away map is returned.
Tree &child(Tree &parent, const std::string &key);
/// The sequence under `key` in `parent`, created (empty) when missing; a single value
/// already there becomes its first item.
Tree &childList(Tree &parent, const std::string &key);

/// Logical ids: letters and digits only, at most 255 characters.
bool isValidLogicalId(std::string_view id);
/// "Orders table" -> "OrdersTable", "image-resizer" -> "ImageResizer"; "" when nothing usable.
std::string pascalCase(std::string_view name);
/// "Orders table" -> "ORDERS_TABLE".
std::string upperSnake(std::string_view name);
/// "Orders table" -> "orders-table".
std::string kebab(std::string_view name);

/// The intrinsic function a tree stands for, short or long form: "Ref", "Fn::GetAtt",
/// "Fn::Sub", ... or "" when it is not one. Long form is a one-entry map.
std::string intrinsicName(const Tree &tree);
/// The argument of an intrinsic function (the scalar of "!Ref X", the value of {"Ref": X}).
const Tree *intrinsicArgument(const Tree &tree);

/// Every logical id or parameter a fragment refers to through Ref, GetAtt, Sub variables,
/// DependsOn is not included. Pseudo parameters (AWS::Region...) are left out.
void collectReferences(const Tree &tree, std::vector<std::string> &out);

/// Renames references to `from` so they point to `to` (Ref, GetAtt and Sub variables).
void renameReferences(Tree &tree, const std::string &from, const std::string &to);

} // namespace nimbus::model::cfn
