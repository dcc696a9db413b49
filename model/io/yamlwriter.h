// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/tree.h>

#include <string>

namespace nimbus::model {

/// Writes a Tree as block-style YAML with two-space indentation. The output depends only
/// on the tree (same tree, same bytes). Quoted scalars stay quoted, multi-line text is
/// written as a literal block, tags are written in short form ("!Ref"). The bytes are those
/// yaml-cpp 0.7's emitter wrote for the same tree, so files saved by earlier versions do not
/// change, except for the few texts that emitter wrote in a form that did not read back.
std::string writeYaml(const Tree &tree);

/// A scalar for `text` that reads back as the same string: quoted when plain YAML would
/// read it as a number, boolean or null, or when it is empty.
Tree stringScalar(const std::string &text);

} // namespace nimbus::model
