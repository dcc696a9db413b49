// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exportfiles.h"

#include "exporter.h"

#include <model/io/atomicfile.h>
#include <model/io/writetarget.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <set>

namespace nimbus::model::iac {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHashDigits = 8;
constexpr std::string_view kSuffix = ".yaml";

/// FNV-1a, 64 bits (http://www.isthe.com/chongo/tech/comp/fnv/), folded to 32.
std::uint32_t textHash(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/// Removes the parts of earlier exports of `stem` in `folder` that `kept` does not name.
void removeSupersededParts(const fs::path &folder, const std::string &stem,
                           const std::set<std::string> &kept)
{
    std::error_code ec;
    std::vector<fs::path> superseded;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (isPartFileName(stem, name) && kept.count(name) == 0)
            superseded.push_back(it->path());
    }
    for (const fs::path &path : superseded)
        fs::remove(path, ec);
}

} // namespace

std::string partFileName(const std::string &stem, std::size_t index, std::string_view text)
{
    static const char digits[] = "0123456789abcdef";
    std::string hash(kHashDigits, '0');
    std::uint32_t value = textHash(text);
    for (std::size_t i = kHashDigits; i-- > 0; value >>= 4)
        hash[i] = digits[value & 0xf];
    return stem + "-part" + std::to_string(index) + "-" + hash + std::string(kSuffix);
}

bool isPartFileName(const std::string &stem, const std::string &fileName)
{
    const std::string head = stem + "-part";
    if (fileName.size() <= head.size() + 1 + kHashDigits + kSuffix.size() ||
        fileName.compare(0, head.size(), head) != 0 ||
        fileName.compare(fileName.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        return false;
    const std::string_view middle(fileName.data() + head.size(),
                                  fileName.size() - head.size() - kSuffix.size());
    const std::size_t dash = middle.size() - kHashDigits - 1;
    return dash > 0 && middle[dash] == '-' &&
           std::all_of(middle.begin(), middle.begin() + std::ptrdiff_t(dash),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
           std::all_of(middle.begin() + std::ptrdiff_t(dash) + 1, middle.end(), isLowerHex);
}

bool writeExportFiles(const ExportResult &result, const std::string &mainPath, std::string &error)
{
    if (result.files.empty()) {
        error = "cannot write " + mainPath + ": the export has no files";
        return false;
    }
    // The parts go beside the file the main template really is (a link is written through),
    // where its "./part" references point.
    WriteTarget target;
    std::string ignored; // a target that cannot be written is reported by the set below
    const fs::path main(resolveWriteTarget(mainPath, target, ignored) ? target.path : mainPath);
    const fs::path folder = main.has_parent_path() ? main.parent_path() : fs::path(".");
    std::vector<OutputFile> files;
    std::set<std::string> names;
    for (std::size_t i = 1; i < result.files.size(); ++i) {
        files.push_back({(folder / result.files[i].fileName).string(), result.files[i].text});
        names.insert(result.files[i].fileName);
    }
    files.push_back({mainPath, result.files.front().text}); // last: it names the others
    FolderLock lock(folder.string());
    if (!writeFileSetAtomically(files, error))
        return false;
    std::string stem = result.files.front().fileName;
    if (stem.size() > kSuffix.size() && stem.ends_with(kSuffix))
        stem.resize(stem.size() - kSuffix.size());
    removeSupersededParts(folder, stem, names);
    return true;
}

} // namespace nimbus::model::iac
