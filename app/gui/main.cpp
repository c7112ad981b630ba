// Stemcrate GUI entry point: application identity, logging, translations, the main window.

#include "MainWindow.h"
#include "common/Logging.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QStatusBar>
#include <QTranslator>

int main(int argc, char** argv)
{
    // Before QApplication, so platform plugin warnings reach the log file too.
    stemcrate::Logging::install();

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("stemcrate"));
    QCoreApplication::setApplicationName(QStringLiteral("stemcrate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEMCRATE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("stemcrate"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/stemcrate.png")));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("stemcrate"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    stemcrate::MainWindow window;
    QObject::connect(&window, &stemcrate::MainWindow::songsChosen, &window,
                     [&window](const QStringList& paths) {
                         qInfo() << "songs chosen:" << paths;
                         window.statusBar()->showMessage(QCoreApplication::translate(
                             "main", "%n song(s) chosen. Separation arrives in a later version.", nullptr,
                             int(paths.size())));
                     });
    window.show();
    return app.exec();
}
