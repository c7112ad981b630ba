// Stemcrate GUI entry point: application identity, logging, translations, command line, the main window,
// the model setup and (for the README) screenshots.

#include "AppAllocator.h"
#include "MainWindow.h"
#include "ModelSetup.h"
#include "ScreenshotRunner.h"
#include "WorkerThreads.h"
#include "common/Logging.h"
#include "common/Translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTranslator>

namespace {

// "12.5:16" -> {12.5, 16}; {-1, -1} if malformed.
std::pair<double, double> parseRange(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool okFrom = false, okTo = false;
    const double from = parts.value(0).toDouble(&okFrom), to = parts.value(1).toDouble(&okTo);
    return parts.size() == 2 && okFrom && okTo ? std::pair{from, to} : std::pair{-1.0, -1.0};
}

} // namespace

int main(int argc, char** argv)
{
    // Before any thread allocates. The app links mimalloc (cmake/AppAllocator.cmake): a worker's free of a
    // block the GUI thread allocated takes no lock; glibc, if it is malloc after all, gets its tuning.
    const stemcrate::ui::Allocator allocator = stemcrate::ui::configureAppAllocator();
    // Before QApplication, so platform plugin warnings reach the log file too.
    stemcrate::Logging::install();
    qInfo() << "allocator:" << stemcrate::ui::allocatorName(allocator);

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("stemcrate"));
    QCoreApplication::setApplicationName(QStringLiteral("stemcrate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEMCRATE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.stemcrate.stemcrate"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/stemcrate.png")));

    QTranslator translator;
    if (stemcrate::Translation::load(translator))
        QCoreApplication::installTranslator(&translator);
    qInfo().noquote() << "interface language:"
                      << (translator.isEmpty() ? QStringLiteral("en") : translator.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Separate songs into stems and mine samples."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("songs"),
                                 QCoreApplication::translate("main", "Songs or folders to open."),
                                 QStringLiteral("[songs...]"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QCoreApplication::translate("main", "Separation model file."),
                                   QStringLiteral("path"));
    const QCommandLineOption noDownload(
        QStringLiteral("no-download"),
        QCoreApplication::translate("main", "Do not download the model on first run."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the window and quit."), QStringLiteral("png"));
    const QCommandLineOption screenshotDialog(
        QStringLiteral("screenshot-dialog"),
        QCoreApplication::translate("main", "settings, export or shortcuts."), QStringLiteral("name"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select FROM:TO seconds (screenshots)."),
        QStringLiteral("range"));
    const QCommandLineOption spectrogram(
        QStringLiteral("spectrogram"),
        QCoreApplication::translate("main", "Show spectrograms (screenshots)."));
    const QCommandLineOption midSeparation(
        QStringLiteral("screenshot-mid-separation"),
        QCoreApplication::translate("main", "Grab while separating (screenshots)."));
    parser.addOptions({model, noDownload, screenshot, screenshotDialog, select, spectrogram, midSeparation});
    parser.process(app);

    const bool takingScreenshot = parser.isSet(screenshot);
    stemcrate::ui::MainWindow window;
    auto* setup = new stemcrate::ModelSetup(window, parser.value(model),
                                            !parser.isSet(noDownload) && !takingScreenshot);
    setup->start();
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());

    if (takingScreenshot) {
        stemcrate::ScreenshotRequest request;
        request.path = parser.value(screenshot);
        request.dialog = parser.value(screenshotDialog);
        std::tie(request.selectFrom, request.selectTo) = parseRange(parser.value(select));
        request.spectrogram = parser.isSet(spectrogram);
        request.waitForSongs = !parser.positionalArguments().isEmpty();
        request.midSeparation = parser.isSet(midSeparation);
        (new stemcrate::ScreenshotRunner(window, request))->start();
    }
    return app.exec();
}
