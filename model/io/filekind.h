// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace nimbus::model {

/// What the file type bits of a `st_mode` name, with its article, for messages: "a
/// directory", "a character device", "a block device", "a FIFO (named pipe)", "a socket",
/// "a symbolic link", "a regular file".
std::string fileKindName(unsigned mode);

/// The operating system's text for `errnum` ("No space left on device", "File too large"),
/// or "error N" for a number the C library has no text for, never "Unknown error".
std::string systemErrorText(int errnum);

} // namespace nimbus::model
