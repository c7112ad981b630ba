// stemcrate-cli: the headless front end. `stemcrate-cli <command> [options]`.

#include "AnalyzeCommand.h"
#include "CliOutput.h"
#include "ExportCommand.h"
#include "Interrupt.h"
#include "MiningCommands.h"
#include "ProbeCommand.h"
#include "SeparateCommand.h"
#include "SimilarCommand.h"
#include "StretchCommand.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QTranslator>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

namespace stemcrate::cli {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void onSignal(int)
{
    g_interrupted.store(true);
}
} // namespace

void installInterruptHandler()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool interrupted()
{
    return g_interrupted.load();
}

} // namespace stemcrate::cli

namespace {

// The commands and what they do; in the user's language once main() has installed the translator.
std::string usage()
{
    // clang-format off: the help text as it prints
    return stemcrate::cli::translate(
        "stemcrate-cli",
        "usage: stemcrate-cli <command> [options]\n"
        "\n"
        "commands:\n"
        "  separate   split songs into drums, bass, other and vocals stems\n"
        "  probe      print format, length and tags of audio files as JSON lines\n"
        "  export     cut a region of an audio file into a sample (WAV, FLAC, AIFF)\n"
        "  analyze    tempo, beats, key, loudness, onsets and loops of audio files as JSON lines\n"
        "  loops      ranked 1/2/4/8-bar loop suggestions per stem as JSON lines\n"
        "  chop       slice a region (equal parts, beats, transients) into samples + SFZ/Decent Sampler\n"
        "  oneshots   extract, classify and group the hits of a stem into a drum kit + SFZ/Decent Sampler\n"
        "  similar    the samples of a library folder that sound most like a file, as JSON lines\n"
        "  stretch    time-stretch and pitch-shift a file to a tempo and key (Rubber Band R3)\n"
        "\n"
        "Run 'stemcrate-cli <command> --help' for a command's options.\n");
    // clang-format on
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("stemcrate"));
    QCoreApplication::setApplicationName(QStringLiteral("stemcrate"));
    stemcrate::cli::installInterruptHandler();
    // Messages in the user's language (English plural forms otherwise): the app's translations, under :/i18n.
    QTranslator translator;
    if (stemcrate::Translation::load(translator))
        QCoreApplication::installTranslator(&translator);

    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fprintf(stderr, "%s", usage().c_str());
        return 2;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::printf("%s", usage().c_str());
        return 0;
    }
    if (command == "--version") {
        std::printf("stemcrate-cli %s\n", STEMCRATE_VERSION);
        return 0;
    }
    if (command == "separate")
        return stemcrate::cli::runSeparate(args);
    if (command == "probe")
        return stemcrate::cli::runProbe(args);
    if (command == "export")
        return stemcrate::cli::runExport(args);
    if (command == "analyze")
        return stemcrate::cli::runAnalyze(args);
    if (command == "loops")
        return stemcrate::cli::runLoops(args);
    if (command == "chop")
        return stemcrate::cli::runChop(args);
    if (command == "oneshots")
        return stemcrate::cli::runOneShots(args);
    if (command == "similar")
        return stemcrate::cli::runSimilar(args);
    if (command == "stretch")
        return stemcrate::cli::runStretch(args);
    const std::string unknown =
        stemcrate::cli::substitute(stemcrate::cli::translate("stemcrate-cli", "unknown command '%1'"), {command});
    std::fprintf(stderr, "error: %s\n\n%s", unknown.c_str(), usage().c_str());
    return 2;
}
