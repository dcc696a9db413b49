// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

/// The limits on what Nimbus reads, in one place: the readers, the command line and the
/// window's editors enforce them, the tests and docs/file-format.md ("Limits") quote them.
/// Each is at least five times what the 2,000-service benchmark design needs (bench/) and
/// below what would take a command over 1 GB of memory or more than a few seconds; the
/// measurements behind them are in the benchmark's figures (bench/bench_scale.cpp,
/// bench/peak_memory.sh).
namespace nimbus::model {

// --- files -------------------------------------------------------------------------------

/// Bytes of a project file or template; larger files are refused before they are read.
inline constexpr std::size_t kMaxFileBytes = 64u * 1024u * 1024u;
/// Nesting of maps and lists in a YAML or JSON file.
inline constexpr int kMaxYamlNesting = 200;
/// Values (scalars, maps and lists) in a file, counted after expanding aliases, so that an
/// "alias bomb" is refused too.
inline constexpr std::size_t kMaxYamlValues = 2'000'000;

// --- counts in a design ------------------------------------------------------------------

inline constexpr std::size_t kMaxNodes = 20'000;        ///< services and outside actors
inline constexpr std::size_t kMaxEdges = 50'000;        ///< connections
inline constexpr std::size_t kMaxGroups = 2'000;
inline constexpr std::size_t kMaxNotes = 2'000;
inline constexpr std::size_t kMaxScenarios = 100;
inline constexpr std::size_t kMaxOverrides = 10'000;    ///< per scenario
inline constexpr std::size_t kMaxTemplateResources = 10'000; ///< Resources of one imported template

// --- work a command is asked for ---------------------------------------------------------

/// Monte Carlo samples times services priced per sample: about 1.5 seconds of sampling on
/// the 2-core benchmark machine (20,000 services: 10,000 samples in 61 s, 1,000,000 in 209 s,
/// so 0.15 ms a sample after a set-up of about 58 s that the scale issue's server comparison
/// work removes). A design of 2,000 services runs 100,000 samples; 20,000 services, 10,000.
inline constexpr double kMaxMonteCarloWork = 2e8;

// --- text lengths, in characters (Unicode code points) -----------------------------------

inline constexpr std::size_t kMaxIdLength = 255;              ///< ids (see isValidId())
inline constexpr std::size_t kMaxNameLength = 256;            ///< names of designs, services, groups, scenarios; titles
inline constexpr std::size_t kMaxDescriptionLength = 20'000;  ///< descriptions of designs and scenarios
inline constexpr std::size_t kMaxNoteLength = 10'000;         ///< the text of a note
inline constexpr std::size_t kMaxPropertyTextLength = 10'000; ///< a text property value
inline constexpr std::size_t kMaxCurrencyTextLength = 16;     ///< currency code and symbol

// --- what Nimbus writes ------------------------------------------------------------------

/// Pixels of a PNG diagram; a larger diagram is drawn smaller to fit (SVG and PDF are
/// vector drawings and keep their full size).
inline constexpr std::size_t kMaxImagePixels = 64'000'000;

/// Number of Unicode code points in UTF-8 `text` (bytes that do not continue a sequence),
/// the unit the text limits are in.
std::size_t utf8Length(std::string_view text);

/// "<what> is 300 characters long; at most 256 are allowed (see Limits in
/// docs/file-format.md)".
std::string tooLongMessage(std::string_view what, std::size_t length, std::size_t maxLength);

/// "<what> has more than 20,000 <items>, the most Nimbus reads (see Limits in
/// docs/file-format.md)".
std::string tooManyMessage(std::string_view what, std::size_t maxCount, std::string_view items);

/// The most Monte Carlo samples a design of `services` services may ask for
/// (kMaxMonteCarloWork), never less than 1,000.
int maxMonteCarloSamples(std::size_t services);

} // namespace nimbus::model
