// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace nimbus::model {

/// Replaces the file at `path` with `content` so that, whatever happens, the file holds
/// either its old or its new content in full: the content is written to a temporary file
/// beside the target, flushed to disk (fsync), then renamed over the target, and the
/// folder is flushed too. On failure the temporary file is removed, the target is left as
/// it was, and `error` says what failed (for example "No space left on device").
bool writeFileAtomically(const std::string &path, std::string_view content, std::string &error);

} // namespace nimbus::model
