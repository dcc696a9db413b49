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
/// change, except for the few texts that emitter wrote in a form that did not read back or
/// that other readers read differently: a lone "\r", U+0085, U+2028 and U+2029 end a line for
/// YAML 1.1 readers (PyYAML, so cfn-lint and the SAM CLI), so text holding them, DEL, other
/// controls, bidirectional overrides or invalid UTF-8 is always double-quoted with escapes
/// (invalid bytes become U+FFFD). No string can therefore add keys or documents to the output.
std::string writeYaml(const Tree &tree);

/// A scalar for `text` that reads back as the same string: quoted when plain YAML would
/// read it as a number, boolean or null, or when it is empty.
Tree stringScalar(const std::string &text);

} // namespace nimbus::model
