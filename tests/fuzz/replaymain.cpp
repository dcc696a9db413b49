// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The main() a fuzz target gets in an ordinary (gcc) build: it runs the target once over
// every seed that tests/fuzz/seeds.txt names for it and every saved finding in
// tests/fuzz/regressions/<target>/, so that ctest replays them all. A folder that is not
// there (the shared corpus on a machine without it) means fewer inputs, not a failure.
//
//   fuzz_x --replay <target> <source-dir>   all seeds and regressions of <target>
//   fuzz_x <file>...                        just these inputs (to reproduce a finding)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) {
        if (!part.empty())
            parts.push_back(part);
    }
    return parts;
}

/// Files below `folder` whose name ends in one of `extensions` ("*" for any), sorted.
std::vector<fs::path> filesUnder(const fs::path &folder, const std::vector<std::string> &extensions)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        if (!it->is_regular_file())
            continue;
        const std::string name = it->path().filename().string();
        const bool wanted = std::any_of(extensions.begin(), extensions.end(), [&](const std::string &e) {
            return e == "*" || (name.size() > e.size() && name.ends_with(e));
        });
        if (wanted)
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The seeds of `target`: lines "seed <target> <folder or file> <ext>[,<ext>...]" of seeds.txt.
std::vector<fs::path> seedFiles(const std::string &target, const fs::path &source)
{
    std::vector<fs::path> files;
    std::ifstream list(source / "tests/fuzz/seeds.txt");
    std::string line;
    while (std::getline(list, line)) {
        const std::vector<std::string> fields = split(line, ' ');
        if (fields.size() != 4 || fields[0] != "seed" || fields[1] != target)
            continue;
        const fs::path folder = source / fields[2];
        if (fs::is_regular_file(folder)) {
            files.push_back(folder);
            continue;
        }
        if (!fs::is_directory(folder)) {
            std::printf("%s: %s is not there; its seeds are skipped\n", target.c_str(),
                        fields[2].c_str());
            continue;
        }
        for (fs::path &file : filesUnder(folder, split(fields[3], ',')))
            files.push_back(std::move(file));
    }
    return files;
}

bool runOne(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return false;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Print first, so that the input is named when the target aborts.
    std::fprintf(stderr, "%s\n", file.string().c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "--replay") {
        const std::string &target = args[1];
        const fs::path source = args[2];
        const std::vector<fs::path> seeds = seedFiles(target, source);
        const std::vector<fs::path> regressions =
            filesUnder(source / "tests/fuzz/regressions" / target, {"*"});
        bool ok = true;
        for (const auto *files : {&seeds, &regressions}) {
            for (const fs::path &file : *files)
                ok = runOne(file) && ok;
        }
        std::printf("%s: replayed %zu seeds and %zu saved findings\n", target.c_str(),
                    seeds.size(), regressions.size());
        return ok ? 0 : 1;
    }
    if (args.empty() || args[0].starts_with("-")) {
        std::fprintf(stderr, "usage: %s --replay <target> <source-dir> | %s <file>...\n", argv[0], argv[0]);
        return 2;
    }
    bool ok = true;
    for (const std::string &file : args)
        ok = runOne(file) && ok;
    return ok ? 0 : 1;
}
